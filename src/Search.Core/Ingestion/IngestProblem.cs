namespace Search.Core.Ingestion;

/// <summary>Why a record was skipped, and where it is: <see cref="Line"/> is 1-based, null for whole-file formats.</summary>
public sealed record IngestProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
