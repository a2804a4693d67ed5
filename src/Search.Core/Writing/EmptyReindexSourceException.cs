namespace Search.Core.Writing;

/// <summary>
/// A reindex from a source that gave no article: the index is left as it was. The source becomes the whole
/// collection, so switching to it would have deleted every article (a wrong path, or files of a format the indexer
/// does not read, is far likelier than a wish to empty the index, which deleting the articles does).
/// </summary>
public sealed class EmptyReindexSourceException(long skipped)
    : InvalidOperationException($"The source gave no article ({skipped} records or files skipped); the index is left as it was.")
{
    /// <summary>Records or files the source held that could not be read as articles.</summary>
    public long Skipped { get; } = skipped;
}
