using Search.Core.Documents;

namespace Search.Evaluation.Collections;

/// <summary>News articles read through the service's own ingestion (<c>ArticleSources</c>), with what was left out.</summary>
/// <param name="Articles">Valid articles, first occurrence of each id, in file order.</param>
/// <param name="Skipped">Records the reader rejected (invalid JSON, no id, no title …).</param>
/// <param name="DuplicateIds">Later records whose id was already read; dropped so every configuration sees the same set.</param>
public sealed record NewsCorpus(IReadOnlyList<NewsArticle> Articles, int Skipped, int DuplicateIds);
