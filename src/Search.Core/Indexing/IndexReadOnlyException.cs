namespace Search.Core.Indexing;

/// <summary>A write to an index opened only to serve (<see cref="NewsIndex.OpenReadOnly"/>).</summary>
public sealed class IndexReadOnlyException() : InvalidOperationException("This index is open read-only: it serves searches and takes no writes.");
