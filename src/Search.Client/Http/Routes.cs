using Search.Client.Contracts;

namespace Search.Client.Http;

/// <summary>Every address the client calls, relative to the service's base address, in one place.</summary>
internal static class Routes
{
    public const string Bulk = "api/articles/_bulk";
    public const string IndexStats = "api/index/stats";
    public const string Snapshot = "api/index/_snapshot";
    public const string Reindex = "api/index/_reindex";

    public static string Search(SearchQuery query) =>
        new RequestUri("api/search")
            .Add("q", query.Text)
            .Add("page", query.Page)
            .Add("pageSize", query.PageSize)
            .Add("sort", query.Sort switch
            {
                null => null,
                SearchSort.Relevance => "relevance",
                SearchSort.Newest => "newest",
                SearchSort.Oldest => "oldest",
                _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Not a sort order."),
            })
            .Add("from", query.From)
            .Add("to", query.To)
            .AddEach("source", query.Sources)
            .AddEach("section", query.Sections)
            .AddEach("tag", query.Tags)
            .Add("after", query.After)
            .Add("highlight", query.Highlight)
            .Add("facets", query.Facets)
            .Add("collapse", query.Collapse)
            .Add("recencyHalfLifeDays", query.RecencyHalfLife?.TotalDays)
            .ToString();

    /// <param name="id">The article's id.</param>
    /// <param name="parameterName">The caller's parameter holding the id, named when the id cannot be sent.</param>
    public static string Article(string id, string parameterName = "id") => "api/articles/" + RequestUri.Segment(id, parameterName);

    public static string Related(string id, int? count) =>
        new RequestUri(Article(id) + "/related").Add("count", count).ToString();

    public static string Suggest(string text, int? size) =>
        new RequestUri("api/suggest").Add("q", text).Add("size", size).ToString();

    public static string Latest(LatestQuery query) =>
        new RequestUri("api/latest")
            .Add("size", query.Size)
            .AddEach("source", query.Sources)
            .AddEach("section", query.Sections)
            .ToString();

    /// <summary>A write's address; <paramref name="waitForSearch"/> asks for an answer only once searches see it.</summary>
    public static string Write(string path, bool waitForSearch) =>
        new RequestUri(path).Add("refresh", waitForSearch ? "wait_for" : null).ToString();
}
