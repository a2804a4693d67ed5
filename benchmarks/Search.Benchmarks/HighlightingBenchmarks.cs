using BenchmarkDotNet.Attributes;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// What highlighting costs: the same top-10 searches on an in-memory index of the seeded corpus with
/// <see cref="SearchRequest.Highlight"/> on and off. Every query fills the page, so
/// (Highlighted − Plain) / 10 is the cost per hit. Times are per query.
/// </summary>
[MemoryDiagnoser]
public class HighlightingBenchmarks
{
    private const int QueryCount = 16;
    private const int PageSize = 10;
    private const int Seed = 42;

    private NewsIndex _index = null!;
    private string[] _queries = [];

    [Params(BenchmarkQueries.Word, BenchmarkQueries.TwoWords, BenchmarkQueries.Phrase, BenchmarkQueries.Prefix)]
    public string Shape { get; set; } = BenchmarkQueries.Word;

    [GlobalSetup]
    public void Setup()
    {
        _index = NewsIndex.InMemory();
        foreach (var article in BenchmarkCorpus.Articles)
        {
            _index.Upsert(article);
        }

        _index.Commit();
        _index.Refresh();
        _queries = BenchmarkQueries.Draw(Shape, BenchmarkCorpus.Articles, _index, QueryCount, PageSize, Seed);
        Console.WriteLine($"// Corpus: {BenchmarkCorpus.Description}; {_index.Count:N0} articles indexed in memory");
        Console.WriteLine($"// {Shape} queries: {string.Join(" | ", _queries)}");
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = QueryCount)]
    public int Plain() => Run(highlight: false);

    [Benchmark(OperationsPerInvoke = QueryCount)]
    public int Highlighted() => Run(highlight: true);

    private int Run(bool highlight)
    {
        var hits = 0;
        foreach (var query in _queries)
        {
            hits += _index.Search(new SearchRequest(query, 1, PageSize, highlight)).Hits.Count;
        }

        return hits;
    }
}
