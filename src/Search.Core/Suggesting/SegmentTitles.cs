using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Suggesting;

/// <summary>
/// Reads a segment's titles one article at a time for a build: from the <see cref="NewsFields.SuggestTitle"/> doc
/// values, or, for articles indexed before that field existed, from the stored title (several times slower: stored
/// fields decompress the whole article; a reindex adds the field). Decodes into a reused buffer. Not thread-safe.
/// </summary>
internal sealed class SegmentTitles(AtomicReader reader)
{
    private readonly BinaryDocValues? _values = reader.GetBinaryDocValues(NewsFields.SuggestTitle);
    private readonly BytesRef _bytes = new();
    private readonly StoredTitle _stored = new(withId: false);
    private char[] _chars = new char[256];

    /// <summary>Article <paramref name="doc"/>'s title (live or deleted); valid until the next call.</summary>
    public ReadOnlySpan<char> Read(int doc)
    {
        _values?.Get(doc, _bytes);
        if (_values is null || _bytes.Length == 0)
        {
            return _stored.Read(reader, doc).Title;
        }

        var needed = Encoding.UTF8.GetMaxCharCount(_bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, 2 * _chars.Length)];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(_bytes.Bytes, _bytes.Offset, _bytes.Length, _chars, 0));
    }
}
