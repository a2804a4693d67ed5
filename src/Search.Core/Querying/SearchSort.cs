namespace Search.Core.Querying;

/// <summary>Result order. Ties are broken by article id, so every order is total and cursors are stable.</summary>
public enum SearchSort
{
    /// <summary>Best match first (the default when there is a query).</summary>
    Relevance,

    /// <summary>Most recently published first (the default when browsing without a query).</summary>
    Newest,

    /// <summary>Earliest published first.</summary>
    Oldest,
}
