namespace Search.Core.Suggesting;

/// <summary>A headline that starts with what was typed: its newest live copy (segment and document), how many live
/// copies it has, their summed recency score, and the newest one's minute.</summary>
/// <param name="Key">The folded title as kept (its start), and with <paramref name="TitleHash"/> what identifies it.</param>
internal sealed record TitleCompletion(string Key, int TitleHash, int Segment, int Doc, int Count, double Score, int Minute);
