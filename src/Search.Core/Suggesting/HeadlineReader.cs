using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Suggesting;

/// <summary>
/// Reads the title and id of the few articles a suggestion list shows: from doc values (the suggest title, the id's
/// sorted values), a few microseconds each, or from the stored article (tens of microseconds: it decompresses the whole
/// article) when the title was cut or the article was indexed before the suggest title existed. Not thread-safe: one
/// per request.
/// </summary>
internal sealed class HeadlineReader
{
    private readonly BytesRef _bytes = new();
    private readonly StoredTitle _stored = new(withId: true);

    /// <summary>Article <paramref name="doc"/>'s whole title and its id; null when the article has neither stored.</summary>
    public (string Title, string Id)? Read(AtomicReader reader, int doc)
    {
        var title = DocValueText.Of(reader.GetBinaryDocValues(NewsFields.SuggestTitle), doc, _bytes) is { } shortTitle
            && !shortTitle.EndsWith(NewsDocumentMapper.SuggestTitleCut)
                ? shortTitle
                : null;
        var id = ArticleIds.InSegment(reader, doc, _bytes);
        if (title is null || id is null)
        {
            _stored.Read(reader, doc);
            title ??= _stored.Title;
            id ??= _stored.Id;
        }

        return title is null || id is null ? null : (title, id);
    }
}
