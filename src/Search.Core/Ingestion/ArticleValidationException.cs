namespace Search.Core.Ingestion;

/// <summary>A record that cannot become an article (no id, no title, a date that does not parse).</summary>
/// <param name="field">The field at fault, as the JSON names it, when one is.</param>
public sealed class ArticleValidationException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
