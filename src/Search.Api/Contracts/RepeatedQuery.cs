namespace Search.Api.Contracts;

/// <summary><c>q</c> (or an article's <c>id</c>) given more than once, which binding joins with a comma: <c>q=a&amp;q=b</c>
/// would search for, or complete, "a,b". Searches, suggestions and articles by query refuse it alike.</summary>
internal static class RepeatedQuery
{
    /// <summary>The problem to report under <paramref name="name"/>; null when it was given at most once or there is no
    /// request (parameters built by hand).</summary>
    public static string[]? Problem(HttpRequest? request, string name = "q") =>
        request?.Query[name] is { Count: > 1 } values ? [$"Give {name} once; it was given {values.Count} times."] : null;
}
