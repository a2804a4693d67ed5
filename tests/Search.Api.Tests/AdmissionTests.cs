using System.Diagnostics;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Api.Admission;
using Search.Core.Querying;

namespace Search.Api.Tests;

public sealed class AdmissionTests
{
    private const string HeavyQuery = "الاتصالات -أ -ب -ج -د";

    [Fact]
    public async Task A_full_heavy_lane_refuses_after_the_queue_timeout_or_at_once_when_its_queue_is_full_and_never_blocks_light_searches()
    {
        using var admission = new SearchAdmission(Options.Create(new AdmissionOptions { HeavyConcurrency = 1, LightConcurrency = 1, QueueLimit = 1, QueueTimeoutMs = 150 }));
        using var running = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None);
        Assert.True(running.IsAcquired);

        var clock = Stopwatch.StartNew();
        var waiting = admission.EnterAsync(SearchCost.Heavy, CancellationToken.None).AsTask();
        using (var queueFull = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None))
        {
            Assert.False(queueFull.IsAcquired);
            Assert.True(clock.ElapsedMilliseconds < 100, $"refused after {clock.ElapsedMilliseconds} ms");
        }

        using (var light = await admission.EnterAsync(SearchCost.Light, CancellationToken.None))
        {
            Assert.True(light.IsAcquired);
            Assert.Equal(2, admission.Running);
            Assert.Equal(1, admission.Queued);
        }

        using var timedOut = await waiting;
        Assert.False(timedOut.IsAcquired);
        Assert.InRange(clock.ElapsedMilliseconds, 140, 2_000);
    }

    [Fact]
    public async Task A_waiting_search_gets_its_turn_when_one_ends()
    {
        using var admission = new SearchAdmission(Options.Create(new AdmissionOptions { HeavyConcurrency = 1, QueueTimeoutMs = 5_000 }));
        var running = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None);
        var waiting = admission.EnterAsync(SearchCost.Heavy, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        running.Dispose();

        using var next = await waiting;
        Assert.True(next.IsAcquired);
    }

    [Fact]
    public async Task A_search_that_could_not_start_before_the_queue_timeout_is_refused_at_once_instead_of_at_the_deadline()
    {
        using var admission = new SearchAdmission(Options.Create(new AdmissionOptions { HeavyConcurrency = 1, QueueTimeoutMs = 1_000 }));
        admission.Lane(SearchCost.Heavy).Observe(TimeSpan.FromMilliseconds(400));
        var running = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None);

        // One search ahead ends in about 400 ms, two in 800: both still start within the second.
        var first = admission.EnterAsync(SearchCost.Heavy, CancellationToken.None).AsTask();
        var second = admission.EnterAsync(SearchCost.Heavy, CancellationToken.None).AsTask();
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        var clock = Stopwatch.StartNew();
        using (var third = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None))
        {
            Assert.False(third.IsAcquired);
            Assert.True(clock.ElapsedMilliseconds < 100, $"refused after {clock.ElapsedMilliseconds} ms");
        }

        using (var light = await admission.EnterAsync(SearchCost.Light, CancellationToken.None))
        {
            Assert.True(light.IsAcquired);
        }

        running.Dispose();
        using (var next = await first)
        {
            Assert.True(next.IsAcquired);
        }

        using var last = await second;
        Assert.True(last.IsAcquired);
    }

    [Fact]
    public async Task A_lane_learns_how_long_its_searches_hold_their_turn()
    {
        using var admission = new SearchAdmission(Options.Create(new AdmissionOptions { HeavyConcurrency = 1 }));
        var lane = admission.Lane(SearchCost.Heavy);
        Assert.Equal(TimeSpan.Zero, lane.ExpectedWait);

        using (var lease = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None))
        {
            await Task.Delay(200);
        }

        Assert.InRange(lane.ExpectedWait, TimeSpan.FromMilliseconds(190), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, admission.Lane(SearchCost.Light).ExpectedWait);
    }

    [Fact]
    public async Task When_heavy_searches_fill_their_lane_they_get_a_503_with_retry_after_while_light_ones_are_answered()
    {
        await using var factory = new SearchApiFactory();
        using var client = factory.CreateClient();
        var admission = factory.Services.GetRequiredService<SearchAdmission>();
        var held = new List<RateLimitLease>();
        try
        {
            // Every heavy permit and queue slot taken, as a flood of heavy queries would.
            for (var lease = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None); lease.IsAcquired; lease = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None))
            {
                held.Add(lease);
            }

            var clock = Stopwatch.StartNew();
            using var heavy = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(HeavyQuery));
            var problem = await heavy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("overloaded", problem.GetProperty("code").GetString());
            Assert.Equal("1", heavy.Headers.GetValues("Retry-After").Single());

            var light = await client.SearchOkAsync("الاتصالات");
            Assert.NotEmpty(light.Hits);
            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        }
        finally
        {
            held.ForEach(lease => lease.Dispose());
        }
    }

    [Fact]
    public async Task A_page_deep_in_the_results_is_a_heavy_search_that_a_full_heavy_lane_refuses()
    {
        await using var factory = new SearchApiFactory();
        using var client = factory.CreateClient();
        var admission = factory.Services.GetRequiredService<SearchAdmission>();
        var held = new List<RateLimitLease>();
        try
        {
            for (var lease = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None); lease.IsAcquired; lease = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None))
            {
                held.Add(lease);
            }

            // Page 200 of 50 collects, ranks and collapses 10,000 hits, as much work as the largest pages.
            using var deep = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("الاتصالات") + "&page=200&pageSize=50");
            var problem = await deep.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("overloaded", problem.GetProperty("code").GetString());
            Assert.Equal("1", deep.Headers.GetValues("Retry-After").Single());

            using var shallow = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("الاتصالات") + "&page=20&pageSize=50");
            Assert.Equal(HttpStatusCode.OK, shallow.StatusCode);
        }
        finally
        {
            held.ForEach(lease => lease.Dispose());
        }
    }

    [Fact]
    public async Task The_per_client_rate_limit_is_off_by_default_and_when_on_answers_429_with_retry_after()
    {
        await using (var unlimited = new SearchApiFactory())
        {
            using var client = unlimited.CreateClient();
            for (var i = 0; i < 10; i++)
            {
                (await client.GetAsync("/api/search?q=الاتصالات")).EnsureSuccessStatusCode();
            }
        }

        await using var limited = SearchApiFactory.WithWrites(("Search:Admission:RequestsPerSecondPerClient", "1"));
        using var limitedClient = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await limitedClient.GetAsync("/api/search?q=الاتصالات");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var problem = await refused!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.True(refused!.Headers.Contains("Retry-After"));
        using var health = await limitedClient.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
