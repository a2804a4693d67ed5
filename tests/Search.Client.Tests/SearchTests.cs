using System.Net;
using Search.Api.Tests;
using Search.Client.Contracts;
using Search.Client.Errors;

namespace Search.Client.Tests;

[Collection(SampleServiceCollection.Name)]
public sealed class SearchTests(SearchApiFactory service)
{
    private const string Minister = "وزير";
    private static readonly DateTimeOffset Since2000 = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SearchClient _client = ServiceClients.ClientOf(service);

    [Fact]
    public async Task A_search_returns_ranked_hits_with_highlights_facets_and_the_query()
    {
        var results = await _client.SearchAsync(new SearchQuery(Minister));

        Assert.Equal(Minister, results.Query);
        Assert.Equal(SearchSort.Relevance, results.Sort);
        Assert.Equal(1, results.Page);
        Assert.Equal(10, results.PageSize);
        Assert.InRange(results.Hits.Count, 2, 10);
        Assert.True(results.Total >= results.Hits.Count);
        Assert.Equal(results.Hits.Select(hit => hit.Score).OrderDescending(), results.Hits.Select(hit => hit.Score));
        Assert.All(results.Hits, hit => Assert.False(string.IsNullOrEmpty(hit.Title)));
        Assert.Contains(results.Hits, hit => hit.Highlights!.Title.Contains("<mark>", StringComparison.Ordinal));
        Assert.NotNull(results.Facets);
        Assert.NotEmpty(results.Facets.Source);
        Assert.InRange(results.Facets.Source.Sum(value => value.Count), 1, results.Total);
        Assert.NotNull(results.Timings);
        Assert.False(results.TimedOut);
    }

    [Fact]
    public async Task A_query_of_stop_words_only_says_so()
    {
        var stopWords = await _client.SearchAsync(new SearchQuery("في من"));
        var words = await _client.SearchAsync(new SearchQuery(Minister));

        Assert.True(stopWords.OnlyStopWords);
        Assert.Equal(0, stopWords.Total);
        Assert.False(words.OnlyStopWords);
    }

