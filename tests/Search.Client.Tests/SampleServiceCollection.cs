using Search.Api.Tests;

namespace Search.Client.Tests;

/// <summary>The read-only client tests share one service on the sample corpus: indexing it once keeps them fast, and
/// none of them writes.</summary>
[CollectionDefinition(Name)]
public sealed class SampleServiceCollection : ICollectionFixture<SearchApiFactory>
{
    public const string Name = "Sample service";
}
