namespace Search.Api.Contracts;

/// <summary><c>q</c> given more than once, which binding joins with a comma: <c>q=a&amp;q=b</c> would search for, or
/// complete, "a,b". Searches and suggestions refuse it alike.</summary>
internal static class RepeatedQuery
{
    /// <summary>The problem to report under <c>q</c>; null when it was given at most once or there is no request
    /// (parameters built by hand).</summary>
    public static string[]? Problem(HttpRequest? request) =>
        request?.Query["q"] is { Count: > 1 } queries ? [$"Give q once; it was given {queries.Count} times."] : null;
}
