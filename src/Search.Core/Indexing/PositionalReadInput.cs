using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Indexing;

/// <summary>A file, or a window on one (a compound file's slice), read with <c>pread</c> into
/// <see cref="BufferedIndexInput"/>'s buffer. Clones share the handle; only the input that opened it closes it.</summary>
internal sealed class PositionalReadInput : BufferedIndexInput
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _length;
    private bool _ownsHandle;

    public PositionalReadInput(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool ownsHandle)
        : base(description, bufferSize)
    {
        _handle = handle;
        _start = start;
        _length = length;
        _ownsHandle = ownsHandle;
    }

    public override long Length => _length;

    protected override void ReadInternal(byte[] b, int offset, int length)
    {
        var position = Position;
        if (position + length > _length)
        {
            throw new EndOfStreamException($"read past EOF: {this} (position {position}, {length} bytes asked, length {_length})");
        }

        var target = b.AsSpan(offset, length);
        var at = _start + position;
        while (!target.IsEmpty)
        {
            var read = RandomAccess.Read(_handle, target, at);
            if (read <= 0)
            {
                throw new EndOfStreamException($"read past EOF: {this} (the file ended at {at - _start} of {_length} bytes)");
            }

            target = target[read..];
            at += read;
        }
    }

    protected override void SeekInternal(long pos)
    {
        // Positional reads need no seek: ReadInternal reads at Position.
    }

    public override object Clone()
    {
        var clone = (PositionalReadInput)base.Clone();
        clone._ownsHandle = false;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsHandle)
        {
            _handle.Dispose();
        }
    }
}
