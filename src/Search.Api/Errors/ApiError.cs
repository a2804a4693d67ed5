namespace Search.Api.Errors;

/// <summary>One kind of error the API answers with: a stable <see cref="Code"/> that clients match on, the one HTTP
/// status it maps to, and the problem's title.</summary>
public sealed record ApiError(string Code, int Status, string Title);
