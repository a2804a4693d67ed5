using System.Text;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Benchmarks;

/// <summary>
/// Analysis throughput: every title, lead and body of the seeded corpus through one analyzer per operation, consuming
/// the token stream fully. The <c>MB/s</c> column divides <see cref="TextBytes"/> (UTF-8) by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TextThroughputConfig))]
public class AnalysisBenchmarks
{
    private static readonly Lazy<string[]> CorpusTexts = new(() =>
        [.. BenchmarkCorpus.Articles.SelectMany(article => new[] { article.Title, article.Lead, article.Body }).OfType<string>()]);

    private string[] _texts = [];
    private Analyzer _stock = null!;
    private Analyzer _newsStemmed = null!;
    private Analyzer _newsExact = null!;
    private Analyzer _newsIndexing = null!;

    /// <summary>UTF-8 bytes analyzed per operation; the same in the host and in the benchmark process.</summary>
    public static long TextBytes => CorpusTexts.Value.Sum(text => (long)Encoding.UTF8.GetByteCount(text));

    [GlobalSetup]
    public void Setup()
    {
        _texts = CorpusTexts.Value;
        _stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _newsStemmed = new ArabicNewsAnalyzer(stem: true);
        _newsExact = new ArabicNewsAnalyzer(stem: false);
        _newsIndexing = new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact);
        Console.WriteLine($"// Corpus: {BenchmarkCorpus.Description}; {_texts.Length:N0} texts, {TextBytes:N0} UTF-8 bytes per operation");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stock.Dispose();
        _newsStemmed.Dispose();
        _newsExact.Dispose();
        _newsIndexing.Dispose();
    }

    /// <summary>Lucene's stock chain: StandardTokenizer, lowercase, stop words, normalization, light10 stemmer.</summary>
    [Benchmark(Baseline = true)]
    public long StockArabicAnalyzer() => Consume(_stock, _texts);

    /// <summary>Our chain as the title, lead and body fields use it.</summary>
    [Benchmark]
    public long NewsAnalyzerStemmed() => Consume(_newsStemmed, _texts);

    /// <summary>Our chain without the stemmer, as the exact-form field (and the highlighter) use it.</summary>
    [Benchmark]
    public long NewsAnalyzerExact() => Consume(_newsExact, _texts);

    /// <summary>Our chain as the index uses it: stems and exact forms in one pass.</summary>
    [Benchmark]
    public long NewsAnalyzerIndexing() => Consume(_newsIndexing, _texts);

    private static long Consume(Analyzer analyzer, string[] texts)
    {
        long chars = 0;
        foreach (var text in texts)
        {
            using var stream = analyzer.GetTokenStream(NewsFields.Body, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                chars += term.Length;
            }

            stream.End();
        }

        return chars;
    }
}
