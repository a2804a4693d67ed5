using Search.Core.Ingestion;

namespace Search.Core.DropFolder;

/// <summary>What a <see cref="DropFileHandler"/> made of one file: the articles indexed and the records that were not.</summary>
public sealed record DropFileReport(long Indexed, IReadOnlyList<IngestProblem> Problems)
{
    /// <summary>Nothing usable in it: no article indexed and at least one problem (unreadable, or every record bad).</summary>
    public bool IsBad => Indexed == 0 && Problems.Count > 0;
}
