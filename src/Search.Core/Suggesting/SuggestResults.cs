namespace Search.Core.Suggesting;

/// <summary>Suggestions for what was typed: words first, then phrases, then titles, each ranked by how many stories
/// use them and how recent those stories are. Empty when nothing matches.</summary>
/// <param name="Query">The query as given.</param>
public sealed record SuggestResults(string Query, IReadOnlyList<Suggestion> Suggestions);
