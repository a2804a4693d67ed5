using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Tests.Writing;

/// <summary>
/// A Lucene directory over a real folder whose storage can be made to fail, as a folder turned read-only, a full disk
/// or a failing device does to a running service (tests run as root, for whom chmod changes nothing): while
/// <see cref="Failing"/> is set, creating, syncing, renaming and deleting files throws, and so does writing or closing an
/// output opened before. Reads keep working, as they do on a read-only or full disk.
/// </summary>
internal sealed class FaultyDirectory(LuceneDirectory inner) : LuceneDirectory
{
    private volatile Func<string, Exception>? _fault;

    /// <summary>What each failing operation throws, or null while storage works.</summary>
    public Func<string, Exception>? Failing
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>When set, only the files merges write fail (<see cref="Failing"/> says how), as a disk that fills during
    /// a background merge, the largest writes an index makes.</summary>
    public bool OnlyMerges { get; set; }

    /// <summary>When set, only syncing fails, as the first step of a commit.</summary>
    public bool OnlySyncs { get; set; }

    /// <summary>Operations refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    private int _refused;

    public static Exception DiskFull(string name) => new IOException($"No space left on device : '{name}'");

    public static Exception ReadOnly(string name) => new UnauthorizedAccessException($"Access to the path '{name}' is denied.");

    public override string[] ListAll() => inner.ListAll();

    [Obsolete("Lucene's own obsolete member, delegated.")]
    public override bool FileExists(string name) => inner.FileExists(name);

    public override void DeleteFile(string name)
    {
        ThrowIfFailing(name, merge: false);
        inner.DeleteFile(name);
    }

    public override long FileLength(string name) => inner.FileLength(name);

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        var merge = context.Context == IOContext.UsageContext.MERGE;
        ThrowIfFailing(name, merge);
        return new FaultyOutput(this, name, merge, inner.CreateOutput(name, context));
    }

    public override void Sync(ICollection<string> names)
    {
        ThrowIfFailing(string.Join(", ", names), merge: false, sync: true);
        inner.Sync(names);
    }

    public override IndexInput OpenInput(string name, IOContext context) => inner.OpenInput(name, context);

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => inner.CreateSlicer(name, context);

    public override Lucene.Net.Store.Lock MakeLock(string name) => inner.MakeLock(name);

    public override void ClearLock(string name) => inner.ClearLock(name);

    public override void SetLockFactory(LockFactory lockFactory) => inner.SetLockFactory(lockFactory);

    public override LockFactory LockFactory => inner.LockFactory;

    public override string GetLockID() => inner.GetLockID();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }

    private void ThrowIfFailing(string name, bool merge, bool sync = false)
    {
        if (_fault is { } fault && (merge || !OnlyMerges) && (sync || !OnlySyncs))
        {
            Interlocked.Increment(ref _refused);
            throw fault(name);
        }
    }

    /// <summary>An output that fails its writes once storage fails, as a disk that fills while a segment is written.</summary>
    private sealed class FaultyOutput(FaultyDirectory directory, string name, bool merge, IndexOutput inner) : IndexOutput
    {
        public override void WriteByte(byte b)
        {
            directory.ThrowIfFailing(name, merge);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            directory.ThrowIfFailing(name, merge);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush()
        {
            directory.ThrowIfFailing(name, merge);
            inner.Flush();
        }

        public override long Position => inner.Position;

        [Obsolete("Lucene's own obsolete member, delegated.")]
        public override void Seek(long pos) => inner.Seek(pos);

        public override long Length
        {
            get => inner.Length;
            set => inner.Length = value;
        }

        public override long Checksum => inner.Checksum;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // The inner output is closed either way, so its file handle is not leaked; the failure still shows.
                try
                {
                    directory.ThrowIfFailing(name, merge);
                }
                finally
                {
                    inner.Dispose();
                }
            }
        }
    }
}