    [Fact]
    public async Task Source_section_and_date_filters_reach_the_service()
    {
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(3));
        var to = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(3));

        var results = await _client.SearchAsync(new SearchQuery
        {
            Sources = ["الرصد", "صدى المدينة"],
            Sections = ["تكنولوجيا", "اقتصاد"],
            From = from,
            To = to,
            PageSize = 100,
        });

        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit =>
        {
            Assert.Contains(hit.Source, new[] { "الرصد", "صدى المدينة" });
            Assert.Contains(hit.Section, new[] { "تكنولوجيا", "اقتصاد" });
            Assert.InRange(hit.PublishedAt!.Value, from, to);
        });
        var unfiltered = await _client.SearchAsync(new SearchQuery { From = Since2000, PageSize = 100 });
        Assert.True(unfiltered.Total > results.Total);
    }

    [Fact]
    public async Task A_tag_filter_reaches_the_service()
    {
        var results = await _client.SearchAsync(new SearchQuery { Tags = ["الذكاء الاصطناعي"], PageSize = 100 });

        Assert.NotEmpty(results.Hits);
        foreach (var hit in results.Hits)
        {
            var article = await _client.GetArticleAsync(hit.Id);
            Assert.Contains("الذكاء الاصطناعي", article.Tags);
        }
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public async Task The_sort_order_reaches_the_service(SearchSort sort)
    {
        var results = await _client.SearchAsync(new SearchQuery { From = Since2000, Sort = sort, PageSize = 50 });

        Assert.Equal(sort, results.Sort);
        var dates = results.Hits.Select(hit => hit.PublishedAt!.Value).ToList();
        Assert.True(dates.Count > 10);
        Assert.Equal(sort == SearchSort.Newest ? dates.OrderDescending() : dates.Order(), dates);
    }

    [Fact]
    public async Task Highlighting_and_facets_can_be_left_out()
    {
        var results = await _client.SearchAsync(new SearchQuery(Minister) { Highlight = false, Facets = false });

        Assert.NotEmpty(results.Hits);
        Assert.Null(results.Facets);
        Assert.All(results.Hits, hit => Assert.DoesNotContain("<mark>", hit.Highlights!.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Copies_of_a_story_collapse_unless_collapse_is_off()
    {
        var collapsed = await _client.SearchAsync(new SearchQuery { From = Since2000, PageSize = 100 });
        var every = await _client.SearchAsync(new SearchQuery { From = Since2000, PageSize = 100, Collapse = false });

        Assert.Equal(collapsed.Total, every.Total);
        Assert.Equal(every.Total, every.Hits.Count);
        Assert.All(every.Hits, hit => Assert.Equal(0, hit.Duplicates));
        Assert.Equal(every.Hits.Count, collapsed.Hits.Count + collapsed.Hits.Sum(hit => hit.Duplicates));
    }

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task An_invalid_parameter_is_a_validation_exception_naming_it(SearchQuery query, string parameter)
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _client.SearchAsync(query));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("invalid_search_request", error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Title));
        Assert.False(string.IsNullOrWhiteSpace(error.TraceId));
        var messages = Assert.Contains(parameter, error.Errors);
        Assert.NotEmpty(messages);
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<SearchQuery, string> InvalidQueries => new()
    {
        { new SearchQuery(Minister) { Page = 0 }, "page" },
        { new SearchQuery(Minister) { PageSize = 101 }, "pageSize" },
        { new SearchQuery(Minister) { From = Since2000.AddYears(1), To = Since2000 }, "to" },
        { new SearchQuery(Minister) { After = "not-a-cursor" }, "after" },
        { new SearchQuery(Minister) { RecencyHalfLife = TimeSpan.Zero }, "recencyHalfLifeDays" },
        { new SearchQuery(Minister) { RecencyHalfLife = TimeSpan.FromDays(30), Sort = SearchSort.Newest }, "recencyHalfLifeDays" },
        { new SearchQuery("   "), "q" },
    };

    [Fact]
    public async Task A_recency_half_life_reaches_the_service_and_lifts_fresh_stories()
    {
        var plain = await _client.SearchAsync(new SearchQuery(Minister) { PageSize = 100 });
        // Over a century's half-life every story here is fresh: each score is nearly doubled.
        var fresh = await _client.SearchAsync(new SearchQuery(Minister) { PageSize = 100, RecencyHalfLife = TimeSpan.FromDays(36_500) });

        Assert.Equal(plain.Total, fresh.Total);
        var plainScores = plain.Hits.ToDictionary(hit => hit.Id, hit => hit.Score);
        Assert.Equal(plainScores.Keys.Order(), fresh.Hits.Select(hit => hit.Id).Order());
        Assert.All(fresh.Hits, hit => Assert.InRange(hit.Score / plainScores[hit.Id], 1.9f, 2f));
    }

    [Theory]
    [InlineData(Minister)]
    [InlineData(null)]
    public async Task Paging_through_every_result_with_the_cursor_gives_the_page_by_page_results(string? text)
    {
        var query = new SearchQuery(text) { From = text is null ? Since2000 : null, PageSize = 3 };
        var pageByPage = new List<string>();
        for (var page = 1; ; page++)
        {
            var results = await _client.SearchAsync(query with { Page = page });
            pageByPage.AddRange(results.Hits.Select(hit => hit.Id));
            if (page * results.PageSize >= results.Total)
            {
                break;
            }
        }

        var cursor = new List<string>();
        await foreach (var hit in _client.SearchAllAsync(query))
        {
            cursor.Add(hit.Id);
        }

        Assert.True(pageByPage.Count > 3 * query.PageSize, $"only {pageByPage.Count} hits: too few pages to test paging");
        Assert.Equal(pageByPage, cursor);
        Assert.Equal(cursor.Count, cursor.Distinct().Count());
    }

    [Fact]
    public async Task Paging_with_the_cursor_starts_at_the_page_asked_for()
    {
        var query = new SearchQuery { From = Since2000, PageSize = 4 };
        var third = await _client.SearchAsync(query with { Page = 3 });

        var fromThird = await _client.SearchAllAsync(query with { Page = 3 }).Take(6).Select(hit => hit.Id).ToListAsync();
        var fourth = await _client.SearchAsync(query with { Page = 4 });

        Assert.Equal(third.Hits.Concat(fourth.Hits.Take(2)).Select(hit => hit.Id), fromThird);
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_request_and_the_paging()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.SearchAsync(new SearchQuery(Minister), cancelled.Token));

        using var midway = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var hit in _client.SearchAllAsync(new SearchQuery { From = Since2000, PageSize = 2 }, midway.Token))
            {
                if (++seen == 2)
                {
                    await midway.CancelAsync();
                }
            }
        });
        Assert.Equal(2, seen);
    }
}
