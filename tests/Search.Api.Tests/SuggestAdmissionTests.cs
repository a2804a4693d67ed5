using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Admission;
using Search.Core.Querying;

namespace Search.Api.Tests;

/// <summary>Suggestions are admitted in the light lane whatever was typed, and wait their turn there like searches.</summary>
public sealed class SuggestAdmissionTests
{
    [Fact]
    public async Task A_full_heavy_lane_refuses_a_prefix_search_but_not_a_suggestion_and_a_full_light_lane_refuses_both()
    {
        await using var factory = SearchApiFactory.WithWrites(
            ("Search:Admission:HeavyConcurrency", "1"),
            ("Search:Admission:LightConcurrency", "1"),
            ("Search:Admission:QueueLimit", "0"));
        using var client = factory.CreateClient();
        var admission = factory.Services.GetRequiredService<SearchAdmission>();
        var typed = Uri.EscapeDataString("اتصا*");

        using (var heavy = await admission.EnterAsync(SearchCost.Heavy, CancellationToken.None))
        {
            Assert.True(heavy.IsAcquired);
            using var search = await client.GetAsync("/api/search?q=" + typed);
            using var suggest = await client.GetAsync("/api/suggest?q=" + typed);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
            Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        }

        using var light = await admission.EnterAsync(SearchCost.Light, CancellationToken.None);
        Assert.True(light.IsAcquired);
        using var refused = await client.GetAsync("/api/suggest?q=" + typed);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("overloaded", problem.GetProperty("code").GetString());
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
    }
}
