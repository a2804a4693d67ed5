using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Writes;

/// <summary>
/// Pushes a corpus through <c>POST /api/articles/_bulk</c> in batches with a fixed number of requests in flight, as a
/// loader would; each answer means its articles are durable (the service answers once its write-ahead log has
/// fsynced them and the index has taken them). The clock runs from the first send to the last answer.
/// </summary>
internal static class BulkLoad
{
    public static BulkLoadResult Run(HttpClient client, WriteCorpus corpus, int batchSize, int inFlight)
    {
        var batches = corpus.Articles.Chunk(batchSize).Select(Body).ToList();
        var latencies = new double[batches.Count];
        var failures = new List<string>();
        using var slots = new SemaphoreSlim(inFlight);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(batches.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            slots.Wait();
            var number = i;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    var sent = Stopwatch.GetTimestamp();
                    var failure = await SendAsync(client, batches[number].Body, batches[number].Count);
                    latencies[number] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (failure is not null)
                    {
                        lock (failures)
                        {
                            failures.Add($"batch {number + 1}: {failure}");
                        }
                    }
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        Task.WaitAll(pending);
        return new BulkLoadResult(corpus.Articles.Count, batches.Count, clock.Elapsed, LatencyStats.Of(latencies), failures);
    }

    private static (byte[] Body, int Count) Body((string Id, byte[] Json)[] batch)
    {
        using var body = new MemoryStream();
        foreach (var (_, json) in batch)
        {
            body.Write(json);
            body.WriteByte((byte)'\n');
        }

        return (body.ToArray(), batch.Length);
    }

    /// <returns>What went wrong, or null when every line was written.</returns>
    private static async Task<string?> SendAsync(HttpClient client, byte[] body, int lines)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        try
        {
            using var response = await client.PostAsync(new Uri("/api/articles/_bulk", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode}: {Shorten(text)}";
            }

            using var json = JsonDocument.Parse(text);
            var succeeded = json.RootElement.GetProperty("succeeded").GetInt32();
            return succeeded == lines ? null : $"{succeeded} of {lines} lines written: {Shorten(text)}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ex.Message;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
