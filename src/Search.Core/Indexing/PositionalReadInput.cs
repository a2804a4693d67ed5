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

        var read = ReadFully(_handle, b.AsSpan(offset, length), _start + position);
        if (read < length)
        {
            throw new EndOfStreamException($"read past EOF: {this} (the file ended at {position + read} of {_length} bytes)");
        }
    }

    /// <summary>Fills <paramref name="target"/> from the file at <paramref name="at"/>, with as many reads as it takes;
    /// fewer bytes than asked only when the file ends first.</summary>
    /// <returns>The bytes read.</returns>
    internal static int ReadFully(SafeFileHandle handle, Span<byte> target, long at)
    {
        var total = 0;
        while (total < target.Length)
        {
            var read = RandomAccess.Read(handle, target[total..], at + total);
            if (read <= 0)
            {
                break;
            }

            total += read;
        }

        return total;
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
