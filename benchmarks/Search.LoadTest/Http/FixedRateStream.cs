namespace Search.LoadTest.Http;

/// <summary>
/// One open-loop stream of requests at a fixed rate between two moments of the run clock: request i is due at
/// from + i / rate whatever happened to earlier ones, and its latency runs from that due time (as in
/// <see cref="OpenLoopRunner"/>). A dedicated thread keeps the schedule, so several streams run side by side.
/// </summary>
public sealed class FixedRateStream(string name, RecordingSender sender, IReadOnlyList<Uri> requests)
{
    public string Name { get; } = name;

    /// <summary>Starts the schedule; the task ends when every request of it has been answered or has failed.</summary>
    public Task<RequestOutcome[]> RunAsync(double rate, double fromMs, double toMs)
    {
        var count = (int)Math.Floor((toMs - fromMs) / 1000.0 * rate);
        var pending = new Task<RequestOutcome>[count];
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = fromMs + (i * 1000.0 / rate);
                while (sender.Now() < due)
                {
                    // About a millisecond late at worst; the lag is charged to the request, so it only makes figures worse.
                    Thread.Sleep(1);
                }

                var uri = requests[i % requests.Count];
                pending[i] = Task.Run(() => sender.SendAsync(uri, due));
            }

            scheduled.SetResult();
        })
        { Name = $"stream-{Name}", IsBackground = true };
        scheduler.Start();
        return Finish();

        async Task<RequestOutcome[]> Finish()
        {
            await scheduled.Task;
            return await Task.WhenAll(pending);
        }
    }
}
