using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;

namespace Search.Api.Tests;

/// <summary>Memory a burst left committed goes back to the system once the service is idle, and only then.</summary>
public sealed class IdleMemoryTrimmerTests
{
    private const long Megabyte = 1024 * 1024;

    [Theory]
    [InlineData(0, 600, 300, false, true)]
    [InlineData(7, 600, 300, false, true)]
    [InlineData(8, 600, 300, false, false)]
    [InlineData(0, 500, 300, false, false)]
    [InlineData(0, 600, 300, true, false)]
    public void Memory_goes_back_after_an_idle_period_once_and_only_when_there_is_much_to_give(
        int allocatedMb, int committedMb, int heapMb, bool alreadyGivenBack, bool expected)
    {
        // The defaults: idle below 8 MB allocated a period, at least 256 MB beyond the heap.
        Assert.Equal(expected, IdleMemoryTrimmer.ShouldTrim(allocatedMb * Megabyte, committedMb * Megabyte, heapMb * Megabyte, alreadyGivenBack, new IdleMemoryOptions()));
    }

    [Fact]
    public async Task When_idle_it_collects_and_logs_what_went_back()
    {
        var logger = new ListLogger();
        var options = Options.Create(new IdleMemoryOptions { IdleTrimSeconds = 0.05, IdleAllocationMb = 1_000_000, MinSpareMb = 0 });
        using var trimmer = new IdleMemoryTrimmer(options, logger);
        var collections = GC.CollectionCount(GC.MaxGeneration);

        await trimmer.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (logger.Messages.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await trimmer.StopAsync(CancellationToken.None);
        Assert.Contains(logger.Messages, message => message.StartsWith("Idle: gave memory back to the system", StringComparison.Ordinal));
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > collections);
        Assert.True(trimmer.ExecuteTask?.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_period_of_zero_never_gives_memory_back()
    {
        using var trimmer = new IdleMemoryTrimmer(Options.Create(new IdleMemoryOptions { IdleTrimSeconds = 0 }), new ListLogger());

        await trimmer.StartAsync(CancellationToken.None);

        // Ends by itself, with nothing to stop it.
        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_negative_period_stops_the_service_at_start_with_the_setting_named()
    {
        var failure = StartFailure.Of(() => SearchApiFactory.WithSettings(("Search:Memory:IdleTrimSeconds", "-1")));

        Assert.Contains("IdleTrimSeconds", failure.Message, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<IdleMemoryTrimmer>
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }
}
