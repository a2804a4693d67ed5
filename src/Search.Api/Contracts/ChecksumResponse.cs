namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /api/index/checksum</c>: which articles the node holds in which version, folded into one
/// number (<see cref="Search.Core.Indexing.IndexChecksum"/>), and the change it applied last. Two nodes that applied
/// the same changes give the same checksum.</summary>
public sealed record ChecksumResponse(long Articles, string Checksum, long AppliedSequence);
