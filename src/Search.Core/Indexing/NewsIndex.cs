using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Highlighting;
using Search.Core.Ingestion;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Searching;
using Search.Core.Spelling;
using Search.Core.Storage;
using Search.Core.Suggesting;
using Search.Core.Writing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// An index of news articles: owns the directory, the one <see cref="IndexWriter"/>, the searcher manager and the thread
/// that reopens it, and is the one thing a host disposes.
/// </summary>
/// <remarks>
/// <para>Writes (<see cref="Upsert(NewsArticle, long)"/>, <see cref="Delete"/>) return a generation. Searches see a write within
/// <see cref="NewsIndexOptions.MaxRefreshDelay"/>, or at once after <see cref="WaitFor"/> with its generation; it
/// survives a crash only after <see cref="Commit()"/>. Lucene commits are atomic, so an interrupted run leaves the last
/// commit intact.</para>
/// <para>Thread-safe: any number of threads may search and write at once. Each search takes a searcher from the manager
/// and gives it back before returning; searchers are never handed out.</para>
/// </remarks>
public sealed class NewsIndex : IDisposable
{
    internal const string SequenceKey = "sequence";
    private const string CommittedAtKey = "committed_at";
    private const string LogIdentityKey = "log_identity";
    private const string AnalysisKey = "analysis";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly TrackingIndexWriter? _trackingWriter;
    private readonly SearcherManager _searchers;
    private readonly ReopenLoop? _reopenThread;
    private readonly SnapshotDeletionPolicy _commits;
    private readonly CommitSnapshots _snapshots;
    private readonly IndexFolderLock? _folderLock;
    private readonly object _commitLock = new();
    private readonly RecentWrites? _recentWrites;
    private readonly RefreshGate _refreshGate = new();

    // Held by a refresh until its failure is counted, and by a commit while it checks that count: the gate alone lets a
    // commit in between a failed refresh and its count, and claim documents the failed flush dropped (seen on a busy
    // machine in DiskFullTests). A commit takes this before the gate, a refresh before the gate too.
    private readonly object _refreshLock = new();
    private long _failedRefreshes;
    private readonly IndexMetrics _metrics = new();
    private readonly IndexTracing _tracing = new();
    private readonly Func<SearchRequest, SearchResults> _runSearch;
    private readonly ArticleSearch _search;
    private readonly Suggester _suggester;
    private readonly WordTries _words = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly System.Threading.Lock _warmupLock = new();
    private readonly bool _serving;
    private Task _warmup;

    private int _disposed;
    private string? _logIdentity;
    private string? _analysis;

    private NewsIndex(LuceneDirectory directory, NewsIndexOptions options, IndexFolderLock? folderLock, bool readOnly = false)
    {
        _directory = directory;
        _folderLock = folderLock;
        _commits = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        _snapshots = new CommitSnapshots(directory, _commits, () => Writer.DeleteUnusedFiles());
        var similarity = new BM25Similarity(options.Ranking.K1, options.Ranking.B);
        _suggester = new Suggester(options.Suggestions);

        // Serving (refreshing in the background) rather than bulk loading: build suggestions before readers need them.
        var serving = options.MaxRefreshDelay is not null && options.Suggestions.BuildAhead;

        var config = NewsWriterConfig.Create();
        config.OpenMode = OpenMode.CREATE_OR_APPEND;
        config.Similarity = similarity;
        config.RAMBufferSizeMB = options.RamBufferMb;
        config.IndexDeletionPolicy = _commits;
        config.MergeScheduler = new FailSafeMergeScheduler(_ => _metrics.RecordMergeFailure());
        config.UseCompoundFile = options.CompoundFiles;
        if (!options.CompoundFiles)
        {
            config.MergePolicy.NoCFSRatio = 0;
        }

        if (serving)
        {
            config.MergedSegmentWarmer = new MergedSegmentWarmer(_suggester, _words);
        }

        if (readOnly)
        {
            _searchers = new SearcherManager(directory, new Bm25SearcherFactory(similarity));
        }
        else
        {
            _writer = new IndexWriter(directory, config);
            _trackingWriter = new TrackingIndexWriter(_writer);
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory(similarity));
        }

        _searchers.AddListener(_refreshGate);
        _searchers.AddListener(_metrics);
        if (options.MaxRefreshDelay is { } maxRefreshDelay && _trackingWriter is not null)
        {
            _reopenThread = new ReopenLoop(_trackingWriter, Refresh, maxRefreshDelay);

            // Only with background refresh: without it (bulk loads) nothing would empty the map until the commit.
            _recentWrites = new RecentWrites();
            _searchers.AddListener(_recentWrites);
        }

