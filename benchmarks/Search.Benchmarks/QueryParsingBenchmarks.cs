using BenchmarkDotNet.Attributes;
using Search.Core.Analysis;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Benchmarks;

/// <summary>
/// Turning search-box text into a Lucene query: <see cref="UserQueryParser.Parse"/> alone, then with
/// <see cref="NewsQueryBuilder.Build"/>, which analyzes every word twice (stemmed and exact form).
/// </summary>
[MemoryDiagnoser]
public class QueryParsingBenchmarks
{
    private NewsQueryBuilder _builder = null!;

    [Params(
        "الحكومة",
        "وزير الخارجية",
        "النفط OR الغاز",
        "\"رئيس الوزراء\"",
        "اقتصا*",
        "ما هي أسباب ارتفاع أسعار النفط")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup() =>
        _builder = new NewsQueryBuilder(new ArabicNewsAnalyzer(stem: true), new ArabicNewsAnalyzer(stem: false), new ArabicNewsStemmer(), new RankingOptions());

    [Benchmark(Baseline = true)]
    public UserQuery Parse() => UserQueryParser.Parse(Query);

    [Benchmark]
    public CompiledQuery ParseAndBuild() => _builder.Build(UserQueryParser.Parse(Query));
}
