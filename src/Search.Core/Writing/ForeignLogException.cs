namespace Search.Core.Writing;

/// <summary>The index was built from another log than the one it is asked to follow (another database, or one restored
/// from an older backup): applying this log's changes would mix two collections, so the index follows nothing.</summary>
public sealed class ForeignLogException(string message) : InvalidOperationException(message);
