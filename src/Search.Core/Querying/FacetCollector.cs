using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// Counts source, section and month values of every matching document, beside the top-docs collector. Ordinals are
/// per segment, so counts are kept per segment and resolved to strings when the segment ends.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private const int MaxValuesPerFacet = 50;

    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _months = [];
    private SegmentCounts? _sourceSegment;
    private SegmentCounts? _sectionSegment;
    private NumericDocValues? _published;
    private IBits? _hasPublished;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _sourceSegment = SegmentCounts.For(reader.GetSortedSetDocValues(NewsFields.Source));
        _sectionSegment = SegmentCounts.For(reader.GetSortedSetDocValues(NewsFields.Section));
        _published = reader.GetNumericDocValues(NewsFields.PublishedAt);
        _hasPublished = reader.GetDocsWithField(NewsFields.PublishedAt);
    }

    public void Collect(int doc)
    {
        _sourceSegment?.Collect(doc);
        _sectionSegment?.Collect(doc);
        if (_published is not null && _hasPublished is not null && _hasPublished.Get(doc))
        {
            var date = DateTime.UnixEpoch.AddSeconds(_published.Get(doc));
            var month = (date.Year * 100) + date.Month;
            _months[month] = _months.GetValueOrDefault(month) + 1;
        }
    }

    public FacetCounts Result()
    {
        Flush();
        return new FacetCounts(
            Top(_sources),
            Top(_sections),
            [.. _months.OrderByDescending(month => month.Key)
                .Take(MaxValuesPerFacet)
                .Select(month => new FacetValue(string.Create(CultureInfo.InvariantCulture, $"{month.Key / 100:D4}-{month.Key % 100:D2}"), month.Value))]);
    }

    private void Flush()
    {
        _sourceSegment?.AddTo(_sources);
        _sectionSegment?.AddTo(_sections);
        _sourceSegment = null;
        _sectionSegment = null;
    }

    private static List<FacetValue> Top(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(value => value.Value).ThenBy(value => value.Key, StringComparer.Ordinal)
            .Take(MaxValuesPerFacet)
            .Select(value => new FacetValue(value.Key, value.Value))];

    /// <summary>Counts per ordinal within one segment.</summary>
    private sealed class SegmentCounts(SortedSetDocValues values, int[] counts)
    {
        public static SegmentCounts? For(SortedSetDocValues? values) =>
            values is null || values.ValueCount == 0 ? null : new SegmentCounts(values, new int[values.ValueCount]);

        public void Collect(int doc)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }

        public void AddTo(Dictionary<string, int> totals)
        {
            var term = new BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    totals[key] = totals.GetValueOrDefault(key) + counts[ord];
                }
            }
        }
    }
}
