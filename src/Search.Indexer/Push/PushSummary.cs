namespace Search.Indexer.Push;

/// <summary>Where a push stands.</summary>
/// <param name="Sent">Articles the service acknowledged: durable on its side. Those an earlier run had acknowledged,
/// skipped when resuming, count too.</param>
/// <param name="Skipped">Records the reader rejected here, and articles too large to send.</param>
/// <param name="Rejected">Articles the service refused (one line of a bulk answer).</param>
/// <param name="Bytes">Bytes of the acknowledged requests.</param>
/// <param name="Interrupted">Cancelled: reading stopped and the batches in flight were finished.</param>
internal sealed record PushSummary(long Sent, long Skipped, long Rejected, long Bytes, TimeSpan Elapsed, bool Interrupted = false)
{
    public double DocsPerSecond => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;
}
