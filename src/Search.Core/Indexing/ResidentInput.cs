using Lucene.Net.Store;

namespace Search.Core.Indexing;

/// <summary>
/// A file, or a window on one, read from a copy held in memory: every byte is an array read, with no system call and
/// no buffer to refill or allocate. Lucene files never change once written, so the copy stays true; clones share it,
/// and it goes when the last of them does, so a read after close cannot touch freed memory, as it could with a
/// memory mapping unmapped under it.
/// </summary>
internal sealed class ResidentInput : IndexInput
{
    private readonly ResidentFile _file;
    private readonly int _start;
    private readonly int _length;
    private int _position;
    private bool _ownsFile;

    /// <param name="ownsFile">Whether closing this input gives the copy's memory back to the budget (the input that
    /// opened the file does; its clones and a compound file's slices do not).</param>
    public ResidentInput(string description, ResidentFile file, int start, int length, bool ownsFile)
        : base(description)
    {
        _file = file;
        _start = start;
        _length = length;
        _ownsFile = ownsFile;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override byte ReadByte()
    {
        if (_position >= _length)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        return _file.Bytes[_start + _position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > _length - _position)
        {
            throw new EndOfStreamException($"read past EOF: {this} (position {_position}, {len} bytes asked, length {_length})");
        }

        Buffer.BlockCopy(_file.Bytes, _start + _position, b, offset, len);
        _position += len;
    }

    public override short ReadInt16()
    {
        var bytes = Take(sizeof(short));
        return (short)((bytes[0] << 8) | bytes[1]);
    }

    public override int ReadInt32()
    {
        var bytes = Take(sizeof(int));
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    public override long ReadInt64()
    {
        var bytes = Take(sizeof(long));
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    public override int ReadVInt32()
    {
        // Lucene's variable-length ints, up to five bytes; unrolled over the array, as BufferedIndexInput does over its buffer.
        if (_length - _position < 5)
        {
            return base.ReadVInt32();
        }

        var bytes = _file.Bytes;
        var at = _start + _position;
        int b = bytes[at++];
        var value = b & 0x7F;
        for (var shift = 7; b >= 0x80 && shift <= 28; shift += 7)
        {
            b = bytes[at++];
            value |= (b & 0x7F) << shift;
        }

        if (b >= 0x80)
        {
            throw new IOException($"invalid vInt detected (too many bits): {this}");
        }

        _position = at - _start;
        return value;
    }

    public override long ReadVInt64()
    {
        if (_length - _position < 9)
        {
            return base.ReadVInt64();
        }

        var bytes = _file.Bytes;
        var at = _start + _position;
        long b = bytes[at++];
        var value = b & 0x7F;
        for (var shift = 7; b >= 0x80 && shift <= 56; shift += 7)
        {
            b = bytes[at++];
            value |= (b & 0x7F) << shift;
        }

        if (b >= 0x80)
        {
            throw new IOException($"invalid vLong detected (negative values disallowed): {this}");
        }

        _position = at - _start;
        return value;
    }

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"seek past EOF: {this} (position {pos}, length {_length})");
        }

        _position = (int)pos;
    }

    public override object Clone()
    {
        var clone = (ResidentInput)base.Clone();
        clone._ownsFile = false;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsFile)
        {
            _file.Release();
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _length - _position)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        var span = new ReadOnlySpan<byte>(_file.Bytes, _start + _position, count);
        _position += count;
        return span;
    }
}
