namespace Search.Client.Contracts;

/// <summary>HTML-escaped text with each matched word wrapped in <c>&lt;mark&gt;</c>: safe to insert as HTML.</summary>
/// <param name="Title">The whole title.</param>
/// <param name="Snippets">Passages of the text around matches.</param>
public sealed record HitHighlights(string Title, IReadOnlyList<string> Snippets);
