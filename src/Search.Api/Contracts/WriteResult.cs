namespace Search.Api.Contracts;

/// <summary>Body of a successful <c>PUT</c> or <c>DELETE /api/articles/{id}</c>.</summary>
/// <param name="Result"><c>created</c>, <c>updated</c> or <c>deleted</c>.</param>
/// <param name="Sequence">The write's position in the change log.</param>
public sealed record WriteResult(string Id, string Result, long Sequence);
