using Microsoft.AspNetCore.WebUtilities;
using Search.Client.Contracts;

namespace Search.Client.Tests;

/// <summary><c>GET /api/suggest</c>: what the client sends and how it reads every field of the contract, against a stub
/// (the sample corpus cannot give a chosen count or kind); <see cref="SuggestServiceTests"/> runs it against the service.</summary>
public sealed class SuggestTests
{
    private const string Answer = """
        { "query": "اسعار الاتصا",
          "suggestions": [
            { "text": "اسعار الاتصالات", "highlighted": "اسعار <mark>الاتصا</mark>لات", "kind": "word", "count": 1234 },
            { "text": "اسعار الاتصالات في مصر", "highlighted": "اسعار <mark>الاتصا</mark>لات في مصر", "kind": "phrase", "count": 17 },
            { "text": "خفض اسعار الاتصالات", "highlighted": "خفض اسعار <mark>الاتصا</mark>لات", "kind": "title", "count": 1, "id": "story-7" } ] }
        """;

    [Fact]
    public async Task Suggestions_are_read_with_their_kind_count_and_title_id()
    {
        var stub = StubHandler.Json(Answer);

        var results = await stub.Client().SuggestAsync("اسعار الاتصا", size: 3);

        Assert.Equal("اسعار الاتصا", results.Query);
        Assert.Equal([SuggestionKind.Word, SuggestionKind.Phrase, SuggestionKind.Title], results.Suggestions.Select(suggestion => suggestion.Kind));
        Assert.Equal([1234L, 17L, 1L], results.Suggestions.Select(suggestion => suggestion.Count));
        Assert.Equal([null, null, "story-7"], results.Suggestions.Select(suggestion => suggestion.Id));
        Assert.Equal("اسعار <mark>الاتصا</mark>لات", results.Suggestions[0].Highlighted);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("/api/suggest", request.RequestUri!.AbsolutePath);
        var parameters = QueryHelpers.ParseQuery(request.RequestUri.Query);
        Assert.Equal("اسعار الاتصا", parameters["q"]);
        Assert.Equal("3", parameters["size"]);
    }

    [Fact]
    public async Task Without_a_size_the_service_default_applies()
    {
        var stub = StubHandler.Json(Answer);

        await stub.Client().SuggestAsync("اسعار");

        Assert.DoesNotContain("size", QueryHelpers.ParseQuery(Assert.Single(stub.Requests).RequestUri!.Query).Keys);
    }
}
