using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests;

/// <summary>Two indexes built different ways answer a query alike: the same total, and the same hits with the same
/// titles and scores (in any order, since equal scores may tie either way).</summary>
internal static class SameAnswers
{
    public static void Check(NewsIndex expected, NewsIndex actual, string query)
    {
        var request = new SearchRequest(query, PageSize: 100) { CollapseDuplicates = false };
        var want = expected.Search(request);
        var got = actual.Search(request);

        Assert.True(want.Total > 0, $"no article matches {query}");
        Assert.Equal(want.Total, got.Total);
        Assert.Equal(
            want.Hits.Select(hit => (hit.Id, hit.Title, hit.Score)).OrderBy(hit => hit.Id, StringComparer.Ordinal),
            got.Hits.Select(hit => (hit.Id, hit.Title, hit.Score)).OrderBy(hit => hit.Id, StringComparer.Ordinal));
    }
}
