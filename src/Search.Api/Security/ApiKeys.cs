using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Errors;

namespace Search.Api.Security;

/// <summary>
/// The configured keys (<see cref="ApiKeyOptions"/>) and the check of a request against them: a key in
/// <c>X-Api-Key</c>, or as <c>Authorization: Bearer</c> for clients that can send only that header (Prometheus).
/// Keys are compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken
/// tells nothing of a key's length or content; they are never logged.
/// </summary>
internal sealed class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    private readonly byte[][] _keyDigests;

    public ApiKeys(IOptions<ApiKeyOptions> options) =>
        _keyDigests = [.. options.Value.ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(Digest)];

    public bool AnyConfigured => _keyDigests.Length > 0;

    /// <summary>Why <paramref name="request"/> may not pass (a 401 problem), or null when it holds a configured key.</summary>
    public ProblemHttpResult? Refusal(HttpRequest request)
    {
        if (PresentedKey(request) is not { Length: > 0 } presented)
        {
            return ApiErrors.Problem(ApiErrors.ApiKeyRequired, $"Send a configured key in the {HeaderName} header (or as Authorization: Bearer).");
        }

        var digest = Digest(presented);
        var match = false;
        foreach (var key in _keyDigests)
        {
            // Every key is compared, so the time does not tell which one matched either.
            match |= CryptographicOperations.FixedTimeEquals(digest, key);
        }

        return match ? null : ApiErrors.Problem(ApiErrors.InvalidApiKey, $"The {HeaderName} header or bearer token does not hold a configured key.");
    }

    /// <summary>The one key the request presents; null when it presents none, or several.</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[HeaderName];
        if (header.Count > 0)
        {
            return header.Count == 1 ? header[0] : null;
        }

        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? value[BearerPrefix.Length..].Trim()
            : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
