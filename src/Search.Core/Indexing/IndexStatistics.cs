namespace Search.Core.Indexing;

/// <summary>What an index holds and how it is stored, as of the last refresh and the last commit.</summary>
/// <param name="DeletedDocuments">Replaced or deleted articles still taking space until merges drop them.</param>
/// <param name="CommittedSequence">The change-log position the last commit holds everything up to.</param>
public sealed record IndexStatistics(
    int Articles,
    int DeletedDocuments,
    int Segments,
    long BytesOnDisk,
    long CommitGeneration,
    DateTimeOffset? LastCommitAt,
    long CommittedSequence);