        // An index that holds nothing yet is built by this chain; one that holds articles keeps what its commit says.
        _analysis = CommitData.TryGetValue(AnalysisKey, out var analysis) ? analysis
            : Count == 0 && CommittedSequence == 0 ? ArabicNewsAnalyzer.Version
            : null;

        // Recorded from the first commit on, whichever commits: the writer keeps its commit data from commit to commit,
        // and the offline indexer's plain commits had left it out, so the service took every index the indexer built
        // for a stale one and rebuilt all of it when it first opened it.
        if (_writer is not null && _analysis is { } current && !_writer.CommitData.ContainsKey(AnalysisKey))
        {
            _writer.SetCommitData(new Dictionary<string, string>(_writer.CommitData) { [AnalysisKey] = current });
        }

        _search = new ArticleSearch(options, _words);
        _runSearch = request => _search.Search(request, WithSearcher);
        _serving = serving;
        if (serving)
        {
            _searchers.AddListener(new RefreshedSegmentWarmer(_suggester, _words, _searchers));
            _warmup = Task.Run(Warm);
        }
        else
        {
            _warmup = Task.CompletedTask;
        }
    }

    /// <summary>Opens the index in <see cref="NewsIndexOptions.Path"/>, creating it when absent.</summary>
    /// <exception cref="IndexLockedException">Another process writes the index.</exception>
    /// <exception cref="LockObtainFailedException">Another writer in this process holds the index.</exception>
    public static NewsIndex Open(NewsIndexOptions options)
    {
        System.IO.Directory.CreateDirectory(options.Path);
        var folderLock = IndexFolderLock.Acquire(options.Path);
        try
        {
            return new NewsIndex(SearchDirectory(options), options, folderLock);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the committed index in <see cref="NewsIndexOptions.Path"/> for searching only, as a deployment that only
    /// serves does (a read-only folder, say): writes throw <see cref="IndexReadOnlyException"/>, and
    /// <see cref="Refresh"/> picks up commits another process made.
    /// </summary>
    /// <exception cref="IndexNotFoundException">The folder holds no index.</exception>
    public static NewsIndex OpenReadOnly(NewsIndexOptions options) =>
        new(SearchDirectory(options), options, folderLock: null, readOnly: true);

    /// <summary>Positional reads rather than FSDirectory.Open's MMapDirectory (slow under parallel search in Lucene.Net
    /// 4.8) or NIOFSDirectory (an fstat and a lock a read), with the files searches read most held in memory.</summary>
    private static PositionalReadDirectory SearchDirectory(NewsIndexOptions options) =>
        new(options.Path, options.ResidentMemoryMb > 0 ? new ResidentBudget(options.ResidentMemoryMb * 1024L * 1024) : null);

    /// <summary>True when the index only serves (<see cref="OpenReadOnly"/>).</summary>
    public bool IsReadOnly => _writer is null;

    /// <summary>An index held in memory, for tests and throwaway evaluation runs.</summary>
    public static NewsIndex InMemory(RankingOptions? ranking = null) =>
        new(new RAMDirectory(), new NewsIndexOptions("(memory)") { Ranking = ranking ?? new RankingOptions() }, folderLock: null);

    /// <summary>An index held in memory with the given options (refresh, snapshots), for tests.</summary>
    public static NewsIndex InMemory(NewsIndexOptions options) => new(new RAMDirectory(), options, folderLock: null);

    /// <summary>An index in the given directory, unlocked, for tests of what its storage does to it.</summary>
    internal static NewsIndex InDirectory(LuceneDirectory directory, NewsIndexOptions options) => new(directory, options, folderLock: null);

    /// <summary>The index's meters, for tests.</summary>
    internal IndexMetrics Metrics => _metrics;

    internal IndexTracing Tracing => _tracing;

    /// <summary>True when a committed index exists in the folder.</summary>
    public static bool ExistsAt(string path) =>
        System.IO.Directory.Exists(path) && DirectoryReader.IndexExists(new PositionalReadDirectory(path));

    /// <summary>Number of searchable articles (as of the last refresh).</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// The change-log position of the last commit (<see cref="Commit(long, long)"/>): every logged change up to it is in the
    /// committed index. 0 for an index never written through a log.
    /// </summary>
    public long CommittedSequence =>
        CommitData.TryGetValue(SequenceKey, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;

    /// <summary>
    /// The identity of the shared log the index follows (<see cref="Writing.ISharedArticleLog.IdentityAsync"/>), recorded
    /// in every commit from the one after <see cref="RecordLogIdentity"/>; null for an index that never followed one.
    /// </summary>
    public string? LogIdentity =>
        Volatile.Read(ref _logIdentity) ?? (CommitData.TryGetValue(LogIdentityKey, out var identity) ? identity : null);

    /// <summary>The <see cref="ArabicNewsAnalyzer.Version"/> the index's articles were analyzed with; null for an index
    /// committed before indexes recorded it.</summary>
    public string? Analysis => Volatile.Read(ref _analysis);

    /// <summary>False when the articles were analyzed by another version of the chain than this one, whose queries may
    /// then miss them: the index needs a rebuild from the articles it stores (<see cref="Writing.ArticleStore.ReindexAsync"/>).</summary>
    public bool AnalysisIsCurrent => Analysis == ArabicNewsAnalyzer.Version;

    /// <summary>Names the shared log this index follows from now on; the next commit records it.</summary>
    internal void RecordLogIdentity(string identity) => Volatile.Write(ref _logIdentity, identity);

    /// <summary>
    /// Refreshes and commits that failed (a flush meeting a full disk, say) since the index opened. A failed flush drops
    /// the documents it held from the writer, so whoever records what a commit holds must apply them again first.
    /// </summary>
    public long FailedRefreshes => Interlocked.Read(ref _failedRefreshes);

    /// <summary>Adds the article, replacing any with the same id.</summary>
    /// <param name="version">The change-log position that wrote it, stored with it (<see cref="Checksum"/>).</param>
    /// <returns>The write's generation, for <see cref="WaitFor"/>.</returns>
    public long Upsert(NewsArticle article, long version = 0) => Upsert(article, NewsDocumentMapper.ToDocument(article, version));

    /// <summary>Like <see cref="Upsert(NewsArticle, long)"/>, with the article's document made already.</summary>
    internal long Upsert(NewsArticle article, Document document)
    {
        var generation = Tracking.UpdateDocument(new Term(NewsFields.Id, article.Id), document);
        _recentWrites?.Record(article.Id, article);
        return generation;
    }

    /// <summary>Adds the article without looking for one with the same id: for an id the caller knows no document has
    /// (<see cref="FirstWrites"/>), cheaper than <see cref="Upsert(NewsArticle, long)"/>, whose delete of the id the writer applies at every
    /// flush. Another document with the id would stay beside it.</summary>
    /// <returns>The write's generation, for <see cref="WaitFor"/>.</returns>
    /// <param name="document">The article's document (<see cref="NewsDocumentMapper.ToDocument"/>), made already.</param>
    internal long AddNew(NewsArticle article, Document document)
    {
        var generation = Tracking.AddDocument(document);
        _recentWrites?.Record(article.Id, article);
        return generation;
    }

    /// <summary>The analyzer the writer indexes text with, for documents analyzed ahead (<see cref="PreAnalyzedDocument"/>).</summary>
    internal Analyzer IndexAnalyzer => Writer.Config.Analyzer;

    /// <summary>True when the writer holds no document at all, committed or buffered: then no id is taken yet.</summary>
    internal bool IsEmpty => Writer.MaxDoc == 0;

    /// <summary>Removes the article with this id, if any.</summary>
    /// <returns>The write's generation, for <see cref="WaitFor"/>.</returns>
    public long Delete(string id)
    {
        var generation = Tracking.DeleteDocuments(new Term(NewsFields.Id, id));
        _recentWrites?.Record(id, null);
        return generation;
    }

    /// <summary>Makes every write so far durable: it survives a crash or restart once this returns. Without background
    /// refresh, also makes it visible to searches.</summary>
    public void Commit()
    {
        var started = Stopwatch.GetTimestamp();
        lock (_commitLock)
        {
            Writer.Commit();
        }

        _metrics.RecordCommit(Stopwatch.GetElapsedTime(started));
        if (_reopenThread is null)
        {
            Refresh();
        }
    }

    /// <summary>
    /// Like <see cref="Commit()"/>, and records that the commit holds every logged change up to
    /// <paramref name="sequence"/>, which <see cref="CommittedSequence"/> then returns, also after a restart.
    /// </summary>
    /// <param name="refreshFailuresSeen">When not negative, the <see cref="FailedRefreshes"/> the caller has accounted
    /// for: if more refreshes failed since, their flushes may have dropped documents this commit would claim to hold,
    /// and it throws instead. No refresh runs during the commit, so none can fail unseen meanwhile.</param>
    /// <exception cref="IOException">The commit failed (the last one stays intact), or a refresh failed unseen.</exception>
    public void Commit(long sequence, long refreshFailuresSeen = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var started = Stopwatch.GetTimestamp();
        lock (_refreshLock)
        {
            _refreshGate.Close();
            try
            {
                if (refreshFailuresSeen >= 0 && FailedRefreshes != refreshFailuresSeen)
                {
                    throw new IOException("A refresh of the index failed since the last commit; apply the changes since that commit again before committing.");
                }

                CommitHolding(sequence);
            }
            finally
            {
                _refreshGate.Open();
            }
        }

        _metrics.RecordCommit(Stopwatch.GetElapsedTime(started));
        if (_reopenThread is null)
        {
            Refresh();
        }
    }

    private void CommitHolding(long sequence)
    {
        lock (_commitLock)
        {
            var previous = new Dictionary<string, string>(Writer.CommitData);
            Writer.SetCommitData(NewCommitData(sequence));
            try
            {
                Writer.Commit();
            }
            catch
            {
                // A later commit (the writer's own, at close) must not claim this position: documents a failed flush
                // dropped are not in it. The last good position makes a restart apply them again.
                Writer.SetCommitData(previous);

                // Nor may a later commit at a later position, until whoever follows the log has applied them again.
                Interlocked.Increment(ref _failedRefreshes);
                throw;
            }
        }
    }

    /// <summary>What a commit at <paramref name="sequence"/> records: the position, the time and the log followed.</summary>
    private Dictionary<string, string> NewCommitData(long sequence)
    {
        var data = new Dictionary<string, string>
        {
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [CommittedAtKey] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        if (LogIdentity is { } identity)
        {
            data[LogIdentityKey] = identity;
        }

        if (Analysis is { } analysis)
        {
            data[AnalysisKey] = analysis;
        }

        return data;
    }

    /// <summary>
    /// Copies the last commit into <paramref name="targetFolder"/> (which must be empty or absent) while writes go on:
    /// the commit's files are held back from deletion until the copy ends. The copy is a complete index that
    /// <see cref="Open"/> serves. It is made in a hidden folder beside the target (<c>.&lt;name&gt;.partial</c>) and
    /// renamed when whole, so a copy cut short by a crash or a full disk leaves no folder of that name (the next
    /// snapshot of the name removes the partial one). On the index's own disk the files are hard links.
    /// </summary>
    /// <returns>The files copied and their total size.</returns>
    /// <exception cref="SnapshotExistsException">The folder holds something already.</exception>
    /// <exception cref="SnapshotSpaceException">A copy would leave its disk without room; nothing is copied.</exception>
    public IndexSnapshotInfo SnapshotTo(string targetFolder) => _snapshots.Take(targetFolder);

    /// <summary>
    /// Replaces everything the index holds with the committed contents of the index in <paramref name="sourceFolder"/>
    /// (no writer may hold it), then lets <paramref name="applyAfter"/> write what came after, and commits the whole as
    /// one commit at <paramref name="sequence"/>. Searches see the old contents until the first refresh after that commit,
    /// never anything in between; a crash before the commit leaves the old contents. Writes must be paused meanwhile.
    /// </summary>
    public void ReplaceContents(string sourceFolder, Action applyAfter, long sequence)
    {
        _refreshGate.Close();
        try
        {
            _recentWrites?.Clear();
            using var source = new PositionalReadDirectory(sourceFolder);
            Writer.DeleteAll();
            Writer.AddIndexes(source);
            applyAfter();
            lock (_commitLock)
            {
                // The new contents were analyzed by this chain (a rebuild, or a node's load of its database).
                Volatile.Write(ref _analysis, ArabicNewsAnalyzer.Version);
                Writer.SetCommitData(NewCommitData(sequence));
                Writer.Commit();
            }
        }
        finally
        {
            _refreshGate.Open();
        }

        Refresh();
    }

    /// <summary>Every stored article with the change-log position that wrote it, read from one snapshot of the index
    /// (as of the last refresh).</summary>
    public IEnumerable<IngestResult> StoredArticles()
    {
        var searcher = _searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is null || live.Get(doc))
                    {
                        var document = reader.Document(doc);
                        yield return IngestResult.Stored(NewsDocumentMapper.ToArticle(document), NewsDocumentMapper.VersionOf(document));
                    }
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// A fingerprint of which articles the index holds in which version (as of the last refresh): equal on two nodes
    /// that applied the same changes, whatever the order of their segments. Reads two doc values per article.
    /// </summary>
    public IndexChecksum Checksum() => WithSearcher(searcher => IndexChecksum.Of(searcher.IndexReader));

    /// <summary>What the index holds and how it is stored, for operators.</summary>
    public IndexStatistics Statistics()
    {
        var (articles, maxDoc, segments) = WithSearcher(searcher =>
            (searcher.IndexReader.NumDocs, searcher.IndexReader.MaxDoc, searcher.IndexReader.Leaves.Count));
        var commitData = CommitData;
        commitData.TryGetValue(CommittedAtKey, out var committedAt);
        long bytes = 0;
        foreach (var name in _directory.ListAll())
        {
            try
            {
                bytes += _directory.FileLength(name);
            }
            catch (IOException)
            {
                // A file merged away while listing.
            }
        }

        return new IndexStatistics(
            articles,
            maxDoc - articles,
            segments,
            bytes,
            SegmentInfos.GetLastCommitGeneration(_directory),
            committedAt is null ? null : DateTimeOffset.Parse(committedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            CommittedSequence);
    }

    /// <summary>
    /// Merges the index down to at most <paramref name="maxSegments"/> segments and commits: searches over fewer
    /// segments do less work per query. Worth it after a bulk load; costly to repeat on a large index that changes often.
    /// </summary>
    public void Optimize(int maxSegments = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        Writer.ForceMerge(maxSegments);

        // Once more, which costs nothing when the first got there: a merge already running when it began can take its
        // place and fail (a full disk) without it hearing, since Lucene reports to a forced merge only the failures of
        // merges registered after it; the second registers its own, and throws when that one fails too.
        Writer.ForceMerge(maxSegments);
        Writer.Commit();
    }

    /// <summary>Blocks until searches see the write that returned <paramref name="generation"/>.</summary>
    /// <exception cref="IOException">The refresh failed (a full disk, a folder turned read-only): the write is in the
    /// writer, but searches do not see it yet.</exception>
    public void WaitFor(long generation)
    {
        if (_reopenThread is null)
        {
            Refresh();
            return;
        }

        _reopenThread.WaitForGeneration(generation);
    }

    /// <summary>Makes every write so far visible to searches now.</summary>
    /// <exception cref="IOException">The flush failed (counted in <see cref="FailedRefreshes"/>, as is any other failure).</exception>
    public void Refresh()
    {
        lock (_refreshLock)
        {
            try
            {
                _searchers.MaybeRefreshBlocking();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever failed, the flush may have dropped documents: a commit must not claim them (Commit(long, long)).
                Interlocked.Increment(ref _failedRefreshes);
                throw;
            }
        }
    }

    /// <summary>
    /// One page of results. A request with a cursor is answered from the index snapshot the cursor was made on while
    /// that snapshot is kept (<see cref="NewsIndexOptions.CursorSnapshotLifetime"/>), else from the current one.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The request breaks a limit or carries a bad cursor.</exception>
    public SearchResults Search(SearchRequest request) => _tracing.Search(request, _runSearch);

    /// <summary>
    /// Completions of what a reader has typed into the search box: of the last word, of phrases that recur in titles,
    /// and of whole titles, ranked by how many live articles hold them and how recent those are. Sees a write after the
    /// same refresh as searches; the first call after a segment appears may build its suggestions, unless the index
    /// serves (<see cref="NewsIndexOptions.MaxRefreshDelay"/> set, <see cref="SuggestionOptions.BuildAhead"/> on), which
    /// builds them off the request path.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The request breaks a limit of <see cref="SuggestRequest.Validate"/>.</exception>
    public SuggestResults Suggest(SuggestRequest request) => WithSearcher(searcher => _suggester.Suggest(searcher, request));

    /// <summary>Builds the suggestions of every segment not built yet, and says what they hold and what building took.</summary>
    public SuggestionStatistics PrepareSuggestions() => WithSearcher(searcher => _suggester.Prepare(searcher.IndexReader));

    /// <summary>
    /// Done once a serving index has built the suggestions of the index as opened and warmed its search path
    /// (<see cref="SearchWarmup"/>), whether or not that succeeded; done from the start when not serving. A service
    /// reports ready only then, so the first searches a load balancer sends are not the slow, cold ones.
    /// </summary>
    public Task Warmed => Volatile.Read(ref _warmup);

    /// <summary>
    /// Warms a serving index again, after <see cref="ReplaceContents"/> filled it while it was empty (a node loading a
    /// shared store): its warm-up at open had nothing to search, so the runtime had compiled none of the search path.
    /// <see cref="Warmed"/> is pending again until done.
    /// </summary>
    internal void WarmAgain()
    {
        if (!_serving)
        {
            return;
        }

        lock (_warmupLock)
        {
            Volatile.Write(ref _warmup, _warmup.ContinueWith(_ => Warm(), CancellationToken.None, TaskContinuationOptions.DenyChildAttach, TaskScheduler.Default));
        }
    }

    /// <summary>Requests <see cref="SearchWarmup"/> ran, for tests.</summary>
    internal int WarmupRequests { get; private set; }

    /// <summary>Segment suggestion builds so far, for tests of when they happen.</summary>
    internal long SuggestionBuilds => _suggester.Builds;

    /// <summary>Segment word-trie builds so far (<see cref="WordTries"/>), for tests of when they happen.</summary>
    internal long WordTrieBuilds => _words.Builds;

    /// <summary>Up to <paramref name="count"/> stories related to the article, without its copies.</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> Related(string id, int count = 10) => WithSearcher(searcher => _search.Related(searcher, id, count));

    /// <summary>The newest stories (copies collapsed), and the sources and sections of the whole index to browse by.</summary>
    /// <exception cref="InvalidSearchRequestException">The request breaks a limit of <see cref="LatestRequest.Validate"/>.</exception>
    public LatestStories Latest(LatestRequest request) => WithSearcher(searcher => _search.Latest(searcher, request));

    /// <summary>The stored article with this id, or null. Sees a write as soon as <see cref="Upsert(NewsArticle, long)"/> or
    /// <see cref="Delete"/> returns, before searches do (with background refresh on).</summary>
    public NewsArticle? Find(string id) => _recentWrites is not null && _recentWrites.TryGet(id, out var recent) ? recent : WithSearcher(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(NewsFields.Id, id)), 1);
        return top.TotalHits == 0 ? null : NewsDocumentMapper.ToArticle(searcher.Doc(top.ScoreDocs[0].Doc));
    });

    /// <summary>True when an article has this id; sees writes at once, like <see cref="Find"/>.</summary>
    public bool Contains(string id) => _recentWrites is not null && _recentWrites.TryGet(id, out var recent)
        ? recent is not null
        : WithSearcher(searcher => HoldsId(searcher.IndexReader, new Term(NewsFields.Id, id)));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _closing.Cancel();
        lock (_warmupLock)
        {
            _warmup.Wait();
        }

        _closing.Dispose();
        _reopenThread?.Dispose();
        _search.Dispose();
        _searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _folderLock?.Dispose();
        _metrics.Dispose();
        _tracing.Dispose();
    }

    private IndexWriter Writer => _writer ?? throw new IndexReadOnlyException();

    /// <summary>Builds the suggestions of the index as opened, in the background (a large index takes a second or more,
    /// which the first reader to type should not wait for), then runs <see cref="SearchWarmup"/>. Ends early when the
    /// index closes.</summary>
    private void Warm()
    {
        try
        {
            var searcher = _searchers.Acquire();
            try
            {
                _suggester.Prepare(searcher.IndexReader, _closing.Token);
                _words.Prepare(searcher.IndexReader);
                WarmupRequests = SearchWarmup.Run(this, searcher, _closing.Token);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Closed meanwhile, or a segment failed to build: the first suggestion or search meets it again and reports why.
        }
    }

    private TrackingIndexWriter Tracking => _trackingWriter ?? throw new IndexReadOnlyException();

    /// <summary>The last commit's user data: the writer's, or when only serving, the commit searched.</summary>
    private IDictionary<string, string> CommitData => _writer?.CommitData
        ?? WithSearcher(searcher => ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData);

    /// <summary>A term lookup in each segment, without the weight, scorer and collector of a query: the write path asks
    /// once per change (for created or updated), where a query cost three to four times as much.</summary>
    private static bool HoldsId(IndexReader reader, Term id)
    {
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTermDocsEnum(id) is { } docs && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                return true;
            }
        }

        return false;
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }
}
