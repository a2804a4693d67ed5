using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Suggesting;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Suggesting;

/// <summary>Articles indexed before the suggest-title doc values existed still give suggestions, from stored titles.</summary>
public sealed class LegacySegmentTests
{
    [Fact]
    public void A_segment_without_the_suggest_title_field_is_built_from_stored_titles_and_shows_them()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            foreach (var article in new[] { Article("old-1", "منجم الزمرد يفتح أبوابه"), Article("old-2", "منجم الزمرد يغلق أبوابه") })
            {
                var document = NewsDocumentMapper.ToDocument(article);
                document.RemoveField(NewsFields.SuggestTitle);
                writer.AddDocument(document);
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var segment = reader.Leaves.Single().AtomicReader;
        Assert.Null(segment.GetBinaryDocValues(NewsFields.SuggestTitle));

        var built = SegmentSuggestionsBuilder.Build(segment, new SuggestionOptions());

        var word = built.Words.Keys.IndexOf("الزمرد");
        Assert.Equal(2, built.Words.Count(word));
        Assert.Equal("منجم الزمرد", built.Phrases.Form(built.Phrases.Keys.IndexOf("منجم الزمرد")).ToString());
        Assert.Equal(("منجم الزمرد يغلق أبوابه", "old-2"), new HeadlineReader().Read(segment, 1));
    }
}
