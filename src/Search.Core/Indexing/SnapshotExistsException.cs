namespace Search.Core.Indexing;

/// <summary>The folder a snapshot was to be copied into holds something already (another snapshot of that name).</summary>
public sealed class SnapshotExistsException(string folder)
    : IOException($"The snapshot folder {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))} is not empty: a snapshot of that name exists already.")
{
    public string Folder { get; } = folder;
}
