using Search.Api.Tests;

namespace Search.Client.Tests;

/// <summary>Clients over a service running in process.</summary>
internal static class ServiceClients
{
    /// <summary>A client that reads, and writes with <paramref name="apiKey"/> when given.</summary>
    public static SearchClient ClientOf(SearchApiFactory factory, string? apiKey = null) =>
        new(factory.CreateClient(), new SearchClientOptions { ApiKey = apiKey });

    /// <summary>A client holding the key the factory's writes accept.</summary>
    public static SearchClient WriterOf(SearchApiFactory factory) => ClientOf(factory, SearchApiFactory.ApiKey);
}
