namespace Search.Client.Contracts;

/// <summary>Completions of what has been typed so far (<c>GET /api/suggest</c>), best first.</summary>
/// <param name="Query">The text as sent.</param>
/// <param name="Suggestions">The completions.</param>
public sealed record SuggestResults(string Query, IReadOnlyList<Suggestion> Suggestions);
