using Microsoft.AspNetCore.WebUtilities;
using Search.Client.Contracts;

namespace Search.Client.Tests;

/// <summary><c>GET /api/latest</c> (agreed contract 3) and <c>didYouMean</c> on search results (contract 2), against a
/// stub answering in the contracts' shape: the endpoints are built on other branches.</summary>
public sealed class LatestTests
{
    private const string Answer = """
        { "hits": [
            { "id": "story-2", "title": "افتتاح جسر جديد", "url": null, "source": "الأنباء", "section": "محليات",
              "publishedAt": "2025-03-02T09:00:00+03:00", "score": 0, "highlights": { "title": "افتتاح جسر جديد", "snippets": [] },
              "duplicates": 0, "duplicateIds": [] },
            { "id": "story-1", "title": "مهرجان الشعر", "url": "https://example.org/1", "source": "الرصد", "section": "ثقافة",
              "publishedAt": "2025-03-01T18:30:00+03:00", "score": 0, "highlights": { "title": "مهرجان الشعر", "snippets": [] },
              "duplicates": 1, "duplicateIds": ["story-1b"] } ],
          "sources": [ { "value": "الأنباء", "count": 12 }, { "value": "الرصد", "count": 9 } ],
          "sections": [ { "value": "محليات", "count": 8 }, { "value": "ثقافة", "count": 5 } ] }
        """;

    [Fact]
    public async Task The_latest_stories_are_read_with_the_sources_and_sections_to_browse()
    {
        var stub = StubHandler.Json(Answer);

        var latest = await stub.Client().GetLatestAsync(new LatestQuery { Size = 2, Sources = ["الأنباء", "الرصد"], Sections = ["ثقافة"] });

        Assert.Equal(["story-2", "story-1"], latest.Hits.Select(hit => hit.Id));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 18, 30, 0, TimeSpan.FromHours(3)), latest.Hits[1].PublishedAt);
        Assert.Equal(["story-1b"], latest.Hits[1].DuplicateIds!);
        Assert.Equal([new FacetValue("الأنباء", 12), new FacetValue("الرصد", 9)], latest.Sources);
        Assert.Equal([new FacetValue("محليات", 8), new FacetValue("ثقافة", 5)], latest.Sections);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("/api/latest", request.RequestUri!.AbsolutePath);
        var parameters = QueryHelpers.ParseQuery(request.RequestUri.Query);
        Assert.Equal("2", parameters["size"]);
        Assert.Equal("الأنباء,الرصد", parameters["source"].ToString());
        Assert.Equal("ثقافة", parameters["section"].ToString());
    }

    [Fact]
    public async Task Without_a_query_the_service_defaults_apply()
    {
        var stub = StubHandler.Json(Answer);

        await stub.Client().GetLatestAsync();

        Assert.Equal(["https://search.example/api/latest"], stub.Addresses);
    }

    [Fact]
    public async Task A_search_carries_did_you_mean_when_the_service_offers_it()
    {
        var stub = StubHandler.Json("""{"query":"وزبر الخارجيه","total":0,"page":1,"pageSize":10,"tookMs":1,"sort":"relevance","hits":[],"nextCursor":null,"facets":null,"didYouMean":"وزير الخارجية"}""");

        var results = await stub.Client().SearchAsync(new SearchQuery("وزبر الخارجيه"));

        Assert.Equal("وزير الخارجية", results.DidYouMean);
    }
}
