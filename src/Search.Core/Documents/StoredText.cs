using System.Text;
using Lucene.Net.Documents;

namespace Search.Core.Documents;

/// <summary>
/// A stored text field's value, whichever way it was written: the lead and body are stored as their UTF-8 bytes
/// (<see cref="NewsDocumentMapper"/>), encoded by the thread that prepares the document, where Lucene.Net would encode
/// a stored string on the indexing thread, a character at a time into a fresh buffer three times the text's length;
/// segments written before keep them as strings.
/// </summary>
internal static class StoredText
{
    /// <summary>The value as stored, or null when the document has no such field.</summary>
    public static string? Of(Document document, string field) => document.GetField(field) switch
    {
        null => null,
        { } stored when stored.GetStringValue() is { } text => text,
        { } stored when stored.GetBinaryValue() is { } bytes => Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length),
        _ => null,
    };

    /// <summary>The field to store <paramref name="text"/> under <paramref name="name"/>: its UTF-8 bytes.</summary>
    public static StoredField Field(string name, string text) => new(name, new Lucene.Net.Util.BytesRef(Encoding.UTF8.GetBytes(text)));
}
