using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>A document's binary (or sorted) doc value as text: what the id, suggest-title and listing readers share.</summary>
internal static class DocValueText
{
    /// <summary>The value of <paramref name="doc"/>, read into <paramref name="scratch"/>; null when the segment has no
    /// such values or the document none (an empty value).</summary>
    public static string? Of(BinaryDocValues? values, int doc, BytesRef scratch)
    {
        if (values is null)
        {
            return null;
        }

        values.Get(doc, scratch);
        return scratch.Length == 0 ? null : scratch.Utf8ToString();
    }
}
