using Lucene.Net.Search;
using Search.Core.Navigation;
using Search.Core.Querying;

namespace Search.Core.Searching;

/// <summary>
/// The newest stories for a home page: a browse newest first (copies collapsed, titles escaped, no snippets) through
/// the same <see cref="NewsSearcher"/> as any search, beside source and section counts over the whole index, so the
/// page can offer every outlet and section whatever the stories shown are. Thread-safe.
/// </summary>
internal sealed class LatestStoryFinder(NewsSearcher searcher, SegmentValueCache segmentValues)
{
    /// <exception cref="InvalidSearchRequestException">The request breaks a limit of <see cref="LatestRequest.Validate"/>.</exception>
    public LatestStories Find(IndexSearcher indexSearcher, LatestRequest request)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidSearchRequestException(errors);
        }

        // A browse without filters is not a valid SearchRequest (the search box needs words or a filter), but it is
        // exactly what a home page shows, so the searcher is called directly with a request it can run.
        var browse = new SearchRequest(Query: null, Page: 1, PageSize: request.Size, Highlight: false)
        {
            Sort = SearchSort.Newest,
            Filters = new SearchFilters(Sources: Distinct(request.Sources), Sections: Distinct(request.Sections)),
            IncludeFacets = false,
        };
        var stories = searcher.Search(indexSearcher, browse, parsed: null, cursor: null);

        var everything = new FacetCollector(segmentValues);
        indexSearcher.Search(new MatchAllDocsQuery(), everything);
        var counts = everything.Result();
        return new LatestStories(
            stories.Hits,
            [.. counts.Source.Take(LatestRequest.MaxNavigationValues)],
            [.. counts.Section.Take(LatestRequest.MaxNavigationValues)]);
    }

    private static string[]? Distinct(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : [.. values.Distinct(StringComparer.Ordinal)];
}
