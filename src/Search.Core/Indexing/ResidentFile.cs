using Microsoft.Win32.SafeHandles;

namespace Search.Core.Indexing;

/// <summary>A whole index file copied into memory for <see cref="ResidentInput"/>s, counted against a
/// <see cref="ResidentBudget"/> until released.</summary>
internal sealed class ResidentFile
{
    private readonly ResidentBudget _budget;
    private int _released;

    private ResidentFile(byte[] bytes, ResidentBudget budget)
    {
        Bytes = bytes;
        _budget = budget;
    }

    public byte[] Bytes { get; }

    /// <summary>The file's bytes, read now; null when the budget has no room for them (the caller then reads it from
    /// disk as it goes).</summary>
    public static ResidentFile? TryLoad(SafeFileHandle handle, long length, ResidentBudget budget)
    {
        if (length > Array.MaxLength || !budget.TryReserve(length))
        {
            return null;
        }

        try
        {
            var bytes = GC.AllocateUninitializedArray<byte>((int)length);
            var read = PositionalReadInput.ReadFully(handle, bytes, 0);
            if (read < length)
            {
                throw new EndOfStreamException($"the file ended at {read} of {length} bytes");
            }

            return new ResidentFile(bytes, budget);
        }
        catch
        {
            budget.Return(length);
            throw;
        }
    }

    /// <summary>Gives the bytes back to the budget, once; clones still holding the array keep it alive until they go.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _budget.Return(Bytes.Length);
        }
    }
}
