using System.Text;
using System.Text.Unicode;

namespace Search.Core.Ingestion;

/// <summary>One line of a <see cref="Utf8LineReader"/>: its bytes, valid UTF-8 (and good only until the next line is
/// read: they are the reader's buffer), or why it has none.</summary>
internal readonly record struct Utf8Line(ReadOnlyMemory<byte> Bytes, string? Problem)
{
    /// <summary>True for a line of white space alone (or nothing).</summary>
    public bool IsBlank
    {
        get
        {
            var span = Bytes.Span;
            var first = span.IndexOfAnyExcept(" \t\r\f\v"u8);
            if (first < 0)
            {
                return true;
            }

            // Past ASCII (and among control characters), white space takes decoding to tell: a line of no-break spaces
            // is blank too.
            return span[first] is >= 0x80 or < 0x20 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(span[first..]));
        }
    }
}

/// <summary>
/// Splits a UTF-8 stream into lines without ever replacing a byte: a line that is not valid UTF-8 comes back with the
/// reason (<see cref="InvalidUtf8"/>) instead of text full of U+FFFD. Lines end at <c>\n</c>; a <c>\r</c> before it
/// and a byte order mark at the start are dropped. A UTF-16 file is one problem, reported on its first line.
/// </summary>
internal sealed class Utf8LineReader(Stream stream)
{
    /// <summary>
    /// The longest line kept: a longer one is passed over unread and reported, so memory stays bounded whatever a file
    /// holds. A news article is tens of KB (the write API takes 1 MB); a gzip of zeros (4 MB for 1 GB, no line break)
    /// grew the buffer to 3.8 GB before.
    /// </summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _firstLine = true;

    /// <summary>The next line, or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">The stream underneath is a corrupt gzip.</exception>
    public Utf8Line? ReadLine()
    {
        while (true)
        {
            var length = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (length < 0 && _endOfStream)
            {
                length = _end - _start;
                if (length == 0)
                {
                    return null;
                }
            }

            if (length >= 0)
            {
                var line = _buffer.AsMemory(_start, length);
                _start += Math.Min(length + 1, _end - _start);
                return Decode(line);
            }

            if (_end - _start >= MaxLineBytes)
            {
                return SkipLongLine();
            }

            Fill();
        }
    }

    /// <summary>Passes over the rest of a line longer than <see cref="MaxLineBytes"/>, reading on in the buffer as it is.</summary>
    private Utf8Line SkipLongLine()
    {
        _firstLine = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || _endOfStream)
            {
                _start = newline >= 0 ? _start + newline + 1 : _end;
                return new Utf8Line(ReadOnlyMemory<byte>.Empty, $"the line is longer than {MaxLineBytes / (1024 * 1024)} MB (no article is that long); skipped");
            }

            _start = _end = 0;
            var read = stream.Read(_buffer, 0, _buffer.Length);
            _end = read;
            _endOfStream = read == 0;
        }
    }

    private Utf8Line Decode(ReadOnlyMemory<byte> line)
    {
        if (_firstLine)
        {
            _firstLine = false;
            if (InvalidUtf8.StartsAsUtf16(line.Span))
            {
                // Split at 0x0A, UTF-16 has no lines to speak of: one problem for the file, and nothing after it.
                var problem = InvalidUtf8.Describe(line.Span);
                SkipToEnd();
                return new Utf8Line(ReadOnlyMemory<byte>.Empty, problem);
            }

            if (line.Span.StartsWith(ByteOrderMark))
            {
                line = line[ByteOrderMark.Length..];
            }
        }

        if (line.Span is [.., (byte)'\r'])
        {
            line = line[..^1];
        }

        return Utf8.IsValid(line.Span) ? new Utf8Line(line, null) : new Utf8Line(ReadOnlyMemory<byte>.Empty, InvalidUtf8.Describe(line.Span));
    }

    /// <summary>Reads more of the stream after what is buffered, growing the buffer for a line longer than it.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfStream = read == 0;
    }

    /// <summary>Reads the rest of the stream unseen, so a gzip trailer check still sees every byte.</summary>
    private void SkipToEnd()
    {
        _start = _end = 0;
        while (stream.Read(_buffer, 0, _buffer.Length) > 0)
        {
        }

        _endOfStream = true;
    }
}
