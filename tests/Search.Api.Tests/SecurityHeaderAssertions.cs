namespace Search.Api.Tests;

/// <summary>The headers every response must carry, checked the same way in process and against the real server.</summary>
internal static class SecurityHeaderAssertions
{
    /// <summary>Only our own scripts, styles, images and API calls; no inline script or style, no eval, no plugins, no
    /// base rewrite, forms to us only, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AssertPresent(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal(ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
