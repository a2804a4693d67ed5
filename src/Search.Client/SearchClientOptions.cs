namespace Search.Client;

/// <summary>Where the service is and the key for its keyed endpoints.</summary>
public sealed class SearchClientOptions
{
    /// <summary>The service's address, e.g. <c>https://search.example/</c>; a path prefix is kept
    /// (<c>https://example.com/news-search/</c>). Null takes the <see cref="HttpClient.BaseAddress"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Sent as <c>X-Api-Key</c> to the write and operator endpoints only; null when the client only reads.</summary>
    public string? ApiKey { get; set; }
}
