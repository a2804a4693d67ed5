using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Core.Tests.Spelling;

/// <summary>A small in-memory index analyzed as the service analyzes, for the speller's lookups; each text one article
/// (its title), a text given with a count that many articles.</summary>
internal sealed class SpellingIndex : IDisposable
{
    private readonly RAMDirectory _directory = new();

    public SpellingIndex(params (string Text, int Copies)[] texts)
    {
        using (var writer = new IndexWriter(_directory, NewsWriterConfig.Create()))
        {
            var id = 0;
            foreach (var (text, copies) in texts)
            {
                for (var copy = 0; copy < copies; copy++)
                {
                    writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article($"doc-{id++}", text)));
                }
            }

            writer.Commit();
        }

        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader);
    }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
