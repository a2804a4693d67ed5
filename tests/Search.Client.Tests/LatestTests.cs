using Search.Api.Tests;
using Search.Client.Contracts;
using Search.Client.Errors;

namespace Search.Client.Tests;

/// <summary><c>GET /api/latest</c> (agreed contract 3) against the service.</summary>
[Collection(SampleServiceCollection.Name)]
public sealed class LatestTests(SearchApiFactory service)
{
    private readonly SearchClient _client = ServiceClients.ClientOf(service);

    [Fact]
    public async Task The_latest_stories_come_newest_first_with_the_sources_and_sections_to_browse()
    {
        var latest = await _client.GetLatestAsync();
        var browse = await _client.SearchAsync(new SearchQuery { From = DateTimeOffset.MinValue, Sort = SearchSort.Newest, PageSize = 20 });

        Assert.Equal(20, latest.Hits.Count);
        Assert.Equal(browse.Hits.Select(hit => hit.Id), latest.Hits.Select(hit => hit.Id));
        Assert.Equal(latest.Hits.Select(hit => hit.PublishedAt).OrderDescending(), latest.Hits.Select(hit => hit.PublishedAt));
        Assert.Equal(
            browse.Facets!.Source.OrderByDescending(value => value.Count).ThenBy(value => value.Value, StringComparer.Ordinal),
            latest.Sources.OrderByDescending(value => value.Count).ThenBy(value => value.Value, StringComparer.Ordinal));
        Assert.Contains(latest.Sections, value => value.Value == "تكنولوجيا" && value.Count > 0);
    }

    [Fact]
    public async Task Size_sources_and_sections_reach_the_service()
    {
        var latest = await _client.GetLatestAsync(new LatestQuery { Size = 3, Sources = ["الرصد", "صدى المدينة"], Sections = ["تكنولوجيا", "اقتصاد"] });
        var browse = await _client.SearchAsync(new SearchQuery
        {
            Sources = ["الرصد", "صدى المدينة"],
            Sections = ["تكنولوجيا", "اقتصاد"],
            Sort = SearchSort.Newest,
            PageSize = 3,
        });

        Assert.Equal(3, latest.Hits.Count);
        Assert.Equal(browse.Hits.Select(hit => hit.Id), latest.Hits.Select(hit => hit.Id));
        Assert.All(latest.Hits, hit =>
        {
            Assert.Contains(hit.Source, new[] { "الرصد", "صدى المدينة" });
            Assert.Contains(hit.Section, new[] { "تكنولوجيا", "اقتصاد" });
        });
    }

    [Fact]
    public async Task A_size_out_of_range_is_a_validation_exception_naming_size()
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _client.GetLatestAsync(new LatestQuery { Size = 101 }));

        Assert.Contains("size", error.Errors);
    }
}
