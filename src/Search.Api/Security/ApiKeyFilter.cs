using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Search.Api.Errors;

namespace Search.Api.Security;

/// <summary>
/// Guards the write and operator endpoints: with no key configured they are off (403, saying how to turn them on),
/// never open by accident; a missing or wrong <c>X-Api-Key</c> is a 401. Keys are compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken tells nothing of a key's length or
/// content; they are never logged.
/// </summary>
internal sealed class ApiKeyFilter : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[][] _keyDigests;

    public ApiKeyFilter(IOptions<ApiKeyOptions> options) =>
        _keyDigests = [.. options.Value.ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(Digest)];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_keyDigests.Length == 0)
        {
            return ApiErrors.Problem(ApiErrors.WritesDisabled, "Writes are turned off on this service: configure at least one key in Search:ApiKeys (environment Search__ApiKeys__0) and send it in the X-Api-Key header.");
        }

        var presented = context.HttpContext.Request.Headers[HeaderName];
        if (presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            return ApiErrors.Problem(ApiErrors.ApiKeyRequired, $"Send a configured key in the {HeaderName} header.");
        }

        var digest = Digest(presented[0]!);
        var match = false;
        foreach (var key in _keyDigests)
        {
            // Every key is compared, so the time does not tell which one matched either.
            match |= CryptographicOperations.FixedTimeEquals(digest, key);
        }

        return match ? await next(context) : ApiErrors.Problem(ApiErrors.InvalidApiKey, $"The {HeaderName} header does not hold a configured key.");
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
