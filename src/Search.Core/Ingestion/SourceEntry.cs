namespace Search.Core.Ingestion;

/// <summary>One entry of a <see cref="SourceWalk"/>: a file to read, or, with a <see cref="Problem"/>, a path passed
/// over and why.</summary>
internal readonly record struct SourceEntry(string Path, string? Problem = null);
