namespace Search.Core.Indexing;

/// <summary>Another process is writing the index folder: exactly one process may write an index.</summary>
public sealed class IndexLockedException(string folder, string? owner, Exception inner)
    : IOException($"The index at {folder} is being written by another process{(owner is { Length: > 0 } ? $" ({owner})" : "")}; stop it first (only one process may write an index).", inner)
{
    public string Folder { get; } = folder;
}
