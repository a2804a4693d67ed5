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
        Description = "Threads that analyze and index at once (default: one per core).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
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

    static IndexCommandDefinition()
    {
        AddRange(Threads, 1, 64);
        AddRange(RamBufferMb, 16, 4096);
        AddRange(MaxSegments, 0, 1000);
    }

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

        command.SetAction(IndexCommand.Run);
        return command;
    }

    /// <summary>A range check that runs only once the value parsed: an unparsable one already has its own error.</summary>
    private static void AddRange<T>(Option<T> option, T minimum, T maximum)
        where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            var text = result.Tokens[^1].Value;
            if (!TryParse(text, out T value))
            {
                return;
            }

            if (value.CompareTo(minimum) < 0 || value.CompareTo(maximum) > 0)
            {
                result.AddError($"{option.Name} must be between {minimum} and {maximum}; got {text}.");
            }
        });
    }

    private static bool TryParse<T>(string text, out T value)
        where T : struct
    {
        value = default;
        if (typeof(T) == typeof(int) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var whole))
        {
            value = (T)(object)whole;
            return true;
        }

        if (typeof(T) == typeof(double) && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var real))
        {
            value = (T)(object)real;
            return true;
        }

        return false;
    }
}
