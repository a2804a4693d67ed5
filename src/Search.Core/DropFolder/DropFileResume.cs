namespace Search.Core.DropFolder;

/// <summary>
/// Where reading a dropped file starts again, by the <see cref="DropFileProgress"/> saved for it: after
/// <see cref="Records"/> records when <see cref="Found"/> is <see cref="Outcome.Resumed"/>, else from the start. The
/// service's drop folder and the indexer's <c>index --watch</c> follow the same rules and report the outcome each in
/// its own way (a log, the console).
/// </summary>
public readonly record struct DropFileResume(DropFileResume.Outcome Found, long Records = 0, Exception? Error = null)
{
    /// <summary>What the saved progress was.</summary>
    public enum Outcome
    {
        /// <summary>None was saved, or the file is a symbolic link, whose stamp does not change with its target.</summary>
        NoneSaved,

        /// <summary>Saved for this very file: its first <see cref="Records"/> were written or acknowledged.</summary>
        Resumed,

        /// <summary>Saved for another file under the same name: it is read whole.</summary>
        OtherFile,

        /// <summary>What is saved cannot be read (<see cref="Error"/>): the file is read whole.</summary>
        Unreadable,
    }

    /// <summary>Where to start the file at <paramref name="path"/>, stamped <paramref name="stamp"/> before it was
    /// opened (so a record never covers the records of a file renamed over it while it is read).</summary>
    public static DropFileResume For(string path, DropFileStamp? stamp)
    {
        if (stamp is not { IsLink: false } file)
        {
            return new(Outcome.NoneSaved);
        }

        try
        {
            return DropFileProgress.Read(path) switch
            {
                null => new(Outcome.NoneSaved),
                { } progress when progress.Stamp != file => new(Outcome.OtherFile),
                { } progress => new(Outcome.Resumed, progress.Records),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new(Outcome.Unreadable, Error: ex);
        }
    }

    /// <summary>Saves that the first <paramref name="records"/> of the file at <paramref name="path"/> are written;
    /// nothing for a link (see <see cref="Outcome.NoneSaved"/>). A failure only costs writing some records again after
    /// a restart, so it is returned for the caller to report, not thrown.</summary>
    /// <returns>Null when saved or nothing to save; else why it could not be.</returns>
    public static Exception? Save(string path, DropFileStamp? stamp, long records)
    {
        if (stamp is not { IsLink: false } file)
        {
            return null;
        }

        try
        {
            new DropFileProgress(file, records).Save(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex;
        }
    }
}
