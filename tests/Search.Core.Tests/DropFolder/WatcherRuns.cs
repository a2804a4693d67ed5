namespace Search.Core.Tests.DropFolder;

/// <summary>Runs a <see cref="Core.DropFolder.DropFolderWatcher"/> in a test until something has happened.</summary>
internal static class WatcherRuns
{
    /// <summary>Runs the watcher until the condition holds (checked every few milliseconds), then stops it.</summary>
    public static async Task RunUntilAsync(Core.DropFolder.DropFolderWatcher watcher, Func<bool> condition)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = watcher.RunAsync(stop.Token);
        while (!condition() && !stop.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the watcher did not get there in 20 s");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
