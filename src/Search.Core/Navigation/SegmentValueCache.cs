using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Documents;

namespace Search.Core.Navigation;

/// <summary>
/// Per-segment arrays of each document's source, section, month and near-duplicate hash, built on a segment's first search and
/// reused until the segment is merged away (segments never change, and entries die with their segment's core key).
/// Lucene.Net's doc-values lookups cost about a microsecond per document; array reads make facet counting over
/// thousands of matches, and collapsing copies, nearly free (measured: facets on an 8,000-hit query 10 ms → 0.1 ms).
/// Thread-safe; one cache per index.
/// </summary>
internal sealed class SegmentValueCache
{
    private readonly ConditionalWeakTable<object, SegmentValues> _segments = new();

    public SegmentValues For(AtomicReader reader) =>
        _segments.GetValue(reader.CoreCacheKey, _ => SegmentValues.Load(reader));
}

/// <summary>One segment's values, one slot per document: ordinals into <see cref="Sources"/> / <see cref="Sections"/>
/// (−1 when absent), <see cref="PublishedMonth"/> numbers (−1 when undated) and near-duplicate hashes.</summary>
internal sealed record SegmentValues(
    int[] SourceOrds,
    string[] Sources,
    int[] SectionOrds,
    string[] Sections,
    int[] Months,
    long[] Hashes,
    bool[] HasHash)
{
    public static SegmentValues Load(AtomicReader reader)
    {
        var (sourceOrds, sources) = Ordinals(reader, NewsFields.Source);
        var (sectionOrds, sections) = Ordinals(reader, NewsFields.Section);
        // Months from the publication times: a field of their own cost every article a doc value, which Lucene.Net's
        // writer pays for by measuring its memory by reflection (1.5 % of an import's indexing thread).
        var months = new int[reader.MaxDoc];
        var seconds = reader.GetNumericDocValues(NewsFields.PublishedAt);
        var dated = reader.GetDocsWithField(NewsFields.PublishedAt);
        for (var doc = 0; doc < months.Length; doc++)
        {
            months[doc] = seconds is not null && dated is not null && dated.Get(doc) ? PublishedMonth.Of(seconds.Get(doc)) : -1;
        }

        var hashes = new long[reader.MaxDoc];
        var hasHash = new bool[reader.MaxDoc];
        var hashValues = reader.GetNumericDocValues(NewsFields.NearDuplicateHash);
        var hashPresent = reader.GetDocsWithField(NewsFields.NearDuplicateHash);
        for (var doc = 0; doc < hashes.Length; doc++)
        {
            hasHash[doc] = hashValues is not null && hashPresent is not null && hashPresent.Get(doc);
            hashes[doc] = hasHash[doc] ? hashValues!.Get(doc) : 0;
        }

        return new SegmentValues(sourceOrds, sources, sectionOrds, sections, months, hashes, hasHash);
    }

    private static (int[] Ords, string[] Values) Ordinals(AtomicReader reader, string field)
    {
        var ords = new int[reader.MaxDoc];
        var values = reader.GetSortedDocValues(field);
        if (values is null)
        {
            Array.Fill(ords, -1);
            return (ords, []);
        }

        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = values.GetOrd(doc);
        }

        var names = new string[values.ValueCount];
        var term = new Lucene.Net.Util.BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, term);
            names[ord] = term.Utf8ToString();
        }

        return (ords, names);
    }
}
