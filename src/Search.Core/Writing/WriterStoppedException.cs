namespace Search.Core.Writing;

/// <summary>
/// The index writer refuses every commit, whatever the storage does (Lucene.Net 4.8's, once it met an
/// OutOfMemoryException): writes stop, and unlike a foreign log or a record the index cannot take, a restart mends it,
/// since the next start opens a new writer and applies again from the write-ahead log what the last commit lacks.
/// </summary>
public sealed class WriterStoppedException(Exception cause)
    : InvalidOperationException($"The index writer refuses every commit ({cause.Message}); restart the service: it applies again every acknowledged write from its log.", cause);
