using System.ComponentModel.DataAnnotations;

namespace Search.Api.Security;

/// <summary>
/// The <c>Search:Cors</c> section: the other sites whose pages may call the public read endpoints from a browser
/// (<c>Search__Cors__Origins__0=https://news.example</c>). None by default, and then no response carries a CORS header.
/// </summary>
public sealed class CrossOriginOptions : IValidatableObject
{
    public const string Section = "Search:Cors";

    /// <summary>Exact origins, scheme and host (and port when not the default), e.g. <c>https://news.example</c>;
    /// no wildcard, path or trailing slash.</summary>
    public string[] Origins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in Origins)
        {
            if (Problem(origin) is { } problem)
            {
                yield return new ValidationResult($"Search:Cors:Origins holds '{origin}': {problem}", [nameof(Origins)]);
            }
        }
    }

    /// <summary>Why a value is not an exact origin a browser would send, or null when it is one.</summary>
    private static string? Problem(string origin)
    {
        if (origin.Contains('*', StringComparison.Ordinal))
        {
            return "wildcards are not allowed; list each site's origin.";
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "an origin is an http or https address such as https://news.example.";
        }

        // A browser's Origin header is exactly scheme://host[:port]; anything more would never match it.
        return string.Equals(origin, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            ? null
            : "an origin has no path, query or trailing slash, only scheme://host[:port].";
    }
}
