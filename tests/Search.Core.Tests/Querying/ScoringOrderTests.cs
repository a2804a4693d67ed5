using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Querying;

/// <summary>
/// Searches are scored a window of documents at a time (<see cref="WindowedDisjunctionScorer"/>), not in document
/// order: the choice is about speed only, so both must rank alike.
/// </summary>
public sealed class ScoringOrderTests
{
    private static readonly NewsQueryBuilder Builder = new(
        new ArabicNewsAnalyzer(stem: true), new ArabicNewsAnalyzer(stem: false), new ArabicNewsStemmer(), new RankingOptions());

    [Theory]
    [InlineData("متى افتتح وزير الصحة المستشفى الجديد في المدينة", 6)]
    [InlineData("وزير الصحة", 3)]
    [InlineData("المستشفى", 3)]
    public void A_query_ranks_alike_in_either_scoring_order(string query, int matches)
    {
        using var directory = new RAMDirectory();
        var config = NewsWriterConfig.Create();
        config.Similarity = new BM25Similarity();
        string[] bodies =
        [
            "افتتح وزير الصحة المستشفى الجديد في المدينة بحضور المحافظ.",
            "بدأ المستشفى الجديد في المدينة استقبال المرضى.",
            "قدم وزير الصحة تقريره أمام البرلمان.",
            "احتفلت المدينة بعيدها السنوي في الساحة الكبرى.",
            "افتتح المحافظ حديقة جديدة في وسط المدينة.",
            "زار وزير الصحة مستشفى الأطفال وافتتح قسما جديدا.",
        ];
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article($"doc-{i}", $"خبر {i}", bodies[i])));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var compiled = Builder.Build(UserQueryParser.Parse(query), reader);
        Assert.IsType<WindowedDisjunctionQuery>(compiled.Query);

        var inOrder = TopScoreDocCollector.Create(10, docsScoredInOrder: true);
        var buckets = TopScoreDocCollector.Create(10, docsScoredInOrder: false);
        searcher.Search(compiled.Query!, inOrder);
        searcher.Search(compiled.Query!, buckets);
        var expected = inOrder.GetTopDocs().ScoreDocs;
        var actual = buckets.GetTopDocs().ScoreDocs;

        Assert.Equal(matches, expected.Length);
        Assert.Equal(0, expected[0].Doc);
        Assert.Equal(expected.Select(hit => hit.Doc), actual.Select(hit => hit.Doc));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 4));
    }
}
