namespace Search.Core.Ingestion;

/// <summary>One entry of a <see cref="SourceWalk"/>: a file to read, or, with a <see cref="Problem"/>, a path passed
/// over and why. <see cref="Folder"/> is the folder given that the file was found under; null for a file given
/// itself.</summary>
internal readonly record struct SourceEntry(string Path, string? Problem = null, string? Folder = null)
{
    /// <summary>The file's path from <see cref="Folder"/>, with <c>/</c> between folders on every system
    /// (<c>2024/a/index.html</c>); its file name when it was given itself.</summary>
    public string Name => Folder is null
        ? System.IO.Path.GetFileName(Path)
        : System.IO.Path.GetRelativePath(Folder, Path).Replace(System.IO.Path.DirectorySeparatorChar, '/');
}
