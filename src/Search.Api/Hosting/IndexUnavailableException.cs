namespace Search.Api.Hosting;

/// <summary>The index (or its write path) could not be opened at start-up; the inner exception says why.</summary>
public sealed class IndexUnavailableException(Exception? inner)
    : Exception($"The index is not available: {inner?.Message ?? "it was not opened"}", inner);
