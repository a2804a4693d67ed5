using System.CommandLine;
using Search.Core.Indexing;

namespace Search.LoadTest.Commands;

/// <summary>The <c>query-bench</c> command's options.</summary>
internal static class QueryBenchCommandDefinition
{
    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Folder of an existing index (e.g. one index-bench built). Nothing else may hold its write lock.",
        Required = true,
    };

    public static readonly Option<int> Queries = new("--queries")
    {
        Description = "Timed queries per class, per mode and thread count.",
        DefaultValueFactory = _ => 500,
    };

    public static readonly Option<int> Warmup = new("--warmup")
    {
        Description = "Untimed queries, drawn from every class, before each mode; 200 leaves tiered JIT unfinished and inflates the first mode's tail.",
        DefaultValueFactory = _ => 2_000,
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the article sample and of the query mix.",
        DefaultValueFactory = _ => 42,
    };

    public static readonly Option<int> SampleSize = new("--sample")
    {
        Description = "Articles read from the index to draw queries from.",
        DefaultValueFactory = _ => 2_000,
    };

    public static readonly Option<int> PageSize = new("--page-size")
    {
        Description = "Hits per query (top N).",
        DefaultValueFactory = _ => 10,
    };

    public static readonly Option<bool> Facets = new("--facets")
    {
        Description = "Count facets with every search, as the API does unless asked not to (its facets parameter).",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<bool> Collapse = new("--collapse")
    {
        Description = "Collapse copies of one story, as the API does unless asked not to (its collapse parameter).",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<FileInfo> QueriesFile = new("--queries-file")
    {
        Description = "Run these queries instead of the drawn mix, in file order, one thread, after --passes untimed passes over all of them: one per line, as id<TAB>text (XQuAD-ar's queries.tsv) or text alone, the way the Java peer's `run.sh latency` runs them. Search alone is without facets or collapsing, as the peer's; with highlighting adds the snippets.",
    };

    public static readonly Option<int> Passes = new("--passes")
    {
        Description = "With --queries-file: untimed passes over the whole file before the timed one (the peer makes 5).",
        DefaultValueFactory = _ => 5,
    };

    public static readonly Option<int> ResidentMb = new("--resident-mb")
    {
        Description = "Memory for the index files searches read most (NewsIndexOptions.ResidentMemoryMb); 0 reads them from disk, as before, to compare.",
        DefaultValueFactory = _ => new NewsIndexOptions("(default)").ResidentMemoryMb,
    };

    public static Command Create()
    {
        var command = new Command("query-bench", "Time a fixed-seed query mix in process (NewsIndex.Search): p50/p90/p99 per class, with and without highlighting, on 1 and 2 threads.")
        {
            IndexPath,
            Queries,
            Warmup,
            Seed,
            SampleSize,
            PageSize,
            Facets,
            Collapse,
            QueriesFile,
            Passes,
            ResidentMb,
        };
        Queries.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--queries must be at least 1.");
            }
        });
        command.SetAction(QueryBenchCommand.Run);
        return command;
    }
}
