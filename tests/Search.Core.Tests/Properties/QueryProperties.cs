using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Search.Core.Querying;

namespace Search.Core.Tests.Properties;

/// <summary>
/// The search box never fails: any query is parsed, and any request is answered or refused with
/// <see cref="InvalidSearchRequestException"/> naming what is wrong; nothing else leaves the engine.
/// </summary>
[Properties(Arbitrary = [typeof(HostileInput)], MaxTest = 1000)]
public sealed class QueryProperties
{
    [Property]
    public void Parsing_any_query_gives_parts_with_text(HostileQuery query)
    {
        var parsed = UserQueryParser.Parse(query.Value);

        Assert.All(parsed.Groups, group => Assert.All(group.Alternatives, part => Assert.NotEmpty(part.Text)));
    }

    [Property]
    public void Validating_any_query_gives_errors_only_under_q(HostileQuery query)
    {
        var errors = new SearchRequest(query.Value).Validate();

        Assert.All(errors.Keys, key => Assert.Equal("q", key));
    }

    [Property(MaxTest = 300)]
    public void Searching_any_query_answers_or_says_what_is_wrong(HostileQuery query, bool highlight, bool collapse, bool facets, int sort)
    {
        var request = new SearchRequest(query.Value, Highlight: highlight)
        {
            Sort = (SearchSort)(Math.Abs(sort % 4) - 1) is var value && value >= 0 ? value : null,
            CollapseDuplicates = collapse,
            IncludeFacets = facets,
        };

        var results = SearchOrRefuse(request);

        Assert.True(results is null || results.Hits.Count <= results.Total);
    }

    [Property(MaxTest = 300)]
    public void Searching_with_any_parameters_answers_or_says_what_is_wrong(HostileQuery query, HostileText filter, int page, int pageSize, int days, HostileText cursor)
    {
        var request = new SearchRequest(page % 3 == 0 ? null : query.Value, page % 50, pageSize % 120)
        {
            Filters = new SearchFilters(
                page % 5 == 0 ? DateTimeOffset.UnixEpoch.AddDays(days % 40_000) : null,
                pageSize % 5 == 0 ? DateTimeOffset.UnixEpoch.AddDays(page % 40_000) : null,
                [filter.Value, "الرصد"],
                days % 2 == 0 ? [filter.Value] : null,
                days % 3 == 0 ? [.. Enumerable.Repeat(filter.Value, Math.Abs(days % 110))] : null),
            RecencyHalfLife = days % 4 == 0 ? TimeSpan.FromDays(days % 50_000) : null,
            After = page % 4 == 0 ? Cursor(cursor.Value, days) : null,
        };

        _ = SearchOrRefuse(request);
    }

    /// <summary>A cursor as sent back by a client: garbage, or base64 of JSON close to a real cursor's.</summary>
    private static string Cursor(string noise, int kind)
    {
        var json = (kind & 7) switch
        {
            0 => noise,
            1 => $$"""{"s":"Relevance","v":"{{Escaped(noise)}}","i":"{{Escaped(noise)}}","g":null,"t":0,"d":[]}""",
            2 => $$"""{"s":"Newest","v":"9223372036854775807","i":"\ud800","g":{{kind}},"t":{{kind}},"d":[1,2]}""",
            3 => $$"""{"s":"Relevance","v":"NaN","i":"p-1","g":-1,"t":-9223372036854775808,"d":[]}""",
            4 => $$"""{"s":{{kind}},"v":"1","i":"p-1","t":0,"d":null}""",
            _ => noise,
        };
        return (kind & 8) == 0
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : noise;
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));

    private static SearchResults? SearchOrRefuse(SearchRequest request)
    {
        try
        {
            return PropertyIndex.Index.Search(request);
        }
        catch (InvalidSearchRequestException error)
        {
            Assert.NotEmpty(error.Errors);
            return null;
        }
    }
}
