using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>
/// Date filters read the publication time's terms at <see cref="NewsFields.PublishedAtPrecisionStep"/> bits, and find
/// exactly the articles in range both in an index written so and in one written at Lucene's default 4 bits, as
/// indexes were before.
/// </summary>
public sealed class PublishedAtRangeTests
{
    private static readonly DateTimeOffset Start = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_range_finds_exactly_the_articles_published_in_it(bool writtenAtLucenesDefault)
    {
        var random = new Random(7);
        var published = Enumerable.Range(0, 400)
            .Select(_ => Start.AddSeconds(random.NextInt64(0, 6L * 365 * 24 * 3600)))
            .ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, NewsWriterConfig.Create()))
        {
            for (var i = 0; i < published.Count; i++)
            {
                var document = NewsDocumentMapper.ToDocument(TestCorpus.Article($"doc-{i:D3}", "خبر", publishedAt: published[i]));
                if (writtenAtLucenesDefault)
                {
                    document.RemoveFields(NewsFields.PublishedAt);
                    document.Add(new Int64Field(NewsFields.PublishedAt, published[i].ToUnixTimeSeconds(), Field.Store.NO));
                    document.Add(new NumericDocValuesField(NewsFields.PublishedAt, published[i].ToUnixTimeSeconds()));
                }

                writer.AddDocument(document);
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        for (var round = 0; round < 60; round++)
        {
            // Ranges of a minute to years, some open on one side, some on an article's exact instant.
            DateTimeOffset? from = round % 7 == 0 ? null : published[random.Next(published.Count)].AddSeconds(random.Next(-1, 2));
            DateTimeOffset? to = round % 5 == 0 ? null : (from ?? Start).AddSeconds(Math.Pow(10, random.NextDouble() * 8.3));
            var expected = Enumerable.Range(0, published.Count)
                .Where(i => (from is null || published[i] >= from) && (to is null || published[i] <= to))
                .Select(i => $"doc-{i:D3}")
                .Order(StringComparer.Ordinal);

            var hits = searcher.Search(new MatchAllDocsQuery(), new SearchFilters(from, to).ToFilter(), published.Count + 1).ScoreDocs;

            Assert.Equal(expected, hits.Select(hit => searcher.Doc(hit.Doc).Get(NewsFields.Id)).Order(StringComparer.Ordinal));
        }
    }
}
