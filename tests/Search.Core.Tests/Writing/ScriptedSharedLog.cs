using System.Runtime.CompilerServices;
using Search.Core.Documents;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.Tests.Writing;

/// <summary>
/// An <see cref="ISharedArticleLog"/> for tests: the changes in a <see cref="FileArticleLog"/>, a snapshot given up
/// front (which may fail partway the first times it is read), and, like a database, the outcome of each append
/// reported at once. Following can be held back, to show what does not wait for it.
/// </summary>
internal sealed class ScriptedSharedLog(FileArticleLog changes, long snapshotSequence, IReadOnlyList<(NewsArticle Article, long Version)> snapshot) : ISharedArticleLog
{
    private (long Sequence, IReadOnlyList<(NewsArticle Article, long Version)> Articles) _snapshot = (snapshotSequence, snapshot);

    private readonly TaskCompletionSource _followAllowed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Snapshot reads that fail after their first article before one succeeds.</summary>
    public int FailingSnapshots { get; init; }

    public int SnapshotsOpened { get; private set; }

    public bool HoldFollowing { get; init; }

    public void ReleaseFollowing() => _followAllowed.TrySetResult();

    public async Task<AppendResult> AppendAsync(IReadOnlyList<ArticleChange> written, CancellationToken cancellationToken = default)
    {
        var appended = await changes.AppendAsync(written, cancellationToken);
        return appended with { Outcomes = [.. written.Select(change => change.Kind == ChangeKind.Upsert ? ChangeOutcome.Created : ChangeOutcome.Deleted)] };
    }

    public async IAsyncEnumerable<IReadOnlyList<LoggedChange>> FollowAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (HoldFollowing)
        {
            await _followAllowed.Task.WaitAsync(cancellationToken);
        }

        await foreach (var batch in changes.FollowAsync(afterSequence, cancellationToken))
        {
            yield return batch;
        }
    }

    /// <summary>What the store holds from now on, as if written meanwhile.</summary>
    public void Replace(long sequence, IReadOnlyList<(NewsArticle Article, long Version)> articles) => _snapshot = (sequence, articles);

    public Task<ArticleSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var failing = ++SnapshotsOpened <= FailingSnapshots;
        var (sequence, articles) = _snapshot;
        return Task.FromResult(new ArticleSnapshot(sequence, articles.Count, Read(articles, failing), new NothingToClose()));
    }

    /// <summary>What <see cref="IdentityAsync"/> answers.</summary>
    public string Identity { get; init; } = "scripted-store";

    public Task<string> IdentityAsync(CancellationToken cancellationToken) => Task.FromResult(Identity);

    public Task<ReplicationLag> LagAsync(long appliedSequence, CancellationToken cancellationToken)
    {
        var head = changes.Statistics().LastSequence;
        return Task.FromResult(new ReplicationLag(head, Math.Max(0, head - appliedSequence), TimeSpan.Zero));
    }

    public void Checkpoint(long sequence) => changes.Checkpoint(sequence);

    public ArticleLogStatistics Statistics() => changes.Statistics();

    public ValueTask DisposeAsync() => changes.DisposeAsync();

    private sealed class NothingToClose : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static IEnumerable<IngestResult> Read(IReadOnlyList<(NewsArticle Article, long Version)> articles, bool failing)
    {
        foreach (var (article, version) in articles)
        {
            yield return IngestResult.Stored(article, version);
            if (failing)
            {
                throw new IOException("The connection to the store dropped mid-snapshot.");
            }
        }
    }
}
