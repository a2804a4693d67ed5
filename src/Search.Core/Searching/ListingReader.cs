using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Navigation;

namespace Search.Core.Searching;

/// <summary>
/// Reads what a hit without snippets shows (id, title, URL, source, section, publication time) from doc values: the
/// id's sorted values, the suggest title, the <see cref="NewsFields.Listing"/> value and the segment's source and
/// section ordinals. Null when the article was indexed before the listing value existed or its title was cut for
/// suggestions: then the stored article is read, as before. Not thread-safe: one per search.
/// </summary>
internal sealed class ListingReader(SegmentValueCache segmentValues)
{
    private readonly BytesRef _bytes = new();

    /// <param name="doc">A document of <paramref name="reader"/> (top-level number).</param>
    public NewsArticle? Read(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var segment = leaf.AtomicReader;
        var local = doc - leaf.DocBase;
        if (segment.GetBinaryDocValues(NewsFields.Listing) is not { } listing
            || segment.GetDocsWithField(NewsFields.Listing) is not { } hasListing
            || !hasListing.Get(local))
        {
            return null;
        }

        listing.Get(local, _bytes);
        if (!ListingValue.TryDecode(_bytes, out var url, out var published)
            || DocValueText.Of(segment.GetBinaryDocValues(NewsFields.SuggestTitle), local, _bytes) is not { } title
            || title.EndsWith(NewsDocumentMapper.SuggestTitleCut)
            || ArticleIds.InSegment(segment, local, _bytes) is not { } id)
        {
            return null;
        }

        var values = segmentValues.For(segment);
        return new NewsArticle
        {
            Id = id,
            Title = title,
            Url = url,
            Source = values.SourceOrds[local] is >= 0 and var source ? values.Sources[source] : null,
            Section = values.SectionOrds[local] is >= 0 and var section ? values.Sections[section] : null,
            PublishedAt = NewsDocumentMapper.PublishedAt(published),
        };
    }
}
