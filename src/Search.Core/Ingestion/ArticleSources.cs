namespace Search.Core.Ingestion;

/// <summary>
/// Reads articles from files and folders, choosing the reader by extension: <c>.jsonl</c>/<c>.ndjson</c> (gzipped too)
/// (JSON Lines), <c>.txt</c> (scraped pages), <c>.html</c>/<c>.htm</c>, and <c>.xml</c>/<c>.rss</c>/<c>.atom</c> (feeds).
/// Folders are walked recursively in name order (<see cref="SourceWalk"/>): links to folders are not followed, a file
/// reached twice is read once, and files of other kinds, hidden entries and LICENSE/README files are passed over.
/// A file named explicitly that no reader takes, a folder that cannot be read and a named pipe, socket or device are
/// reported as problems; the rest is still read.
/// </summary>
public sealed class ArticleSources(TimeSpan pageUtcOffset)
{
    /// <summary>
    /// The largest page or feed file read: those are read whole (JSON Lines a line at a time, up to
    /// <see cref="Utf8LineReader.MaxLineBytes"/> a line), so a larger one is refused rather than held in memory. An
    /// article page is tens of KB, a feed a few hundred; the feeds' own pages are capped at 2 MB as they are fetched.
    /// </summary>
    public const long MaxWholeFileBytes = 16 * 1024 * 1024;

    public ArticleSources()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Every input file the paths stand for, in the order they will be read (folders that cannot be read
    /// and links to folders are left out: <see cref="Read"/> reports them).</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths) =>
        SourceWalk.Files(paths, IsWanted).Where(entry => entry.Problem is null).Select(entry => entry.Path);

    public IEnumerable<IngestResult> Read(IEnumerable<string> paths) => SourceWalk.Files(paths, IsWanted).SelectMany(ReadEntry);

    /// <summary>The articles in one file. An HTML page without an address of its own is named by its file name.</summary>
    public IEnumerable<IngestResult> ReadFile(string path) => ReadNamed(path, Path.GetFileName(path));

    /// <param name="pageName">What names an HTML page without an address of its own: its path from the folder it was
    /// found under (<see cref="SourceEntry.Name"/>).</param>
    private IEnumerable<IngestResult> ReadNamed(string path, string pageName)
    {
        if (!File.Exists(path))
        {
            return [IngestResult.Failed(path, null, "no such file or folder")];
        }

        if (FileNode.Of(path) is { IsRegular: false })
        {
            // Opening a named pipe would wait for a writer, forever if none comes.
            return [IngestResult.Failed(path, null, "not a regular file (a named pipe, socket or device): not opened")];
        }

        var name = path.ToLowerInvariant();
        var jsonLines = JsonLinesExtensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal));
        try
        {
            if (!jsonLines && new FileInfo(path).Length > MaxWholeFileBytes)
            {
                return [IngestResult.Failed(path, null, $"larger than {MaxWholeFileBytes / (1024 * 1024)} MB: a page or feed file is read whole, and none is that large")];
            }

            return name switch
            {
                _ when jsonLines => UntilUnreadable(path, JsonLinesArticleReader.ReadFile(path)),
                _ when name.EndsWith(".txt", StringComparison.Ordinal) => [ScrapedPageParser.ParseFile(path, pageUtcOffset)],
                _ when name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) => [HtmlArticleParser.ParseFile(path, pageName)],
                _ when name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rss", StringComparison.Ordinal)
                    || name.EndsWith(".atom", StringComparison.Ordinal) => FeedArticleReader.ReadFile(path),
                _ => [IngestResult.Failed(path, null, UnsupportedFileType)],
            };
        }
        catch (IOException ex)
        {
            return [IngestResult.Failed(path, null, $"cannot read: {ex.Message}")];
        }
        catch (UnauthorizedAccessException ex)
        {
            return [IngestResult.Failed(path, null, $"cannot read: {ex.Message}")];
        }
    }

    /// <summary>The JSON Lines reader opens and reads its file as it is enumerated, past the catch above: a file that
    /// cannot be opened (no permission, deleted since the walk) or fails midway ends in a problem, after the records
    /// read before it.</summary>
    private static IEnumerable<IngestResult> UntilUnreadable(string path, IEnumerable<IngestResult> results)
    {
        using var reading = results.GetEnumerator();
        while (true)
        {
            string? failure = null;
            try
            {
                if (!reading.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = $"cannot read: {ex.Message}";
            }

            if (failure is not null)
            {
                yield return IngestResult.Failed(path, null, failure);
                yield break;
            }

            yield return reading.Current;
        }
    }

    private IEnumerable<IngestResult> ReadEntry(SourceEntry entry) =>
        entry.Problem is { } problem ? [IngestResult.Failed(entry.Path, null, problem)] : ReadNamed(entry.Path, entry.Name);

    private static readonly string[] JsonLinesExtensions = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"];

    private static readonly string[] WholeFileExtensions = [".txt", ".html", ".htm", ".xml", ".rss", ".atom"];

    /// <summary>Made from the lists it names, which a message written out by hand had fallen behind.</summary>
    private static readonly string UnsupportedFileType =
        $"unsupported file type (expected {string.Join(", ", JsonLinesExtensions.Concat(WholeFileExtensions).SkipLast(1))} or {WholeFileExtensions[^1]})";

    private static bool IsWanted(string file) => IsSupported(file) && !IsProjectDocument(file);

    private static bool IsSupported(string file)
    {
        var name = file.ToLowerInvariant();
        return JsonLinesExtensions.Concat(WholeFileExtensions).Any(extension => name.EndsWith(extension, StringComparison.Ordinal));
    }

    /// <summary>LICENSE.txt, README.txt and the like sit beside data files but are not articles.</summary>
    private static bool IsProjectDocument(string file)
    {
        string[] names = ["LICENSE", "LICENCE", "README", "NOTICE", "CHANGELOG", "COPYING", "AUTHORS"];
        var name = Path.GetFileName(file);
        return names.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
