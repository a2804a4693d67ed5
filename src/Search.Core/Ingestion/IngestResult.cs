using Search.Core.Documents;

namespace Search.Core.Ingestion;

/// <summary>What reading one record gave: an article or the problem that stopped it, never both. An article also says
/// where it was read, so whoever writes it on (a service's bulk answer) can point back at its file and line.</summary>
public readonly record struct IngestResult
{
    private IngestResult(NewsArticle? article, IngestProblem? problem, string? file, int? line, long version = 0)
    {
        Version = version;
        Article = article;
        Problem = problem;
        File = file;
        Line = line;
    }

    public NewsArticle? Article { get; }

    public IngestProblem? Problem { get; }

    /// <summary>The file the article was read from; null when the reader was not given one.</summary>
    public string? File { get; }

    /// <summary>The article's 1-based line in a line format (JSON Lines); null for whole-file formats and feeds.</summary>
    public int? Line { get; }

    /// <summary>For an article read back from a store or an index: the change-log position that wrote it, kept by the
    /// index it goes into; 0 for one read from a file.</summary>
    public long Version { get; }

    public static IngestResult Of(NewsArticle article, string? file = null, int? line = null) => new(article, null, file, line);

    /// <summary>An article read back from a store or an index, with the change-log position that wrote it.</summary>
    public static IngestResult Stored(NewsArticle article, long version) => new(article, null, null, null, version);

    public static IngestResult Failed(string file, int? line, string message, string? field = null) =>
        new(null, new IngestProblem(file, line, message, field), file, line);
}
