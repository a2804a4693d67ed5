using Lucene.Net.Index;
using Search.Core.Documents;

namespace Search.Core.Suggesting;

/// <summary>
/// Reads an article's stored title (and, when asked, its id) and nothing else: the stored-fields reader stops at
/// the last field wanted instead of building a whole <see cref="Lucene.Net.Documents.Document"/>. One per thread.
/// </summary>
internal sealed class StoredTitle(bool withId) : StoredFieldVisitor
{
    public string? Title { get; private set; }

    public string? Id { get; private set; }

    /// <summary>Reads document <paramref name="doc"/> of <paramref name="reader"/> (live or deleted).</summary>
    public StoredTitle Read(AtomicReader reader, int doc)
    {
        Title = null;
        Id = null;
        reader.Document(doc, this);
        return this;
    }

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (Title is not null && (!withId || Id is not null))
        {
            return Status.STOP;
        }

        return fieldInfo.Name == NewsFields.Title || (withId && fieldInfo.Name == NewsFields.Id) ? Status.YES : Status.NO;
    }

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        if (fieldInfo.Name == NewsFields.Title)
        {
            Title ??= value;
        }
        else
        {
            Id ??= value;
        }
    }
}
