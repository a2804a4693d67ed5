namespace Search.LoadTest.Http;

/// <summary>
/// A fixed number of clients, each sending its next request as soon as the last one is answered: the throughput the
/// service sustains for one kind of query at that concurrency, with no queue building up in front of it.
/// </summary>
public sealed class ClosedLoopRunner(RecordingSender sender, IReadOnlyList<Uri> requests)
{
    public async Task<RequestOutcome[]> RunAsync(int clients, TimeSpan duration)
    {
        var end = sender.Now() + duration.TotalMilliseconds;
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var outcomes = new List<RequestOutcome>();
            for (var i = client; sender.Now() < end; i += clients)
            {
                outcomes.Add(await sender.SendAsync(requests[i % requests.Count], sender.Now()));
            }

            return outcomes;
        }));
        return [.. (await Task.WhenAll(loops)).SelectMany(outcomes => outcomes)];
    }
}
