using System.Buffers;
using Search.Core.Documents;
using Search.Core.Ingestion;

namespace Search.Indexer.Push;

/// <summary>One bulk request being filled: the NDJSON body, and for each of its lines the file and line the article
/// came from, so the service's answer for line <c>n</c> can be reported against the input.</summary>
internal sealed class ArticleBatch
{
    private readonly ArrayBufferWriter<byte> _body = new(64 * 1024);
    private readonly List<Source> _sources = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public int Count => _sources.Count;

    public int Bytes => _body.WrittenCount;

    public ReadOnlyMemory<byte> Body => _body.WrittenMemory;

    /// <summary>The 1-based ordinal, among the push's records, of the first article added.</summary>
    public long FirstRecord { get; private set; }

    public void Add(NewsArticle article, byte[] json, string? file, int? line, long record)
    {
        if (Count == 0)
        {
            FirstRecord = record;
        }

        _body.Write(json);
        _body.Write("\n"u8);
        _sources.Add(new Source(file ?? "(input)", line, article.Id));
        _ids.Add(article.Id);
    }

    /// <summary>True when both batches write an article with the same id.</summary>
    public bool Overlaps(ArticleBatch other) => _ids.Overlaps(other._ids);

    /// <summary>The problem of the article on 1-based <paramref name="bodyLine"/>, located in its input.</summary>
    public IngestProblem ProblemAt(int bodyLine, string message, string? field)
    {
        var source = bodyLine >= 1 && bodyLine <= _sources.Count ? _sources[bodyLine - 1] : new Source("(input)", null, "?");
        return Locate(source.File, source.Line, source.Id, message, field);
    }

    /// <summary>The problem of an article, located in its input.</summary>
    public static IngestProblem Locate(string? file, int? line, string id, string message, string? field = null)
    {
        // Whole-file formats and feeds have no line: the id tells which of the file's articles it was.
        var text = line is null ? $"article '{id}': {message}" : message;
        return new IngestProblem(file ?? "(input)", line, text, field);
    }

    private sealed record Source(string File, int? Line, string Id);
}
