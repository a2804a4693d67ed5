using Search.Api.Tests;
using Search.Client.Contracts;
using Search.Client.Errors;

namespace Search.Client.Tests;

/// <summary><c>GET /api/suggest</c> against the service on the sample corpus.</summary>
[Collection(SampleServiceCollection.Name)]
public sealed class SuggestServiceTests(SearchApiFactory service)
{
    private readonly SearchClient _client = ServiceClients.ClientOf(service);

    [Fact]
    public async Task Completions_of_the_typed_word_come_back_with_the_typed_part_marked()
    {
        // Two letters of a word the sample's headlines use; every completion must begin with them once folded.
        var hits = await _client.SearchAsync(new SearchQuery("الذكاء") { PageSize = 1 });
        Assert.NotEmpty(hits.Hits);

        var results = await _client.SuggestAsync("الذك", size: 5);

        Assert.Equal("الذك", results.Query);
        Assert.InRange(results.Suggestions.Count, 1, 5);
        Assert.All(results.Suggestions, suggestion =>
        {
            Assert.Contains("<mark>", suggestion.Highlighted);
            Assert.True(suggestion.Count > 0);
            Assert.Equal(suggestion.Kind == SuggestionKind.Title, suggestion.Id is not null);
        });
        Assert.Contains(results.Suggestions, suggestion => suggestion.Text.Contains("الذكاء", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_query_is_a_validation_exception_naming_q()
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _client.SuggestAsync(" "));

        Assert.Contains("q", error.Errors);
    }
}
