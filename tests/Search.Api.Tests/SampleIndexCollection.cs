namespace Search.Api.Tests;

/// <summary>
/// The read-only API tests share one service on the sample corpus: indexing it once instead of per test keeps the
/// suite fast, and none of these tests writes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleIndexCollection : ICollectionFixture<SearchApiFactory>
{
    public const string Name = "Sample index";
}
