using System.Text.Json.Serialization;

namespace Search.Core.Suggesting;

/// <summary>One completion of what the reader typed.</summary>
/// <param name="Text">The whole query the search box should hold when the suggestion is chosen: for a word, the words
/// typed before the last one as typed and the last one completed; for a phrase or a title, the phrase or title as the
/// articles write it.</param>
/// <param name="Highlighted"><paramref name="Text"/> HTML-escaped (<c>&amp; &lt; &gt; " '</c> only), with the part the
/// reader typed wrapped in <c>&lt;mark&gt;</c>.</param>
/// <param name="Count">Live articles whose titles hold it (for a title, the copies of that headline).</param>
/// <param name="Id">The newest article with this title; only for <see cref="SuggestionKind.Title"/>.</param>
public sealed record Suggestion(
    string Text,
    string Highlighted,
    SuggestionKind Kind,
    int Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null);
