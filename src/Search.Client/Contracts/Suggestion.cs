namespace Search.Client.Contracts;

/// <summary>One completion.</summary>
/// <param name="Text">The whole completed text, in the form the articles write it.</param>
/// <param name="Highlighted">HTML-escaped <see cref="Text"/> with the typed part in <c>&lt;mark&gt;</c>.</param>
/// <param name="Kind">A word, a frequent phrase or an article's title.</param>
/// <param name="Count">How many articles hold it.</param>
/// <param name="Id">The article's id, for a <see cref="SuggestionKind.Title"/> only.</param>
public sealed record Suggestion(string Text, string Highlighted, SuggestionKind Kind, long Count, string? Id = null);
