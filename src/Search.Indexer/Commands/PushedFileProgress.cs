using Search.Core.DropFolder;

namespace Search.Indexer.Commands;

/// <summary>How far <c>index --watch</c> got in pushing one dropped file, kept as the service's drop folder keeps it
/// (<see cref="DropFileProgress"/>): a file the command was stopped in resumes after the records the service had
/// acknowledged, so an API write made meanwhile to one of their ids keeps its version.</summary>
/// <remarks>A symbolic link is never resumed: its stamp does not change with its target. A record that cannot be read
/// or saved only costs sending some records again after a restart, so it is reported and the push goes on.</remarks>
internal sealed class PushedFileProgress
{
    private readonly string _path;
    private readonly DropFileStamp? _stamp;
    private readonly TextWriter _error;
    private long _saved;

    private PushedFileProgress(string path, DropFileStamp? stamp, long sentBefore, TextWriter error)
    {
        _path = path;
        _stamp = stamp;
        _error = error;
        _saved = sentBefore;
        SentBefore = sentBefore;
    }

    /// <summary>The leading records an earlier run had acknowledged: 0 when none was saved, or it was another file's
    /// under the same name, or it cannot be read.</summary>
    public long SentBefore { get; }

    /// <summary>Call before the file is opened: the stamp taken then keys what is saved (see
    /// <see cref="DropFileResume.For"/>).</summary>
    public static PushedFileProgress Start(string path, TextWriter output, TextWriter error)
    {
        var stamp = DropFileStamp.Of(path);
        var resume = DropFileResume.For(path, stamp);
        switch (resume.Found)
        {
            case DropFileResume.Outcome.Resumed:
                output.WriteLine($"{Path.GetFileName(path)}: resuming after its first {resume.Records:N0} records, sent before a restart or a failed try");
                break;
            case DropFileResume.Outcome.Unreadable:
                error.WriteLine($"warning: the progress saved for {path} cannot be read ({resume.Error!.Message}); sending it from the start");
                break;
        }

        return new PushedFileProgress(path, stamp, resume.Records, error);
    }

    /// <summary>Saves that the file's first <paramref name="records"/> are acknowledged, if that is further than saved.</summary>
    public void Save(long records)
    {
        if (records <= _saved)
        {
            return;
        }

        if (DropFileResume.Save(_path, _stamp, records) is { } failure)
        {
            _error.WriteLine($"warning: cannot save the progress of {_path} ({records:N0} records sent): {failure.Message}; a restart now would send some of them again");
            return;
        }

        _saved = records;
    }
}
