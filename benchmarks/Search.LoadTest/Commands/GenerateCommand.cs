using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Search.Core.Ingestion;
using Search.LoadTest.Synthetic;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>Runs <c>generate</c>: learns <see cref="CorpusStatistics"/>, builds the <see cref="ZipfVocabulary"/> for the target size, writes the file.</summary>
internal static class GenerateCommand
{
    public static int Run(ParseResult parseResult)
    {
        var articles = parseResult.GetValue(GenerateCommandDefinition.Articles);
        var output = Path.GetFullPath(parseResult.GetRequiredValue(GenerateCommandDefinition.Output));
        var seed = parseResult.GetValue(GenerateCommandDefinition.Seed);
        var corpus = parseResult.GetValue(GenerateCommandDefinition.Corpus) is { Length: > 0 } given ? given : [.. DataLocator.NewsFolders()];
        if (corpus.Length == 0)
        {
            Console.Error.WriteLine("error: no real corpus to learn from; pass --corpus or provide ../shared/data/ant-*");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var statistics = CorpusStatistics.Learn(new ArticleSources().Read(corpus).Where(record => record.Article is not null).Select(record => record.Article!));
        var targetTokens = (long)(statistics.MeanTokensPerArticle * articles);
        var vocabulary = ZipfVocabulary.Build(statistics, targetTokens, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            learned from {string.Join(" ", corpus)} in {clock.Elapsed.TotalSeconds:F1} s:
              articles {statistics.Profiles.Count:N0}, word tokens {statistics.Tokens:N0} ({statistics.MeanTokensPerArticle:F0}/article), distinct words {statistics.RankedWords.Count:N0}
              Heaps' law V = {statistics.HeapsK:F1} * n^{statistics.HeapsBeta:F3}; Zipf exponent of the tail s = {vocabulary.ZipfExponent:F3}
              body words per article: median {Median(statistics.Profiles.Select(profile => profile.BodyWords)):N0}, lead repeats body in {statistics.Profiles.Count(profile => profile.LeadRepeatsBody) / (double)statistics.Profiles.Count:P0}
              per body word: sentence end {statistics.SentenceEndRate:P1}, comma {statistics.CommaRate:P1}; paragraph break per sentence {statistics.ParagraphPerSentence:P0}
            target: {articles:N0} articles, ~{targetTokens:N0} word tokens, vocabulary {vocabulary.Count:N0} words ({vocabulary.ObservedWords:N0} real, {vocabulary.Count - vocabulary.ObservedWords:N0} new forms)
            """));

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var random = new Random(seed);
        var writer = new SyntheticArticleWriter(statistics, vocabulary, random);
        clock.Restart();
        using (var file = File.Create(output))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var buffered = new BufferedStream(gzip, 1 << 20))
        {
            for (var i = 1; i <= articles; i++)
            {
                writer.Write(buffered, i);
                if (i % 100_000 == 0)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i:N0} articles in {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {articles:N0} articles to {output} in {clock.Elapsed.TotalSeconds:F1} s: {writer.Tokens:N0} word tokens, {writer.VocabularyUsed:N0} distinct words (Heaps' law predicts {statistics.HeapsK * Math.Pow(writer.Tokens, statistics.HeapsBeta):N0}), {writer.Utf8Bytes / 1e6:N0} MB of JSON, {new FileInfo(output).Length / 1e6:N0} MB gzipped"));
        return 0;
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
