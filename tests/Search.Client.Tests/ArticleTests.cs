using System.Net;
using Search.Api.Tests;
using Search.Client.Errors;

namespace Search.Client.Tests;

[Collection(SampleServiceCollection.Name)]
public sealed class ArticleTests(SearchApiFactory service)
{
    /// <summary>A feed item of the sample corpus: its id is its address, slashes and all.</summary>
    private const string FeedItemId = "https://example.com/ofuq/2025/03/20/gold-prices-gulf";

    private readonly SearchClient _client = ServiceClients.ClientOf(service);

    [Fact]
    public async Task An_article_is_returned_as_stored()
    {
        var source = SampleCorpus.Record("sample-tech-001");

        var article = await _client.GetArticleAsync("sample-tech-001");

        Assert.Equal("sample-tech-001", article.Id);
        Assert.Equal(source.GetProperty("title").GetString(), article.Title);
        Assert.Equal(source.GetProperty("abstract").GetString(), article.Lead);
        Assert.Equal(source.GetProperty("source").GetString(), article.Source);
        Assert.Equal(source.GetProperty("category").GetString(), article.Section);
        Assert.Equal(source.GetProperty("author").GetString(), article.Author);
        Assert.Equal(source.GetProperty("url").GetString(), article.Url);
        Assert.Equal(source.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()), article.Tags);
        Assert.Equal(source.GetProperty("date").GetDateTimeOffset(), article.PublishedAt);
        Assert.False(string.IsNullOrEmpty(article.Body));
    }

    [Fact]
    public async Task An_id_holding_slashes_reaches_its_article_and_its_related_stories()
    {
        var article = await _client.GetArticleAsync(FeedItemId);
        var related = await _client.GetRelatedAsync(FeedItemId, count: 3);

        Assert.Equal(FeedItemId, article.Id);
        Assert.Equal(FeedItemId, related.Id);
        Assert.DoesNotContain(related.Hits, hit => hit.Id == FeedItemId);
    }

    [Fact]
    public async Task Related_stories_leave_out_the_article_and_keep_to_the_count()
    {
        var related = await _client.GetRelatedAsync("sample-tech-001", count: 2);
        var more = await _client.GetRelatedAsync("sample-tech-001");

        Assert.Equal("sample-tech-001", related.Id);
        Assert.Equal(2, related.Hits.Count);
        Assert.True(more.Hits.Count > 2);
        Assert.Equal(more.Hits.Take(2).Select(hit => hit.Id), related.Hits.Select(hit => hit.Id));
        Assert.DoesNotContain(more.Hits, hit => hit.Id == "sample-tech-001");
    }

    [Fact]
    public async Task An_unknown_id_is_a_not_found_exception_with_the_problem_details()
    {
        var error = await Assert.ThrowsAsync<SearchNotFoundException>(() => _client.GetArticleAsync("https://example.com/no/such/story"));
        var related = await Assert.ThrowsAsync<SearchNotFoundException>(() => _client.GetRelatedAsync("no-such-story"));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal("article_not_found", error.Code);
        Assert.Contains("https://example.com/no/such/story", error.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.TraceId));
        Assert.Equal("article_not_found", related.Code);
    }

    [Fact]
    public async Task A_related_count_out_of_range_is_a_validation_exception_naming_count()
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _client.GetRelatedAsync("sample-tech-001", count: 51));

        Assert.Contains("count", error.Errors);
    }
}
