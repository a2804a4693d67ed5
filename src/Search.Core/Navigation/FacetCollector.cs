using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Navigation;

/// <summary>
/// Counts source, section and month values of every matching document, beside the top-docs collector: three array
/// increments per document over the segment's cached values, resolved to strings once per segment.
/// </summary>
internal sealed class FacetCollector(SegmentValueCache cache) : ICollector
{
    private const int MaxValuesPerFacet = 50;

    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sections = new(StringComparer.Ordinal);
    private readonly int[] _months = new int[PublishedMonth.Count];
    private SegmentValues? _segment;
    private int[] _sourceCounts = [];
    private int[] _sectionCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = cache.For(context.AtomicReader);
        _sourceCounts = new int[_segment.Sources.Length];
        _sectionCounts = new int[_segment.Sections.Length];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var source = segment.SourceOrds[doc];
        if (source >= 0)
        {
            _sourceCounts[source]++;
        }

        var section = segment.SectionOrds[doc];
        if (section >= 0)
        {
            _sectionCounts[section]++;
        }

        var month = segment.Months[doc];
        if (month >= 0)
        {
            _months[month]++;
        }
    }

    public FacetCounts Result()
    {
        Flush();
        var months = new List<FacetValue>();
        for (var month = _months.Length - 1; month >= 0 && months.Count < MaxValuesPerFacet; month--)
        {
            if (_months[month] > 0)
            {
                months.Add(new FacetValue(PublishedMonth.Label(month), _months[month]));
            }
        }

        return new FacetCounts(Top(_sources), Top(_sections), months);
    }

    private void Flush()
    {
        if (_segment is null)
        {
            return;
        }

        AddTo(_sources, _segment.Sources, _sourceCounts);
        AddTo(_sections, _segment.Sections, _sectionCounts);
        _segment = null;
    }

    private static void AddTo(Dictionary<string, int> totals, string[] names, int[] counts)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                totals[names[ord]] = totals.GetValueOrDefault(names[ord]) + counts[ord];
            }
        }
    }

    private static List<FacetValue> Top(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(value => value.Value).ThenBy(value => value.Key, StringComparer.Ordinal)
            .Take(MaxValuesPerFacet)
            .Select(value => new FacetValue(value.Key, value.Value))];
}
