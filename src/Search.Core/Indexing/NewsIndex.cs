using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// An index of news articles: owns the directory, the one <see cref="IndexWriter"/>, the searcher manager and the thread
/// that reopens it, and is the one thing a host disposes.
/// </summary>
/// <remarks>
/// <para>Writes (<see cref="Upsert"/>, <see cref="Delete"/>) return a generation. Searches see a write within
/// <see cref="NewsIndexOptions.MaxRefreshDelay"/>, or at once after <see cref="WaitFor"/> with its generation; it
/// survives a crash only after <see cref="Commit()"/>. Lucene commits are atomic, so an interrupted run leaves the last
/// commit intact.</para>
/// <para>Thread-safe: any number of threads may search and write at once. Each search takes a searcher from the manager
/// and gives it back before returning; searchers are never handed out.</para>
/// </remarks>
public sealed class NewsIndex : IDisposable
{
    private const string SequenceKey = "sequence";
    private const string CommittedAtKey = "committed_at";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly TrackingIndexWriter _trackingWriter;
    private readonly SearcherManager _searchers;
    private readonly ControlledRealTimeReopenThread<IndexSearcher>? _reopenThread;
    private readonly SnapshotDeletionPolicy _commits;
    private readonly IndexFolderLock? _folderLock;
    private readonly object _commitLock = new();
    private readonly RecentWrites? _recentWrites;
    private readonly NewsSearcher _newsSearcher;
    private readonly RelatedStoryFinder _relatedStories;

    // Keeps the snapshots cursors were made on, so later pages come from the same index state (as Lucene's and
    // Elasticsearch's point-in-time do) until they are pruned.
    private readonly SearcherLifetimeManager _snapshots = new();
    private readonly TimeSpan _snapshotLifetime;
    private long _lastSnapshotVersion = -1;

