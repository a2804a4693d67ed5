using System.CommandLine;

namespace Search.Indexer.Commands;

/// <summary>The <c>index</c> command's arguments and options.</summary>
internal static class IndexCommandDefinition
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or folders to read: .jsonl, .jsonl.gz, .ndjson, scraped pages (.txt), .html/.htm, RSS/Atom (.xml/.rss/.atom). Folders are walked recursively.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string> IndexPath = new("--index", "-i")
    {
        Description = "Folder of the index to create or update.",
        Required = true,
    };

    public static readonly Option<int> Threads = new("--threads", "-t")
    {
        Description = "Threads that analyze and index at once.",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<TimeSpan> PageUtcOffset = new("--page-utc-offset")
    {
        Description = "UTC offset given to dates of scraped pages, which print none (e.g. 02:00 or -05:00).",
        DefaultValueFactory = _ => TimeSpan.Zero,
    };

    public static readonly Option<double> RamBufferMb = new("--ram-buffer-mb")
    {
        Description = "Memory the index writer fills before flushing a segment.",
        DefaultValueFactory = _ => 256,
    };

    public static readonly Option<int> MaxSegments = new("--max-segments")
    {
        Description = "After indexing, merge the index down to this many segments for faster searches (0 skips merging).",
        DefaultValueFactory = _ => 1,
    };

    public static Command Create()
    {
        var command = new Command("index", "Add articles to an index; an article whose id exists replaces it.")
        {
            Paths,
            IndexPath,
            Threads,
            PageUtcOffset,
            RamBufferMb,
            MaxSegments,
        };
        Threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--threads must be between 1 and 64.");
            }
        });
        RamBufferMb.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 16 or > 4096)
            {
                result.AddError("--ram-buffer-mb must be between 16 and 4096.");
            }
        });
        MaxSegments.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 1000)
            {
                result.AddError("--max-segments must be between 0 and 1000.");
            }
        });
        command.SetAction(IndexCommand.Run);
        return command;
    }
}
