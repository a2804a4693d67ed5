namespace Search.LoadTest.Writes;

/// <summary>The offline indexer's run: articles per second as it reports them (read, parse, analyze, index, commit),
/// and the process's wall time around it.</summary>
internal sealed record OfflineIndexerResult(int Articles, double ArticlesPerSecond, TimeSpan Wall);
