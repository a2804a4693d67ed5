using System.Collections.Concurrent;
using System.Diagnostics;
using Search.LoadTest.Measurement;

namespace Search.LoadTest.Http;

/// <summary>
/// An open-loop load generator: request i of a run is due at start + i / rate whatever happened to earlier ones, and its
/// latency is measured from that due time (as wrk2 does), so a server that stalls is charged for every request that
/// should have been sent meanwhile. A dedicated thread keeps the schedule and hands each request to the thread pool.
/// </summary>
/// <param name="createRequest">Builds request number i (counted across runs); a 2xx answer counts as a success.</param>
public sealed class OpenLoopRunner(HttpClient client, Func<int, HttpRequestMessage> createRequest)
{
    /// <summary>GETs of the addresses, in turn.</summary>
    public OpenLoopRunner(HttpClient client, IReadOnlyList<Uri> requests)
        : this(client, i => new HttpRequestMessage(HttpMethod.Get, requests[i % requests.Count]))
    {
    }

    public RateResult Run(int rate, TimeSpan duration, int firstRequest)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var serviceTimes = new double[count];
        var succeeded = new bool[count];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var pending = new Task[count];
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var maxLag = 0L;

        var scheduler = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            var next = 0;
            while (next < count)
            {
                var now = Stopwatch.GetTimestamp();
                while (next < count && start + (long)(next * ticksPerRequest) <= now)
                {
                    var i = next++;
                    var due = start + (long)(i * ticksPerRequest);
                    maxLag = Math.Max(maxLag, now - due);
                    pending[i] = Task.Run(() => SendAsync(firstRequest + i, due, i));
                }

                // About a millisecond late at worst; the lag is charged to the request, so it can only make figures worse.
                Thread.Sleep(1);
            }
        })
        { Name = "open-loop-scheduler", IsBackground = true };

        var clock = Stopwatch.StartNew();
        scheduler.Start();
        scheduler.Join();
        Task.WaitAll(pending);
        var elapsed = clock.Elapsed;

        var ok = Enumerable.Range(0, count).Where(i => succeeded[i]).ToList();
        return new RateResult(
            rate,
            count,
            ok.Count,
            count - ok.Count,
            failures,
            ok.Count / elapsed.TotalSeconds,
            LatencyStats.Of(latencies),
            LatencyStats.Of(serviceTimes),
            maxLag * 1000.0 / Stopwatch.Frequency);

        async Task SendAsync(int number, long due, int i)
        {
            using var request = createRequest(number);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                succeeded[i] = response.IsSuccessStatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    failures.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failures.AddOrUpdate(ex is TaskCanceledException ? "timeout" : ex.GetType().Name, 1, (_, n) => n + 1);
            }

            var done = Stopwatch.GetTimestamp();
            latencies[i] = (done - due) * 1000.0 / Stopwatch.Frequency;
            serviceTimes[i] = (done - sent) * 1000.0 / Stopwatch.Frequency;
        }
    }
}
