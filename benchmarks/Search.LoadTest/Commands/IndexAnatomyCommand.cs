using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Ingestion;
using Search.Core.Storage;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>index-anatomy</c>: the same articles, read and parsed before the clock starts, indexed in process on one
/// thread into one segment (256 MB buffer, merges in the indexing thread, no compound file, as the Java peer does),
/// first as stock Lucene would (its <c>ArabicAnalyzer</c>, the peer's id/title/body document), then with our analysis
/// and document one step at a time. The differences between rows are what each step costs.
/// </summary>
internal static class IndexAnatomyCommand
{
    private sealed record Variant(string Name, Func<Analyzer> Analyzer, Func<NewsArticle, Document> Document, bool Upsert);

    public static int Run(ParseResult parseResult)
    {
        var inputs = parseResult.GetValue(IndexAnatomyCommandDefinition.Input) is { Length: > 0 } given ? given : [.. DataLocator.NewsFolders()];
        var scratch = Path.GetFullPath(parseResult.GetRequiredValue(IndexAnatomyCommandDefinition.IndexPath));
        var runs = parseResult.GetValue(IndexAnatomyCommandDefinition.Runs);
        if (inputs.Length == 0 || inputs.Any(path => !File.Exists(path) && !System.IO.Directory.Exists(path)))
        {
            Console.Error.WriteLine($"error: give --input files or folders that exist (got: {string.Join(", ", inputs)})");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        var articles = new ArticleSources().Read(inputs).Where(record => record.Article is not null).Select(record => record.Article!).ToList();
        Console.WriteLine($"# index-anatomy: {articles.Count:N0} articles from {string.Join(" ", inputs)}, {runs} run(s) a variant");
        Console.WriteLine();

        Variant[] variants =
        [
            new("stock ArabicAnalyzer, the Java peer's document", () => new ArabicAnalyzer(LuceneVersion.LUCENE_48), PeerDocument, Upsert: false),
            new("our analysis, stems only, our document", () => new ArabicNewsAnalyzer(ArabicAnalysisMode.Stemmed), article => NewsDocumentMapper.ToDocument(article), Upsert: false),
            new("our analysis with exact forms, our document (an import into an empty index)", () => new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact), article => NewsDocumentMapper.ToDocument(article), Upsert: false),
            new("the same, upserted", () => new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact), article => NewsDocumentMapper.ToDocument(article), Upsert: true),
        ];

        var seconds = variants.ToDictionary(variant => variant, _ => new List<double>());
        var tokens = new Dictionary<Variant, (long Tokens, long Terms)>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var variant in variants)
            {
                var (elapsed, counts) = Index(variant, articles, scratch);
                seconds[variant].Add(elapsed);
                tokens[variant] = counts;
            }
        }

        System.IO.Directory.Delete(scratch, recursive: true);
        Console.WriteLine("| variant | seconds (add + commit) | indexed tokens of the main text field | distinct terms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var variant in variants)
        {
            var times = seconds[variant].Order().ToList();
            var range = times.Count == 1 ? F(times[0]) : $"{F(times[0])}–{F(times[^1])}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {variant.Name} | {range} | {tokens[variant].Tokens:N0} | {tokens[variant].Terms:N0} |"));
        }

        return 0;
    }

    private static (double Seconds, (long Tokens, long Terms) Counts) Index(Variant variant, List<NewsArticle> articles, string scratch)
    {
        if (System.IO.Directory.Exists(scratch))
        {
            System.IO.Directory.Delete(scratch, recursive: true);
        }

        GC.Collect();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, variant.Analyzer())
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
            MergeScheduler = new SerialMergeScheduler(),
            UseCompoundFile = false,
        };

        // Our indexing chain leaves stems for the codec to write (NewsWriterConfig), so it runs with that codec.
        if (config.Analyzer is ArabicNewsAnalyzer)
        {
            config.Codec = new NewsCodec();
        }

        var clock = Stopwatch.StartNew();
        using var directory = FSDirectory.Open(scratch);
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var article in articles)
            {
                var document = variant.Document(article);
                if (variant.Upsert)
                {
                    writer.UpdateDocument(new Term(NewsFields.Id, article.Id), document);
                }
                else
                {
                    writer.AddDocument(document);
                }
            }

            writer.Commit();
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        using var reader = DirectoryReader.Open(directory);
        var field = reader.Leaves[0].AtomicReader.GetTerms(NewsFields.Text) is null ? "body" : NewsFields.Text;
        long tokenCount = 0, termCount = 0;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            tokenCount += terms.SumTotalTermFreq;
            termCount += terms.Count;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant.Name}: {elapsed:F2} s, {reader.Leaves.Count} segment(s)"));
        return (elapsed, (tokenCount, termCount));
    }

    /// <summary>What <c>../shared/peers/java-lucene</c> indexes: the id, the title, and the body (here lead and body)
    /// with offsets for its highlighter.</summary>
    private static Document PeerDocument(NewsArticle article)
    {
        var body = new FieldType(TextField.TYPE_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS };
        return
        [
            new StringField("id", article.Id, Field.Store.YES),
            new TextField("title", article.Title, Field.Store.YES),
            new Field("body", string.Join('\n', new[] { article.Lead, article.Body }.Where(text => !string.IsNullOrEmpty(text))), body),
        ];
    }

    private static string F(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture);
}
