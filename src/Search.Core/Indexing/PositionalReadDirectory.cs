using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Indexing;

/// <summary>
/// An index folder read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>):
/// one <c>pread</c> a buffer refill, from any thread, with no lock and no seek. Lucene.Net 4.8's
/// <see cref="NIOFSDirectory"/> pays an <c>fstat</c> and a locked seek-and-read for every 1 KB refill: a quarter of a
/// question's time on the XQuAD-ar benchmark went there (perf; benchmarks/README.md). Memory-mapping, Java Lucene's
/// default, is over ten times slower under parallel search in this Lucene.Net (LUCENENET-NOTES.md). Writes are
/// <see cref="FSDirectory"/>'s own.
/// </summary>
public sealed class PositionalReadDirectory : FSDirectory
{
    /// <summary>Bytes a refill reads while searching: postings and stored fields are read a few KB at a time, and a
    /// 4 KB read costs about what a 1 KB one does.</summary>
    public const int SearchBufferSize = 4 * 1024;

    /// <summary>Bytes a refill reads while merging, which reads every file front to back.</summary>
    public const int MergeBufferSize = 64 * 1024;

    public PositionalReadDirectory(string path)
        : base(new DirectoryInfo(path), lockFactory: null)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(path);
        try
        {
            return new PositionalReadInput($"PositionalReadInput(path=\"{path}\")", handle, 0, RandomAccess.GetLength(handle), BufferSize(context), ownsHandle: true);
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
        return new Slicer(path, OpenHandle(path), BufferSize(context));
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
