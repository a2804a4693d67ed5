using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>
/// An article's id from the id's sorted doc values, which every article has: a lookup, where the stored id would
/// decompress the whole stored article. Falls back to the stored id for an index without those values.
/// </summary>
public static class ArticleIds
{
    private static readonly ISet<string> IdOnly = new HashSet<string>(StringComparer.Ordinal) { NewsFields.Id };

    /// <param name="doc">A document of <paramref name="reader"/> (top-level number).</param>
    public static string Of(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        return InSegment(leaf.AtomicReader, doc - leaf.DocBase) ?? reader.Document(doc, IdOnly).Get(NewsFields.Id);
    }

    /// <summary>The id of a segment's document from doc values; null when the segment has none for it.</summary>
    public static string? InSegment(AtomicReader segment, int doc, BytesRef? scratch = null) =>
        DocValueText.Of(segment.GetSortedDocValues(NewsFields.Id), doc, scratch ?? new BytesRef());
}
