using Search.Client.Contracts;

namespace Search.Client.Tests;

/// <summary><c>didYouMean</c> on search results (agreed contract 2), against a stub answering in the contract's shape:
/// the corrections are built on another branch.</summary>
public sealed class DidYouMeanTests
{
    [Fact]
    public async Task A_search_carries_did_you_mean_when_the_service_offers_it()
    {
        var stub = StubHandler.Json("""{"query":"وزبر الخارجيه","total":0,"page":1,"pageSize":10,"tookMs":1,"sort":"relevance","hits":[],"nextCursor":null,"facets":null,"didYouMean":"وزير الخارجية"}""");

        var results = await stub.Client().SearchAsync(new SearchQuery("وزبر الخارجيه"));

        Assert.Equal("وزير الخارجية", results.DidYouMean);
    }

    [Fact]
    public async Task A_search_without_did_you_mean_has_none()
    {
        var stub = StubHandler.Json("""{"query":"وزير","total":0,"page":1,"pageSize":10,"tookMs":1,"sort":"relevance","hits":[],"nextCursor":null,"facets":null}""");

        var results = await stub.Client().SearchAsync(new SearchQuery("وزير"));

        Assert.Null(results.DidYouMean);
    }
}
