using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Makes articles' Lucene documents on one thread for another to index: mapped and, when asked, with their text
/// analyzed already (<see cref="PreAnalyzedDocument"/>), so that the indexing thread only inverts and stores. The
/// analysis buffers go back to a pool once their document is indexed, for the next ones. Thread-safe.
/// </summary>
internal sealed class DocumentPreparer
{
    private readonly NewsIndex _index;
    private readonly ConcurrentQueue<PreAnalyzedDocument> _spare = new();

    public DocumentPreparer(NewsIndex index)
    {
        _index = index;
    }

    /// <param name="analyze">false leaves the analysis to the thread that indexes the document.</param>
    public PreparedDocument Prepare(NewsArticle article, long version, bool analyze)
    {
        var document = NewsDocumentMapper.ToDocument(article, version);
        if (!analyze)
        {
            return new(document, null);
        }

        var analyzed = _spare.TryDequeue(out var reused) ? reused : new PreAnalyzedDocument(_index.IndexAnalyzer);
        analyzed.Analyze(document);
        return new(document, analyzed);
    }

    /// <summary>Takes back the document's analysis buffers once the writer has indexed it (or given up on it).</summary>
    public void Release(PreparedDocument prepared)
    {
        if (prepared.Analyzed is { } analyzed && analyzed.Release())
        {
            _spare.Enqueue(analyzed);
        }
    }
}

/// <summary>An article's Lucene document and, when analyzed ahead, the recording its indexed fields replay.</summary>
internal readonly record struct PreparedDocument(Document Document, PreAnalyzedDocument? Analyzed);
