using Search.Core.Ingestion;

namespace Search.Core.DropFolder;

/// <summary>What became of one dropped file, for logs and consoles.</summary>
/// <param name="File">The file's path in the drop folder.</param>
/// <param name="MovedTo">Where it was moved; null when it stays in place, or when it was replaced while it was read
/// (the new file then stays in place, and <paramref name="Error"/> says so).</param>
/// <param name="Error">Why the try failed, for <see cref="DropFileState.WillRetry"/> and a file given up on.</param>
public sealed record DropFileOutcome(
    string File,
    DropFileState State,
    string? MovedTo,
    long Indexed,
    IReadOnlyList<IngestProblem> Problems,
    string? Error = null);
