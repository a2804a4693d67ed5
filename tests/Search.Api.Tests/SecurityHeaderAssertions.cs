namespace Search.Api.Tests;

/// <summary>The headers every response must carry, checked the same way in process and against the real server.</summary>
internal static class SecurityHeaderAssertions
{
    public static void AssertPresent(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
