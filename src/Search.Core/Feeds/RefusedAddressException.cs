namespace Search.Core.Feeds;

/// <summary>A linked page's host resolved to an address <see cref="PublicAddressGuard"/> does not connect to.
/// <see cref="HttpClient"/> hands it over as the inner exception of an <see cref="HttpRequestException"/>.</summary>
public sealed class RefusedAddressException(string message) : Exception(message);
