using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>index-bench</c>. The clock covers what the indexer does end to end: reading and decompressing the input,
/// parsing JSON, analysis, indexing, the final commit and closing the writer (which waits for merges).
/// </summary>
internal static class IndexBenchCommand
{
    private const double MiB = 1024.0 * 1024.0;

    public static int Run(ParseResult parseResult)
    {
        var inputs = parseResult.GetValue(IndexBenchCommandDefinition.Input) is { Length: > 0 } given ? given : [.. DataLocator.NewsFolders()];
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(IndexBenchCommandDefinition.IndexPath));
        var threads = parseResult.GetValue(IndexBenchCommandDefinition.Threads);
        var ramBufferMb = parseResult.GetValue(IndexBenchCommandDefinition.RamBufferMb);
        var firstCommitDocs = parseResult.GetValue(IndexBenchCommandDefinition.FirstCommitDocs);
        var refreshSeconds = parseResult.GetValue(IndexBenchCommandDefinition.RefreshSeconds);
        TimeSpan? refresh = refreshSeconds > 0 ? TimeSpan.FromSeconds(refreshSeconds) : null;
        if (inputs.Length == 0 || inputs.Any(path => !File.Exists(path) && !System.IO.Directory.Exists(path)))
        {
            Console.Error.WriteLine($"error: give --input files or folders that exist (got: {string.Join(", ", inputs)})");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        Console.WriteLine($"# index-bench: {string.Join(" ", inputs)} -> {indexPath}, {threads} thread(s), RAM buffer {ramBufferMb} MB, background refresh {(refresh is null ? "off" : $"every {refreshSeconds} s")}");
        Console.WriteLine();

        if (firstCommitDocs > 0)
        {
            MeasureFirstCommit(inputs, indexPath + ".first-commit", firstCommitDocs, ramBufferMb);
        }

        if (!parseResult.GetValue(IndexBenchCommandDefinition.Keep) && System.IO.Directory.Exists(indexPath))
        {
            System.IO.Directory.Delete(indexPath, recursive: true);
        }

        var inputBytes = ArticleSources.ExpandPaths(inputs).Sum(file => new FileInfo(file).Length);
        long textBytes = 0;
        var skipped = 0;
        var records = new ArticleSources().Read(inputs).Select(record =>
        {
            if (record.Article is { } article)
            {
                Interlocked.Add(ref textBytes, Utf8Bytes(article.Title) + Utf8Bytes(article.Lead) + Utf8Bytes(article.Body));
            }

            return record;
        });

        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(250));
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var cpuAtStart = RunEnvironment.ProcessorTime();
        var clock = Stopwatch.StartNew();
        ImportProgress summary;
        using (var index = NewsIndex.Open(new NewsIndexOptions(indexPath) { RamBufferMb = ramBufferMb, MaxRefreshDelay = refresh }))
        {
            summary = ArticleImporter.Import(index, records, _ => skipped++, new Progress(), threads);
        }

        var elapsed = clock.Elapsed;
        var seconds = elapsed.TotalSeconds;
        var indexBytes = System.IO.Directory.EnumerateFiles(indexPath).Sum(file => new FileInfo(file).Length);
        int segments;
        using (var directory = new NIOFSDirectory(indexPath))
        using (var reader = DirectoryReader.Open(directory))
        {
            segments = reader.Leaves.Count;
        }

        var textMb = textBytes / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            articles indexed:      {summary.Indexed,10:N0} (skipped {skipped:N0})
            end to end:            {seconds,10:F1} s (open -> import -> commit -> close incl. merges); import alone {summary.Elapsed.TotalSeconds:F1} s
            throughput:            {summary.Indexed / seconds,10:N0} docs/s
            text (title+lead+body): {textMb,9:N1} MB UTF-8 -> {textMb / seconds:F2} MB/s; input files {inputBytes / 1e6:N1} MB on disk -> {inputBytes / 1e6 / seconds:F2} MB/s
            index size:            {indexBytes / MiB,10:N1} MiB ({indexBytes / Math.Max(1.0, summary.Indexed):N0} bytes/article, {indexBytes / Math.Max(1.0, textBytes):F2}x the text), {segments} segment(s)
            GC during the run:     gen0 {GC.CollectionCount(0) - gen0:N0}, gen2 {GC.CollectionCount(2) - gen2:N0}, pause {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F1} s ({(GC.GetTotalPauseDuration() - pause).TotalSeconds / seconds:P1} of the run)
            """));
        RunEnvironment.PrintCpu(Console.Out, cpuAtStart, elapsed);
        MemoryReport.Print(Console.Out, sampler);
        if (parseResult.GetValue(IndexBenchCommandDefinition.ForceMerge) is > 0 and var maxSegments)
        {
            Merge(indexPath, maxSegments);
        }

        return 0;
    }

    private static void Merge(string indexPath, int maxSegments)
    {
        var clock = Stopwatch.StartNew();
        using (var directory = new NIOFSDirectory(indexPath))
        using (var analyzer = new ArabicNewsAnalyzer())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.APPEND }))
        {
            writer.ForceMerge(maxSegments);
            writer.Commit();
        }

        var bytes = System.IO.Directory.EnumerateFiles(indexPath).Sum(file => new FileInfo(file).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"experiment, force-merged to {maxSegments} segment(s) in {clock.Elapsed.TotalSeconds:F1} s: index size {bytes / MiB:N1} MiB"));
    }

    /// <summary>
    /// Time from nothing to a commit another process could search: open a fresh index, import the first
    /// <paramref name="docs"/> articles (the importer commits at the end), then open a new reader on the folder and count.
    /// Runs first, in a fresh process, so JIT warm-up is part of it as it would be for a first import.
    /// </summary>
    private static void MeasureFirstCommit(string[] inputs, string path, int docs, double ramBufferMb)
    {
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        TimeSpan opened;
        using (var index = NewsIndex.Open(new NewsIndexOptions(path) { RamBufferMb = ramBufferMb }))
        {
            opened = clock.Elapsed;
            ArticleImporter.Import(index, new ArticleSources().Read(inputs).Where(record => record.Article is not null).Take(docs));
        }

        var committed = clock.Elapsed;
        int visible;
        using (var directory = new NIOFSDirectory(path))
        using (var reader = DirectoryReader.Open(directory))
        {
            visible = reader.NumDocs;
        }

        var total = clock.Elapsed;
        System.IO.Directory.Delete(path, recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first searchable commit: {total.TotalMilliseconds:N0} ms for {visible:N0} articles (open {opened.TotalMilliseconds:N0} ms, import+commit {(committed - opened).TotalMilliseconds:N0} ms, new reader {(total - committed).TotalMilliseconds:N0} ms; cold JIT)"));
        Console.WriteLine();
    }

    private static long Utf8Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    /// <summary>A progress line on stderr every 10 seconds.</summary>
    private sealed class Progress : IProgress<ImportProgress>
    {
        private long _nextReportTicks;

        public void Report(ImportProgress value)
        {
            if (value.Elapsed.Ticks < _nextReportTicks)
            {
                return;
            }

            _nextReportTicks = value.Elapsed.Ticks + TimeSpan.FromSeconds(10).Ticks;
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {value.Elapsed.TotalSeconds,6:F0} s: {value.Indexed:N0} indexed, {value.DocsPerSecond:N0} docs/s, working set {process.WorkingSet64 / MiB:N0} MiB"));
        }
    }
}
