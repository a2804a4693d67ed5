using System.Globalization;
using System.Net.Http;

namespace Search.LoadTest.Measurement;

/// <summary>
/// Reads the service's <c>/metrics</c> (Prometheus text) a few times a second and keeps the highest value of the gauges
/// that tell why requests wait: thread-pool threads and queued work items (starvation), admission lanes' running and
/// queued searches, and connections Kestrel has not accepted yet.
/// </summary>
public sealed class ServerGauges(HttpClient client, Uri baseUri)
{
    public static readonly string[] Names =
    [
        "dotnet_thread_pool_thread_count",
        "dotnet_thread_pool_queue_length",
        "search_admission_running",
        "search_admission_queued",
        "kestrel_queued_connections",
    ];

    /// <summary>Scrapes every <paramref name="interval"/> until cancelled; the highest value seen of each gauge.</summary>
    public async Task<IReadOnlyDictionary<string, double>> WatchAsync(TimeSpan interval, CancellationToken stop)
    {
        var highest = Names.ToDictionary(name => name, _ => double.NaN, StringComparer.Ordinal);
        var metrics = new Uri(baseUri, "/metrics");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var text = await client.GetStringAsync(metrics, stop);
                foreach (var line in text.Split('\n'))
                {
                    var name = line.Split('{', ' ')[0];
                    if (highest.TryGetValue(name, out var seen)
                        && double.TryParse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        highest[name] = double.IsNaN(seen) ? value : Math.Max(seen, value);
                    }
                }

                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                // A scrape that fails under load is skipped; the figures come from the ones that succeed.
            }
        }

        return highest;
    }
}
