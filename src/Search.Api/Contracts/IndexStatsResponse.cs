using Search.Core.Indexing;
using Search.Core.Writing;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /api/index/stats</c>.</summary>
public sealed record IndexStatsResponse(IndexStatistics Index, WriteStatistics Writes);
