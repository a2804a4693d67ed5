using System.Diagnostics;
using System.Globalization;
using Search.Core.Ingestion;

namespace Search.Indexer.Push;

/// <summary>
/// Sends ingested articles to a running service through <c>POST /api/articles/_bulk</c>: batches by count and bytes,
/// <see cref="PushOptions.Concurrency"/> of them in flight. Records the reader rejected, articles too large for one
/// request (<see cref="PushOptions.BatchBytes"/>), which are not sent, and lines the service refused all come back as
/// <see cref="IngestProblem"/>s located in the input.
/// </summary>
/// <remarks>
/// A batch holding an id that a batch in flight also holds waits for it, so when an id appears twice the later version
/// wins, as it does offline. Not thread-safe: one push at a time.
/// </remarks>
internal sealed class ArticlePusher(ServiceClient client, PushOptions options)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <param name="onProblem">Told of each skipped or refused record, on the calling thread.</param>
    /// <param name="progress">Told about once a second.</param>
    /// <param name="cancellationToken">Stops reading; the batches in flight are finished and counted, and the summary
    /// says <see cref="PushSummary.Interrupted"/>.</param>
    /// <exception cref="ServiceException">The service refused a batch as a whole or stayed unreachable; what it
    /// acknowledged before stays written.</exception>
    public async Task<PushSummary> PushAsync(
        IEnumerable<IngestResult> records,
        Action<IngestProblem>? onProblem,
        IProgress<PushSummary>? progress,
        CancellationToken cancellationToken)
    {
        var run = new Run(client, options, onProblem, Stopwatch.StartNew());
        var batch = new ArticleBatch();
        var nextReport = ProgressInterval;
        try
        {
            foreach (var record in records)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (record.Article is { } article)
                {
                    var json = ArticleLines.Serialize(article);
                    if (json.Length + 1 > options.BatchBytes)
                    {
                        // Alone it would still be a request over the limit, which the service may cut off mid-upload
                        // and which would look like an unreachable service: this record's problem, not the run's.
                        run.Skipped++;
                        onProblem?.Invoke(ArticleBatch.Locate(
                            record.File, record.Line, article.Id, $"the article is larger than {Megabytes(options.BatchBytes)} MB, not sent"));
                    }
                    else
                    {
                        if (batch.Count > 0 && (batch.Count >= options.BatchSize || batch.Bytes + json.Length + 1 > options.BatchBytes))
                        {
                            await run.SendAsync(batch, waitForSearch: false);
                            batch = new ArticleBatch();
                        }

                        batch.Add(article, json, record.File, record.Line);
                    }
                }
                else if (record.Problem is { } problem)
                {
                    run.Skipped++;
                    onProblem?.Invoke(problem);
                }

                if (run.Clock.Elapsed >= nextReport)
                {
                    await run.CollectFinishedAsync();
                    progress?.Report(run.Summary(interrupted: false));
                    nextReport = run.Clock.Elapsed + ProgressInterval;
                }
            }

            var interrupted = cancellationToken.IsCancellationRequested;
            if (!interrupted && batch.Count > 0)
            {
                if (options.WaitForSearch)
                {
                    // wait_for covers the request that carries it: send it last, once all others are applied.
                    await run.CollectAllAsync();
                }

                await run.SendAsync(batch, options.WaitForSearch);
            }

            await run.CollectAllAsync();
            return run.Summary(interrupted);
        }
        catch (ServiceException)
        {
            await run.AbandonAsync();
            throw;
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The state of one push: the batches in flight and the counts so far.</summary>
    private sealed class Run(ServiceClient client, PushOptions options, Action<IngestProblem>? onProblem, Stopwatch clock)
    {
        private readonly List<(ArticleBatch Batch, Task<BulkReply> Reply)> _inFlight = [];

        public Stopwatch Clock => clock;

        public long Skipped { get; set; }

        private long Sent { get; set; }

        private long Rejected { get; set; }

        private long Bytes { get; set; }

        public async Task SendAsync(ArticleBatch batch, bool waitForSearch)
        {
            foreach (var earlier in _inFlight.Where(pending => pending.Batch.Overlaps(batch)).ToList())
            {
                await CollectAsync(earlier);
            }

            while (_inFlight.Count >= options.Concurrency)
            {
                var finished = await Task.WhenAny(_inFlight.Select(pending => pending.Reply));
                await CollectAsync(_inFlight.First(pending => pending.Reply == finished));
            }

            // Not cancelled with the run: a batch handed over is finished, so what the service acknowledged is known.
            _inFlight.Add((batch, client.BulkAsync(batch.Body, waitForSearch, CancellationToken.None)));
        }

        public async Task CollectFinishedAsync()
        {
            foreach (var pending in _inFlight.Where(pending => pending.Reply.IsCompleted).ToList())
            {
                await CollectAsync(pending);
            }
        }

        public async Task CollectAllAsync()
        {
            while (_inFlight.Count > 0)
            {
                await CollectAsync(_inFlight[0]);
            }
        }

        /// <summary>Lets the other batches in flight end, without reporting them, after one failed.</summary>
        public async Task AbandonAsync()
        {
            try
            {
                await Task.WhenAll(_inFlight.Select(pending => pending.Reply));
            }
            catch (ServiceException)
            {
                // The first failure is the one reported.
            }

            _inFlight.Clear();
        }

        public PushSummary Summary(bool interrupted) => new(Sent, Skipped, Rejected, Bytes, clock.Elapsed, interrupted);

        private async Task CollectAsync((ArticleBatch Batch, Task<BulkReply> Reply) pending)
        {
            var reply = await pending.Reply;
            _inFlight.Remove(pending);
            Sent += reply.Succeeded;
            Bytes += pending.Batch.Bytes;
            foreach (var item in reply.Items.Where(item => !item.Written))
            {
                Rejected++;
                onProblem?.Invoke(pending.Batch.ProblemAt(item.Line, $"refused by the service: {item.Error ?? $"status {item.Status}"}", item.Field));
            }
        }
    }
}
