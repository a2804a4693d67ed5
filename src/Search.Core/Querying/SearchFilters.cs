using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// Restricts results without changing their scores. Values within one list are alternatives (any source listed);
/// the lists and the date range must all hold. Values are matched exactly; an unknown one simply matches nothing.
/// </summary>
/// <param name="From">Published at or after this instant.</param>
/// <param name="To">Published at or before this instant.</param>
public sealed record SearchFilters(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlyList<string>? Sources = null,
    IReadOnlyList<string>? Sections = null,
    IReadOnlyList<string>? Tags = null)
{
    public static SearchFilters None { get; } = new();

    public bool IsEmpty => From is null && To is null && IsNullOrEmpty(Sources) && IsNullOrEmpty(Sections) && IsNullOrEmpty(Tags);

    /// <summary>The filter as a Lucene filter, or null when there is nothing to filter.</summary>
    public Filter? ToFilter()
    {
        if (IsEmpty)
        {
            return null;
        }

        var all = new BooleanQuery();
        AddAnyOf(all, NewsFields.Source, Sources);
        AddAnyOf(all, NewsFields.Section, Sections);
        AddAnyOf(all, NewsFields.Tag, Tags);
        if (From is not null || To is not null)
        {
            all.Add(
                NumericRangeQuery.NewInt64Range(NewsFields.PublishedAt, NewsFields.PublishedAtPrecisionStep, SecondAtOrAfter(From), To?.ToUnixTimeSeconds(), true, true),
                Occur.MUST);
        }

        return new QueryWrapperFilter(all);
    }

    /// <summary>Dates are indexed in whole seconds: a from of 10:00:00.5 starts at 10:00:01, not at the article of 10:00:00
    /// before it (a to needs no such care: 10:00:00.5 truncated keeps 10:00:00).</summary>
    private static long? SecondAtOrAfter(DateTimeOffset? from) =>
        from is { } instant ? instant.ToUnixTimeSeconds() + (instant.UtcTicks % TimeSpan.TicksPerSecond == 0 ? 0 : 1) : null;

    private static void AddAnyOf(BooleanQuery all, string field, IReadOnlyList<string>? values)
    {
        if (IsNullOrEmpty(values))
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values!.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        all.Add(any, Occur.MUST);
    }

    private static bool IsNullOrEmpty(IReadOnlyList<string>? values) => values is null || values.Count == 0;
}
