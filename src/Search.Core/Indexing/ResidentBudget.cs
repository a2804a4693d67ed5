namespace Search.Core.Indexing;

/// <summary>How many bytes of index files a directory may hold in memory (<see cref="ResidentFile"/>), shared by all the
/// files it opens. Thread-safe.</summary>
public sealed class ResidentBudget(long maxBytes)
{
    private long _used;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Bytes held now.</summary>
    public long UsedBytes => Interlocked.Read(ref _used);

    internal bool TryReserve(long bytes)
    {
        while (true)
        {
            var used = Interlocked.Read(ref _used);
            if (used + bytes > MaxBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + bytes, used) == used)
            {
                return true;
            }
        }
    }

    internal void Return(long bytes) => Interlocked.Add(ref _used, -bytes);
}
