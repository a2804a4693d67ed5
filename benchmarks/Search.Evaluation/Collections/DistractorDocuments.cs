using Search.Core.Documents;

namespace Search.Evaluation.Collections;

/// <summary>Turns news articles into distractor documents: ids get <see cref="IdPrefix"/> so they never collide with the
/// collection's own, the headline is the title and the body the body. The lead is left out, as for the passages, since
/// it mostly repeats the body's opening; an article without a body falls back to its lead so it is not empty.</summary>
public static class DistractorDocuments
{
    public const string IdPrefix = "distractor:";

    public static IEnumerable<EvaluationDocument> From(IEnumerable<NewsArticle> articles) =>
        articles.Select(article => new EvaluationDocument(IdPrefix + article.Id, article.Title, article.Body ?? article.Lead ?? string.Empty));
}