    private NewsIndex(LuceneDirectory directory, NewsIndexOptions options, IndexFolderLock? folderLock)
    {
        _directory = directory;
        _folderLock = folderLock;
        _commits = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        var stemmer = new ArabicNewsStemmer();
        var stemmed = new ArabicNewsAnalyzer(stem: true);
        var exact = new ArabicNewsAnalyzer(stem: false);
        var analyzer = new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact);
        var similarity = new BM25Similarity(options.Ranking.K1, options.Ranking.B);

        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = similarity,
            RAMBufferSizeMB = options.RamBufferMb,
            IndexDeletionPolicy = _commits,
        };
        _writer = new IndexWriter(directory, config);
        _trackingWriter = new TrackingIndexWriter(_writer);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory(similarity));
        if (options.MaxRefreshDelay is { } maxRefreshDelay)
        {
            _reopenThread = new ControlledRealTimeReopenThread<IndexSearcher>(
                _trackingWriter, _searchers, maxRefreshDelay.TotalSeconds, targetMinStaleSec: 0.01)
            {
                IsBackground = true,
                Name = "news-index-reopen",
            };
            _reopenThread.Start();

            // Only with background refresh: without it (bulk loads) nothing would empty the map until the commit.
            _recentWrites = new RecentWrites();
            _searchers.AddListener(_recentWrites);
        }

        _newsSearcher = new NewsSearcher(new NewsQueryBuilder(stemmed, exact, stemmer, options.Ranking), new NewsHighlighter(exact, stemmer));
        _relatedStories = new RelatedStoryFinder(stemmed);
        _snapshotLifetime = options.CursorSnapshotLifetime;
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
            // NIOFSDirectory rather than FSDirectory.Open's MMapDirectory, which is slow under parallel search in Lucene.Net 4.8.
            return new NewsIndex(new NIOFSDirectory(options.Path), options, folderLock);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>An index held in memory, for tests and throwaway evaluation runs.</summary>
    public static NewsIndex InMemory(RankingOptions? ranking = null) =>
        new(new RAMDirectory(), new NewsIndexOptions("(memory)") { Ranking = ranking ?? new RankingOptions() }, folderLock: null);

    /// <summary>An index held in memory with the given options (refresh, snapshots), for tests.</summary>
    public static NewsIndex InMemory(NewsIndexOptions options) => new(new RAMDirectory(), options, folderLock: null);

    /// <summary>True when a committed index exists in the folder.</summary>
    public static bool ExistsAt(string path) =>
        System.IO.Directory.Exists(path) && DirectoryReader.IndexExists(new NIOFSDirectory(path));

    /// <summary>Number of searchable articles (as of the last refresh).</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// The change-log position of the last commit (<see cref="Commit(long)"/>): every logged change up to it is in the
    /// committed index. 0 for an index never written through a log.
    /// </summary>
    public long CommittedSequence =>
        _writer.CommitData.TryGetValue(SequenceKey, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;

    /// <summary>Adds the article, replacing any with the same id.</summary>
    /// <returns>The write's generation, for <see cref="WaitFor"/>.</returns>
    public long Upsert(NewsArticle article)
    {
        var generation = _trackingWriter.UpdateDocument(new Term(NewsFields.Id, article.Id), NewsDocumentMapper.ToDocument(article));
        _recentWrites?.Record(article.Id, article);
        return generation;
    }

    /// <summary>Removes the article with this id, if any.</summary>
    /// <returns>The write's generation, for <see cref="WaitFor"/>.</returns>
    public long Delete(string id)
    {
        var generation = _trackingWriter.DeleteDocuments(new Term(NewsFields.Id, id));
        _recentWrites?.Record(id, null);
        return generation;
    }

    /// <summary>Makes every write so far durable: it survives a crash or restart once this returns. Without background
    /// refresh, also makes it visible to searches.</summary>
    public void Commit()
    {
        lock (_commitLock)
        {
            _writer.Commit();
        }

        if (_reopenThread is null)
        {
            _searchers.MaybeRefresh();
        }
    }

    /// <summary>
    /// Like <see cref="Commit()"/>, and records that the commit holds every logged change up to
    /// <paramref name="sequence"/>, which <see cref="CommittedSequence"/> then returns, also after a restart.
    /// </summary>
    public void Commit(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        lock (_commitLock)
        {
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
                [CommittedAtKey] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            });
            _writer.Commit();
        }

        if (_reopenThread is null)
        {
            _searchers.MaybeRefresh();
        }
    }

    /// <summary>
    /// Copies the last commit into <paramref name="targetFolder"/> (which must be empty or absent) while writes go on:
    /// the commit's files are held back from deletion until the copy ends. The copy is a complete index that
    /// <see cref="Open"/> serves; its commit file is copied last, so an interrupted copy is never mistaken for one.
    /// </summary>
    /// <returns>The files copied and their total size.</returns>
    public IndexSnapshotInfo SnapshotTo(string targetFolder)
    {
        if (System.IO.Directory.Exists(targetFolder) && System.IO.Directory.EnumerateFileSystemEntries(targetFolder).Any())
        {
            throw new IOException($"The snapshot folder {targetFolder} is not empty.");
        }

        System.IO.Directory.CreateDirectory(targetFolder);
        var commit = _commits.Snapshot();
        try
        {
            using var target = new NIOFSDirectory(targetFolder);
            var files = commit.FileNames.OrderBy(name => name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)).ToList();
            long bytes = 0;
            foreach (var name in files)
            {
                _directory.Copy(target, name, name, IOContext.DEFAULT);
                bytes += target.FileLength(name);
            }

            target.Sync(files);
            commit.UserData.TryGetValue(SequenceKey, out var sequence);
            return new IndexSnapshotInfo(targetFolder, commit.Generation, files.Count, bytes, long.TryParse(sequence, CultureInfo.InvariantCulture, out var s) ? s : 0);
        }
        finally
        {
            _commits.Release(commit);
            _writer.DeleteUnusedFiles();
        }
    }

    /// <summary>What the index holds and how it is stored, for operators.</summary>
    public IndexStatistics Statistics()
    {
        var (articles, maxDoc, segments) = WithSearcher(searcher =>
            (searcher.IndexReader.NumDocs, searcher.IndexReader.MaxDoc, searcher.IndexReader.Leaves.Count));
        var commitData = _writer.CommitData;
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
        _writer.ForceMerge(maxSegments);
        _writer.Commit();
    }

    /// <summary>Blocks until searches see the write that returned <paramref name="generation"/>.</summary>
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
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>
    /// One page of results. A request with a cursor is answered from the index snapshot the cursor was made on while
    /// that snapshot is kept (<see cref="NewsIndexOptions.CursorSnapshotLifetime"/>), else from the current one.
    /// </summary>
    /// <exception cref="InvalidSearchRequestException">The request breaks a limit or carries a bad cursor.</exception>
    public SearchResults Search(SearchRequest request)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidSearchRequestException(errors);
        }

        var cursor = request.After is null ? null : SearchCursor.Decode(request.After, request.EffectiveSort);
        if (cursor?.SnapshotVersion is { } version && _snapshots.Acquire(version) is { } snapshot)
        {
            try
            {
                return _newsSearcher.Search(snapshot, request, cursor, version);
            }
            finally
            {
                _snapshots.Release(snapshot);
            }
        }

        return WithSearcher(searcher => _newsSearcher.Search(searcher, request, cursor, KeepSnapshot(searcher)));
    }

    /// <summary>Up to <paramref name="count"/> stories related to the article, without its copies.</summary>
    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> Related(string id, int count = 10) => WithSearcher(searcher => _relatedStories.Find(searcher, id, count));

    /// <summary>The stored article with this id, or null. Sees a write as soon as <see cref="Upsert"/> or
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
        _reopenThread?.Dispose();
        _snapshots.Dispose();
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _folderLock?.Dispose();
    }

    /// <summary>Records the searcher for cursors; when it is a new snapshot, drops snapshots past their lifetime.</summary>
    private long KeepSnapshot(IndexSearcher searcher)
    {
        var version = _snapshots.Record(searcher);
        if (Interlocked.Exchange(ref _lastSnapshotVersion, version) != version)
        {
            _snapshots.Prune(new SearcherLifetimeManager.PruneByAge(_snapshotLifetime.TotalSeconds));
        }

        return version;
    }

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
