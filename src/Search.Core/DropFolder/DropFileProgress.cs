using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.DropFolder;

/// <summary>
/// How far <see cref="DropFileIndexer"/> got into one dropped file: the file it read (<see cref="DropFileStamp"/>) and
/// how many of its records, as <see cref="ArticleSources.ReadFile"/> yields them (problems included), are durably
/// written. Kept in <c>&lt;folder&gt;/.progress/&lt;name&gt;.json</c> and replaced atomically after each batch, so a
/// service killed half-way resumes after the last batch saved instead of writing the whole file again over API writes
/// made since. It is saved only once a batch's write has returned, so it never claims more than the log holds; it may
/// claim less, by the one batch made durable just before a kill. The indexer's <c>index --watch</c> keeps the same
/// record for the files it pushes to a service, with the records the service acknowledged.
/// </summary>
/// <remarks>One writer per file: the watcher handles one file at a time. A <c>.progress</c> that is a symbolic link is
/// refused (<see cref="IOException"/>), so whoever can write to the drop folder cannot make the service write or delete
/// files elsewhere.</remarks>
public sealed partial record DropFileProgress(DropFileStamp Stamp, long Records)
{
    private const string Extension = ".json";
    private const string TempSuffix = ".tmp";

    // A record is a hundred bytes or so: anything much larger was not written here.
    private const int MaxBytes = 4096;

    /// <summary>Where the progress of the file at <paramref name="path"/> is kept.</summary>
    public static string PathFor(string path) => Path.Combine(FolderFor(path), NameFor(Path.GetFileName(path)));

    // Room for the extension and the temporary suffix Save adds (".<32 hex>.tmp"): a dropped file's name may take
    // all 255 bytes, and a record named after it whole could not be saved.
    private static string NameFor(string fileName) =>
        DropFileNames.Fit(fileName, DropFileNames.MaxNameBytes - Extension.Length - 33 - TempSuffix.Length) + Extension;

    /// <summary>The progress saved for the file at <paramref name="path"/>; null when none was.</summary>
    /// <exception cref="InvalidDataException">What is there was not written by <see cref="Save"/> (corrupt, truncated,
    /// or not a regular file).</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">It cannot be read.</exception>
    public static DropFileProgress? Read(string path)
    {
        var folder = FolderFor(path);
        RefuseLink(folder);
        var sidecar = PathFor(path);
        switch (FileNode.Of(sidecar, followLink: false))
        {
            case null:
                return null;
            case { IsRegular: false }:
                // Opening a named pipe would block; a link could lead anywhere.
                throw new InvalidDataException($"{sidecar} is not a regular file");
        }

        using var stream = new FileStream(sidecar, FileMode.Open, FileAccess.Read);
        if (stream.Length > MaxBytes)
        {
            throw new InvalidDataException($"{sidecar} is {stream.Length} bytes, too large for a progress record");
        }

        try
        {
            return JsonSerializer.Deserialize(stream, ProgressJson.Default.DropFileProgress) is { Records: >= 0, Stamp.IsLink: false } progress
                && !string.IsNullOrEmpty(progress.Stamp.Identity)
                ? progress
                : throw new InvalidDataException($"{sidecar} holds no valid progress record");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sidecar} is not a progress record: {ex.Message}", ex);
        }
    }

    /// <summary>Replaces the saved progress of the file at <paramref name="path"/> with this one, atomically and
    /// durably: after a crash either the old record or this one is there, whole.</summary>
    /// <exception cref="IOException">It could not be written; the old record, if any, is still there.</exception>
    /// <exception cref="UnauthorizedAccessException">It could not be written.</exception>
    public void Save(string path)
    {
        var folder = FolderFor(path);
        RefuseLink(folder);
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            FolderSync.Flush(Path.GetDirectoryName(folder)!);
        }

        var sidecar = PathFor(path);
        var temp = $"{sidecar}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            // CreateNew never opens through a link planted under the name.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, this, ProgressJson.Default.DropFileProgress);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, sidecar, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        // The rename is only durable once the folder is.
        FolderSync.Flush(folder);
    }

    /// <summary>Forgets the progress of the file at <paramref name="path"/>, which has moved on; nothing when none was
    /// saved.</summary>
    /// <exception cref="IOException">It could not be deleted.</exception>
    /// <exception cref="UnauthorizedAccessException">It could not be deleted.</exception>
    internal static void Remove(string path)
    {
        var folder = FolderFor(path);
        RefuseLink(folder);
        if (Directory.Exists(folder))
        {
            File.Delete(PathFor(path));
        }
    }

    /// <summary>Removes the progress of files no longer in <paramref name="dropFolder"/> (moved on or deleted while
    /// the service was down) and the temporary files a crash left half-written. Call it when no file is being indexed.</summary>
    /// <returns>The files removed.</returns>
    /// <exception cref="IOException">One could not be deleted, or the folder listed; the others may be gone.</exception>
    /// <exception cref="UnauthorizedAccessException">One could not be deleted.</exception>
    internal static IReadOnlyList<string> RemoveStale(string dropFolder)
    {
        var folder = Path.Combine(dropFolder, DropFolderOptions.ProgressFolderName);
        RefuseLink(folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        // A long name's record is named after a shortened name, so compare with the names of the files there.
        var kept = new DirectoryInfo(dropFolder).EnumerateFiles().Select(file => NameFor(file.Name)).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            // Only names this class writes: anything else someone put there is left alone.
            var stale = file.Name.EndsWith(TempSuffix, StringComparison.Ordinal)
                || (file.Name.EndsWith(Extension, StringComparison.Ordinal) && !kept.Contains(file.Name));
            if (stale)
            {
                file.Delete();
                removed.Add(file.FullName);
            }
        }

        return removed;
    }

    private static string FolderFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, DropFolderOptions.ProgressFolderName);

    private static void RefuseLink(string folder)
    {
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            throw new IOException($"{folder} is a symbolic link: the drop folder's progress is kept in a real folder only");
        }
    }

    // Missing or null members are errors, not defaults: a truncated record must not pass as the start of a file.
    [JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
    [JsonSerializable(typeof(DropFileProgress))]
    private sealed partial class ProgressJson : JsonSerializerContext;
}
