using Search.Core.Documents;

namespace Search.Core.Ingestion;

/// <summary>What reading one record gave: an article or the problem that stopped it, never both.</summary>
public readonly record struct IngestResult
{
    private IngestResult(NewsArticle? article, IngestProblem? problem)
    {
        Article = article;
        Problem = problem;
    }

    public NewsArticle? Article { get; }

    public IngestProblem? Problem { get; }

    public static IngestResult Of(NewsArticle article) => new(article, null);

    public static IngestResult Failed(string file, int? line, string message, string? field = null) =>
        new(null, new IngestProblem(file, line, message, field));
}
