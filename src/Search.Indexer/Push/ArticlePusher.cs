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
/// wins, as it does offline. A push can resume where an earlier one stopped: it skips the records that push had
/// acknowledged and tells how far its own acknowledgements reach. Not thread-safe: one push at a time.
/// </remarks>
internal sealed class ArticlePusher(ServiceClient client, PushOptions options)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <param name="records">Read in order; each one, problems included, is a record with a 1-based ordinal.</param>
    /// <param name="onProblem">Told of each skipped or refused record, on the calling thread.</param>
    /// <param name="progress">Told about once a second.</param>
    /// <param name="skip">The leading records an earlier run of the same input had acknowledged: not sent again, since
    /// that could replace a newer write to one of their ids. Their articles count as sent; their problems are reported
    /// again, except the service's refusals, which are not known again.</param>
    /// <param name="onAcknowledged">Told, on the calling thread, the number of leading records that are all done
    /// (acknowledged by the service, or problems) each time it grows past <paramref name="skip"/>: after a bulk reply,
    /// and at the end. What it tells is where a later run may resume (see <see cref="AcknowledgedPrefix"/>).</param>
    /// <param name="cancellationToken">Stops reading; the batches in flight are finished and counted, and the summary
    /// says <see cref="PushSummary.Interrupted"/>.</param>
    /// <exception cref="ServiceException">The service refused a batch as a whole or stayed unreachable; what it
    /// acknowledged before stays written.</exception>
    public async Task<PushSummary> PushAsync(
        IEnumerable<IngestResult> records,
        Action<IngestProblem>? onProblem,
        IProgress<PushSummary>? progress,
        long skip,
        Action<long>? onAcknowledged,
        CancellationToken cancellationToken)
    {
        var run = new Run(client, options, onProblem, onAcknowledged, skip, Stopwatch.StartNew());
        var batch = new ArticleBatch();
        long ordinal = 0;
        var nextReport = ProgressInterval;
        try
        {
            foreach (var record in records)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                ordinal++;
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
                    else if (ordinal <= skip)
                    {
                        // Written by an earlier run: sending it again could undo a newer write to its id.
                        run.SentBefore++;
                    }
                    else
                    {
                        if (batch.Count > 0 && (batch.Count >= options.BatchSize || batch.Bytes + json.Length + 1 > options.BatchBytes))
                        {
                            await run.SendAsync(batch, waitForSearch: false);
                            batch = new ArticleBatch();
                        }

                        if (batch.Count == 0)
                        {
                            run.Prefix.Waiting(ordinal);
                        }

                        batch.Add(article, json, record.File, record.Line, ordinal);
                    }
                }
                else if (record.Problem is { } problem)
                {
                    run.Skipped++;
                    onProblem?.Invoke(problem);
                }

                // Only once placed: a reply collected while the record was being placed must not count it done.
                run.Prefix.Read(ordinal);
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
            run.ReportPrefix();
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
    private sealed class Run(
        ServiceClient client, PushOptions options, Action<IngestProblem>? onProblem, Action<long>? onAcknowledged, long skip, Stopwatch clock)
    {
        private readonly List<(ArticleBatch Batch, Task<BulkReply> Reply)> _inFlight = [];
        private long _reported = skip;

        public Stopwatch Clock => clock;

        public AcknowledgedPrefix Prefix { get; } = new();

        public long Skipped { get; set; }

        /// <summary>Articles not sent because an earlier run had them acknowledged.</summary>
        public long SentBefore { get; set; }

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

        public PushSummary Summary(bool interrupted) => new(Sent + SentBefore, Skipped, Rejected, Bytes, clock.Elapsed, interrupted);

        /// <summary>Tells <c>onAcknowledged</c> the prefix of records done, when it has grown.</summary>
        public void ReportPrefix()
        {
            var done = Prefix.Value;
            if (done > _reported)
            {
                _reported = done;
                onAcknowledged?.Invoke(done);
            }
        }

        private async Task CollectAsync((ArticleBatch Batch, Task<BulkReply> Reply) pending)
        {
            // A batch refused as a whole throws here, before it could count as acknowledged.
            var reply = await pending.Reply;
            _inFlight.Remove(pending);
            Prefix.Acknowledged(pending.Batch.FirstRecord);
            Sent += reply.Succeeded;
            Bytes += pending.Batch.Bytes;
            foreach (var item in reply.Items.Where(item => !item.Written))
            {
                Rejected++;
                onProblem?.Invoke(pending.Batch.ProblemAt(item.Line, $"refused by the service: {item.Error ?? $"status {item.Status}"}", item.Field));
            }

            ReportPrefix();
        }
    }
}
