using Search.Core.Feeds;
using Search.Core.Indexing;
using Search.Core.Writing;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /api/index/stats</c>.</summary>
/// <param name="Feeds">Each configured feed as of its last poll, in configuration order.</param>
/// <param name="Replication">With a shared store: the applied position and the lag behind the database; null otherwise.</param>
public sealed record IndexStatsResponse(IndexStatistics Index, WriteStatistics Writes, IReadOnlyList<FeedState> Feeds, ReplicationStatus? Replication);
