namespace Search.Core.Ingestion;

/// <summary>A record that cannot become an article (no id, no title, a date that does not parse).</summary>
public sealed class ArticleValidationException(string message) : Exception(message);
