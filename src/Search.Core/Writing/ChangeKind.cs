namespace Search.Core.Writing;

public enum ChangeKind : byte
{
    /// <summary>Add the article, or replace the one with its id.</summary>
    Upsert = 1,

    /// <summary>Remove the article with the id, if any.</summary>
    Delete = 2,
}
