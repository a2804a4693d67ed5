using System.CommandLine;
using Search.Core.Indexing;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>The <c>index</c> command's arguments and options: offline into an index folder (<c>--index</c>), or to a
/// running service (<c>--url</c>), once or watching a drop folder (<c>--watch</c>).</summary>
internal static class IndexCommandDefinition
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or folders to read: .jsonl, .ndjson (either gzipped, .gz), scraped pages (.txt), .html/.htm, RSS/Atom (.xml/.rss/.atom). Folders are walked recursively.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string> IndexPath = new("--index", "-i")
    {
        Description = "Folder of the index to create or update, here (no service may hold it).",
    };

    public static readonly Option<string> Url = ServiceTarget.CreateUrlOption(
        "Address of a running search service to send the articles to (POST /api/articles/_bulk), such as http://localhost:5080.");

    public static readonly Option<string> ApiKey = ServiceTarget.CreateApiKeyOption();

    public static readonly Option<string> Watch = new("--watch")
    {
        Description = "With --url: watch this folder and send each file that appears in it, then move it to .done/ (or .failed/, with its errors); runs until Ctrl+C.",
    };

    public static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "With --url: most articles in one bulk request.",
        DefaultValueFactory = _ => 500,
    };

    public static readonly Option<int> BatchMegabytes = new("--batch-mb")
    {
        Description = "With --url: most megabytes in one bulk request, at most the service's Search:Writes:MaxBulkBytes (32 by default); a larger article is reported and not sent.",
        DefaultValueFactory = _ => 8,
    };

    public static readonly Option<int> Concurrency = new("--concurrency")
    {
        Description = "With --url: bulk requests in flight at once.",
        DefaultValueFactory = _ => 2,
    };

    public static readonly Option<bool> Wait = new("--wait")
    {
        Description = "With --url: return only once searches see every article sent (refresh=wait_for on the last batch).",
    };

    public static readonly Option<int> Threads = new("--threads", "-t")
    {
        Description = "With --index: threads that index at once (default: one per core but one, which reading and flushing use).",
        DefaultValueFactory = _ => ArticleImporter.DefaultThreads,
    };

    public static readonly Option<TimeSpan> PageUtcOffset = new("--page-utc-offset")
    {
        Description = "UTC offset given to dates of scraped pages, which print none (e.g. 02:00, +03:00 or -05:00).",
        DefaultValueFactory = _ => TimeSpan.Zero,
        CustomParser = OptionRules.ParseUtcOffset,
    };

    public static readonly Option<double> RamBufferMb = new("--ram-buffer-mb")
    {
        Description = "With --index: memory the index writer fills before flushing a segment.",
        DefaultValueFactory = _ => 256,
    };

    public static readonly Option<int> MaxSegments = new("--max-segments")
    {
        Description = "With --index: after indexing, merge the index down to this many segments for faster searches (0 skips merging).",
        DefaultValueFactory = _ => 1,
    };

    static IndexCommandDefinition()
    {
        OptionRules.AddRange(Threads, 1, 64);
        OptionRules.AddRange(RamBufferMb, 16, 4096);
        OptionRules.AddRange(MaxSegments, 0, 1000);
        OptionRules.AddRange(BatchSize, 1, 10_000);
        OptionRules.AddRange(BatchMegabytes, 1, 1024);
        OptionRules.AddRange(Concurrency, 1, 16);
        OptionRules.AddPath(IndexPath);
        OptionRules.AddPath(Watch);
        OptionRules.AddPaths(Paths);
    }

    /// <param name="service">How <c>--url</c> is reached; passed in so tests can run against an in-process service.</param>
    public static Command Create(ServiceConnection service)
    {
        var command = new Command("index", "Add articles to an index, here or in a running service; an article whose id exists replaces it.")
        {
            Paths,
            IndexPath,
            Url,
            ApiKey,
            Watch,
            BatchSize,
            BatchMegabytes,
            Concurrency,
            Wait,
            Threads,
            PageUtcOffset,
            RamBufferMb,
            MaxSegments,
        };

        command.Validators.Add(result =>
        {
            OptionRules.ExactlyOne(result, IndexPath, Url, "--index DIR builds or updates an index folder here; --url URL sends the articles to a running service.");
            OptionRules.OnlyWith(result, Url, ApiKey, Watch, BatchSize, BatchMegabytes, Concurrency, Wait);
            OptionRules.OnlyWith(result, IndexPath, Threads, RamBufferMb, MaxSegments);
            var hasPaths = result.GetResult(Paths) is { Tokens.Count: > 0 };
            if (OptionRules.Given(result, Watch) && hasPaths)
            {
                result.AddError("--watch reads only its folder; give no other paths.");
            }
            else if (!OptionRules.Given(result, Watch) && !hasPaths)
            {
                result.AddError("Give at least one file or folder to read (or --watch FOLDER with --url).");
            }
        });

        command.SetAction((parseResult, cancellationToken) => IndexCommand.RunAsync(parseResult, service, cancellationToken));
        return command;
    }
}
