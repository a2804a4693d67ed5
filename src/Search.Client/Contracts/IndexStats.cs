namespace Search.Client.Contracts;

/// <summary>The body of <c>GET /api/index/stats</c>.</summary>
/// <param name="Index">What the index holds and how it is stored.</param>
/// <param name="Writes">The write path's state.</param>
/// <param name="Feeds">Each polled feed as of its last poll, in configuration order.</param>
public sealed record IndexStats(IndexStatistics Index, WriteStatistics Writes, IReadOnlyList<FeedState> Feeds);
