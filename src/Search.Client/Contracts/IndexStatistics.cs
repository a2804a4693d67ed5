namespace Search.Client.Contracts;

/// <summary>What the index holds, as of the last refresh and the last commit.</summary>
/// <param name="Articles">Searchable articles.</param>
/// <param name="DeletedDocuments">Replaced or deleted articles still taking space until merges drop them.</param>
/// <param name="Segments">Lucene segments.</param>
/// <param name="BytesOnDisk">The index folder's size.</param>
/// <param name="CommitGeneration">The last commit's generation.</param>
/// <param name="LastCommitAt">When the last commit was made.</param>
/// <param name="CommittedSequence">The change-log position the last commit holds everything up to.</param>
public sealed record IndexStatistics(
    int Articles,
    int DeletedDocuments,
    int Segments,
    long BytesOnDisk,
    long CommitGeneration,
    DateTimeOffset? LastCommitAt,
    long CommittedSequence);
