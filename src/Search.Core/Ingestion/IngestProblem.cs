namespace Search.Core.Ingestion;

/// <summary>Why a record was skipped, and where it is: <see cref="Line"/> is 1-based, null for whole-file formats;
/// <see cref="Field"/> names the field at fault when one is.</summary>
public sealed record IngestProblem(string File, int? Line, string Message, string? Field = null)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
