using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Indexing;

/// <summary>
/// An index folder read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>):
/// one <c>pread</c> a buffer refill, from any thread, with no lock and no seek. Lucene.Net 4.8's
/// <see cref="NIOFSDirectory"/> pays an <c>fstat</c> and a locked seek-and-read for every 1 KB refill: a quarter of a
/// question's time on the XQuAD-ar benchmark went there (perf; benchmarks/README.md). Memory-mapping, Java Lucene's
/// default, is over ten times slower under parallel search in this Lucene.Net (LUCENENET-NOTES.md). Given a
/// <see cref="ResidentBudget"/>, the files searches read all over are copied into memory when opened
/// (<see cref="ResidentInput"/>): even a <c>pread</c> a 4 KB refill was 15 % of a question's CPU time, and the
/// refill buffers a quarter of what it allocated (benchmarks/README.md). Files are written with <c>pwrite</c> too
/// (<see cref="PositionalWriteOutput"/>), their checksums by a vectorized CRC-32.
/// </summary>
public sealed class PositionalReadDirectory : FSDirectory
{
    /// <summary>Bytes a refill reads while searching: postings and stored fields are read a few KB at a time, and a
    /// 4 KB read costs about what a 1 KB one does.</summary>
    public const int SearchBufferSize = 4 * 1024;

    /// <summary>Bytes a refill reads while merging, which reads every file front to back.</summary>
    public const int MergeBufferSize = 64 * 1024;

    /// <summary>Files a search reads all over, a few bytes at a time: the term dictionary, postings, positions, doc
    /// values and norms, and the compound files of small segments that hold them. Stored fields (the bulk of an index)
    /// are read only for the page's hits.</summary>
    private static readonly string[] ResidentExtensions = [".tim", ".doc", ".pos", ".pay", ".dvd", ".nvd", ".cfs"];

    /// <summary>The largest compound file held in memory: one holds a small segment's stored fields too, and Lucene's
    /// merge policy can write compound files of a tenth of the index.</summary>
    public const long MaxResidentCompoundFile = 64L * 1024 * 1024;

    private readonly ResidentBudget? _resident;

    /// <param name="resident">Memory for copies of the files searches read most (<see cref="ResidentInput"/>); null
    /// reads every file from disk.</param>
    public PositionalReadDirectory(string path, ResidentBudget? resident = null)
        : base(new DirectoryInfo(path), lockFactory: null)
    {
        _resident = resident;
    }

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        return new PositionalWriteOutput(Path.Combine(Directory.FullName, name), () => MarkUnsynced(name));
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(path);
        try
        {
            var length = RandomAccess.GetLength(handle);
            if (Resident(name, context, handle, length) is { } file)
            {
                handle.Dispose();
                return new ResidentInput($"ResidentInput(path=\"{path}\")", file, 0, (int)length, ownsFile: true);
            }

            return new PositionalReadInput($"PositionalReadInput(path=\"{path}\")", handle, 0, length, BufferSize(context), ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(path);
        try
        {
            if (Resident(name, context, handle, RandomAccess.GetLength(handle)) is { } file)
            {
                handle.Dispose();
                return new ResidentSlicer(path, file);
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return new Slicer(path, handle, BufferSize(context));
    }

    /// <summary>The file copied into memory, when it is one searches read all over and the budget has room; merges
    /// read each file once, front to back, from disk.</summary>
    private ResidentFile? Resident(string name, IOContext context, SafeFileHandle handle, long length) =>
        _resident is not null && context.Context != IOContext.UsageContext.MERGE
            && ResidentExtensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal))
            && (length <= MaxResidentCompoundFile || !name.EndsWith(".cfs", StringComparison.Ordinal))
            ? ResidentFile.TryLoad(handle, length, _resident)
            : null;

    /// <summary>What <see cref="FSDirectory"/> does when its own output closes: the next commit's
    /// <see cref="FSDirectory.Sync"/> fsyncs the files so marked.</summary>
    private void MarkUnsynced(string name)
    {
        lock (m_syncLock)
        {
            m_staleFiles.Add(name);
        }
    }

    private static SafeFileHandle OpenHandle(string path)
    {
        try
        {
            // Share Delete: Lucene deletes files that readers still hold, as POSIX allows.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);
        }
        catch (DirectoryNotFoundException ex)
        {
            // Lucene tells a missing file by this exception (a commit point gone, a segment merged away).
            throw new FileNotFoundException(ex.Message, path, ex);
        }
    }

    private static int BufferSize(IOContext context) =>
        context.Context == IOContext.UsageContext.MERGE ? MergeBufferSize : SearchBufferSize;

    /// <summary>Slices of a compound file held in memory: windows on the one copy, given back when the slicer closes.</summary>
    private sealed class ResidentSlicer(string path, ResidentFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new ResidentInput($"ResidentInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", file, (int)offset, (int)length, ownsFile: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Bytes.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Release();
            }
        }
    }

    /// <summary>Slices of a compound file: each one a window on the one handle the slicer owns.</summary>
    private sealed class Slicer(string path, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalReadInput($"PositionalReadInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }
}
