namespace Search.Api.Hosting;

/// <summary>Where the service keeps the articles it is written (<c>Search:Store</c>).</summary>
public enum StoreKind
{
    /// <summary>A write-ahead log beside the index: one node, no database.</summary>
    Local,

    /// <summary>A PostgreSQL database shared by any number of identical nodes, each following it into its own index.</summary>
    Postgres,
}
