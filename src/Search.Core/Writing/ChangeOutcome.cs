namespace Search.Core.Writing;

/// <summary>What applying a change did to the index.</summary>
public enum ChangeOutcome
{
    /// <summary>The article is new.</summary>
    Created,

    /// <summary>The article replaced one with the same id.</summary>
    Updated,

    /// <summary>The article was removed.</summary>
    Deleted,

    /// <summary>A delete of an id the index did not hold.</summary>
    NotFound,
}
