using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Suggesting;

namespace Search.Core.Indexing;

/// <summary>Where an index lives and how it is written and searched.</summary>
/// <param name="Path">Folder of the Lucene index; created when missing.</param>
public sealed record NewsIndexOptions(string Path)
{
    /// <summary>Memory the writer fills before flushing a segment; more means fewer, larger segments while bulk loading.</summary>
    public double RamBufferMb { get; init; } = 128;

    /// <summary>
    /// Whether new segments are packed into one compound file each (flushed ones always, merged ones while small against
    /// the index), as Lucene does by default: fewer open files for an index that serves and refreshes.
    /// </summary>
    public bool CompoundFiles { get; init; } = true;

    /// <summary>
    /// The longest a write may wait before searches see it, unless a caller waits for it explicitly. Null turns the
    /// background refresh off, for bulk loads: each refresh flushes a small segment that must be merged again, so
    /// writes are then seen at <see cref="NewsIndex.Commit()"/>, <see cref="NewsIndex.Refresh"/> or
    /// <see cref="NewsIndex.WaitFor"/>.
    /// </summary>
    public TimeSpan? MaxRefreshDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// For an index that nothing searches while <see cref="ArticleImporter"/> fills it (the indexer CLI, a reindex or a
    /// node loading a shared store into a work folder): no files held in memory, no suggestions built ahead, no background
    /// refresh and a large buffer, flushed only when full or at the commit. Each flush is a segment the merge at the end
    /// rewrites: a refresh each second, once kept to flush on another thread while one thread indexed, left the shared
    /// news articles in 3 segments, merged in 1.2–1.3 s (whole process 6.4–6.7 s), where one buffer now holds them all
    /// (about 90 MB of it) and needs no merge (5.8–6.1 s, peak memory 330–350 MB against 470 MB); 300,000 synthetic
    /// articles took 67.7 s against 54.6 s. Segments are kept as separate files: the merge at the end rewrites them all
    /// anyway, and packing each flushed one into a compound file first copied every byte once more (the shared news
    /// articles: 20.0 → 19.1 s CPU, best of three).
    /// </summary>
    public static NewsIndexOptions ForBulkImport(string path) => new(path)
    {
        MaxRefreshDelay = null,
        RamBufferMb = 256,
        CompoundFiles = false,
        ResidentMemoryMb = 0,
        Suggestions = new SuggestionOptions { BuildAhead = false },
    };

    /// <summary>How long an index snapshot stays available to cursors made on it, after a newer one appears.</summary>
    public TimeSpan CursorSnapshotLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most index snapshots kept for cursors; past it the oldest goes, and a cursor made on it pages on over the
    /// current one, as after <see cref="CursorSnapshotLifetime"/>. A snapshot holds the segments of its moment, which
    /// merges would otherwise delete: under a write and a paged search every second, each second kept one more (a
    /// probe of the service: 264 MB of index files and 1.9 GB of memory after a minute, over 5 MB of articles).
    /// </summary>
    public int MaxCursorSnapshots { get; init; } = 32;

    /// <summary>
    /// Memory, in MB, for copies of the index files searches read all over (term dictionary, postings, positions, doc
    /// values: about 1.3 KB an article on the shared news corpus), read from memory rather than with a system call per
    /// few KB; files past it are read from disk. 0 reads every file from disk.
    /// </summary>
    public int ResidentMemoryMb { get; init; } = 512;

    public RankingOptions Ranking { get; init; } = new();

    /// <summary>How search-box suggestions are ranked and how much memory they keep.</summary>
    public SuggestionOptions Suggestions { get; init; } = new();

    /// <summary>
    /// The most time a search may spend finding matches; past it, it returns the best of what it found, flagged
    /// <see cref="SearchResults.TimedOut"/>. Null for no limit (evaluation runs, which must be exact).
    /// </summary>
    public TimeSpan? SearchTimeout { get; init; }

    /// <summary>The clock <see cref="SearchTimeout"/> is measured on, in milliseconds; Lucene's global timer thread
    /// unless a test steps its own.</summary>
    internal Lucene.Net.Util.Counter? SearchClock { get; init; }
}
