namespace Search.Indexer.Push;

/// <summary>
/// How many leading records of a push are done, so a push stopped half-way can resume after them. A record read is
/// done at once (a problem, an article not sent, one sent by an earlier run) or waits in a batch until the service
/// acknowledges that batch. Batches are filled in record order but several fly at once and come back in any order, so
/// the prefix ends just before the first record of the earliest batch still waiting, the one being filled included.
/// </summary>
/// <remarks>Records are 1-based ordinals. Not thread-safe: one push at a time.</remarks>
internal sealed class AcknowledgedPrefix
{
    // First records of the batches waiting: batches never share one, since each starts at a record of its own.
    private readonly SortedSet<long> _waiting = [];
    private long _read;

    /// <summary>The number of leading records that are all done.</summary>
    public long Value => _waiting.Count > 0 ? Math.Min(_waiting.Min - 1, _read) : _read;

    /// <summary>Records up to <paramref name="record"/> are read and each is either done or in a batch marked
    /// <see cref="Waiting"/>.</summary>
    public void Read(long record) => _read = Math.Max(_read, record);

    /// <summary>A batch whose first record is <paramref name="firstRecord"/> holds articles not yet acknowledged.</summary>
    public void Waiting(long firstRecord) => _waiting.Add(firstRecord);

    /// <summary>The service answered the batch whose first record is <paramref name="firstRecord"/>: every line of it
    /// written or refused for good.</summary>
    public void Acknowledged(long firstRecord) => _waiting.Remove(firstRecord);
}
