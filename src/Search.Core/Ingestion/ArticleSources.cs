namespace Search.Core.Ingestion;

/// <summary>
/// Reads articles from files and folders, choosing the reader by extension: <c>.jsonl</c>/<c>.jsonl.gz</c>/<c>.ndjson</c>
/// (JSON Lines), <c>.txt</c> (scraped pages), <c>.html</c>/<c>.htm</c>, and <c>.xml</c>/<c>.rss</c>/<c>.atom</c> (feeds).
/// Folders are walked recursively in name order; inside them, files of other kinds, hidden entries and LICENSE/README
/// files are passed over.
/// A file named explicitly that no reader takes is reported as a problem.
/// </summary>
public sealed class ArticleSources(TimeSpan pageUtcOffset)
{
    public ArticleSources()
        : this(TimeSpan.Zero)
    {
    }

    /// <summary>Every input file the paths stand for, in the order they will be read.</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(file => IsSupported(file) && !IsHidden(path, file) && !IsProjectDocument(file))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    public IEnumerable<IngestResult> Read(IEnumerable<string> paths) => ExpandPaths(paths).SelectMany(ReadFile);

    public IEnumerable<IngestResult> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return [IngestResult.Failed(path, null, "no such file or folder")];
        }

        var name = path.ToLowerInvariant();
        try
        {
            return name switch
            {
                _ when name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".jsonl.gz", StringComparison.Ordinal)
                    || name.EndsWith(".ndjson", StringComparison.Ordinal) => JsonLinesArticleReader.ReadFile(path),
                _ when name.EndsWith(".txt", StringComparison.Ordinal) => [ScrapedPageParser.ParseFile(path, pageUtcOffset)],
                _ when name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) => [HtmlArticleParser.ParseFile(path)],
                _ when name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rss", StringComparison.Ordinal)
                    || name.EndsWith(".atom", StringComparison.Ordinal) => FeedArticleReader.ReadFile(path),
                _ => [IngestResult.Failed(path, null, "unsupported file type (expected .jsonl, .jsonl.gz, .ndjson, .txt, .html, .htm, .xml, .rss or .atom)")],
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

    private static bool IsSupported(string file)
    {
        var name = file.ToLowerInvariant();
        string[] extensions = [".jsonl", ".jsonl.gz", ".ndjson", ".txt", ".html", ".htm", ".xml", ".rss", ".atom"];
        return extensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal));
    }

    /// <summary>LICENSE.txt, README.txt and the like sit beside data files but are not articles.</summary>
    private static bool IsProjectDocument(string file)
    {
        string[] names = ["LICENSE", "LICENCE", "README", "NOTICE", "CHANGELOG", "COPYING", "AUTHORS"];
        var name = Path.GetFileName(file);
        return names.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsHidden(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
