using System.Net;
using System.Net.Http.Headers;

namespace Search.Core.Feeds;

/// <summary>An answer read by <see cref="BoundedGet"/>: its body (empty unless the status is 2xx) and the headers the
/// feeds need. Validators are kept as the server wrote them, to be sent back unchanged.</summary>
/// <param name="Location">Where a redirect the client did not follow leads, absolute.</param>
internal sealed record FetchedDocument(
    HttpStatusCode Status,
    byte[] Body,
    MediaTypeHeaderValue? ContentType,
    string? ETag,
    string? LastModified,
    Uri? Location = null);
