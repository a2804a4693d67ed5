using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Lucene.Net.Codecs;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Hands a field's terms to another thread to encode, in a flush or a merge: the terms and postings it is given are
/// recorded into chunks (<see cref="RecordedPostings"/>), which a worker gives to the inner consumer (Lucene's postings
/// writer and terms dictionary) in the same order, while the calling thread goes on reading the next terms (out of the writer's buffer
/// and making stems, or out of the merged segments). A flush at an import's commit ran on one thread while the other
/// core had nothing left to do; there the inner writer's encoding took about a third of it. A field whose terms fit in
/// one chunk (a refresh's few documents) is given to the inner consumer on the calling thread at its end, with no
/// worker. Positions fields only, without payloads.
/// </summary>
internal sealed class PipelinedTerms : TermsConsumer, IDisposable
{
    /// <summary>256 KB of recorded postings a chunk; with two waiting for the worker and one it writes, a flush holds
    /// about 1 MB more.</summary>
    public const int DefaultChunkBytes = 1 << 18;

    private readonly TermsConsumer _inner;
    private readonly bool _offsets;
    private readonly int _chunkBytes;
    private readonly BlockingCollection<Chunk> _full = new(boundedCapacity: 2);
    private readonly ConcurrentBag<Chunk> _spare = [];
    private Chunk _chunk;
    private Thread? _worker;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;
    private bool _disposed;

    /// <param name="offsets">Whether the field's postings hold offsets.</param>
    /// <param name="chunkBytes">Bytes of recorded postings a chunk holds before it is handed on.</param>
    public PipelinedTerms(TermsConsumer inner, bool offsets, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        _inner = inner;
        _offsets = offsets;
        _chunkBytes = chunkBytes;
        _chunk = new Chunk(offsets);
    }

    public override IComparer<BytesRef> Comparer => _inner.Comparer;

    public override PostingsConsumer StartTerm(BytesRef text) => _chunk.StartTerm(text);

    public override void FinishTerm(BytesRef text, TermStats stats)
    {
        _chunk.FinishTerm(stats);
        if (_chunk.Postings.Length >= _chunkBytes)
        {
            HandOn();
        }
    }

    public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
    {
        if (_worker is null)
        {
            Replay(_chunk);
        }
        else
        {
            HandOn();
            StopWorker();
            _failure?.Throw();
        }

        _inner.Finish(sumTotalTermFreq, sumDocFreq, docCount);
    }

    /// <summary>Stops the worker, if any, dropping what it has not given on yet: after <see cref="Finish"/> nothing is
    /// left, and before it the flush has failed and its files go.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _abandoned = true;
        StopWorker();
        _full.Dispose();
    }

    private void HandOn()
    {
        _failure?.Throw();
        if (_worker is null)
        {
            _worker = new Thread(Work) { IsBackground = true, Name = "postings-writer" };
            _worker.Start();
        }

        _full.Add(_chunk);
        _chunk = _spare.TryTake(out var spare) ? spare : new Chunk(_offsets);
    }

    private void StopWorker()
    {
        if (_worker is null || _full.IsAddingCompleted)
        {
            return;
        }

        _full.CompleteAdding();
        _worker.Join();
    }

    private void Work()
    {
        foreach (var chunk in _full.GetConsumingEnumerable())
        {
            if (_failure is null && !_abandoned)
            {
                try
                {
                    Replay(chunk);
                }
                catch (Exception ex)
                {
                    // Told to the flushing thread at its next hand-on or at the end; the chunks still coming are dropped.
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            chunk.Clear();
            _spare.Add(chunk);
        }
    }

    private void Replay(Chunk chunk)
    {
        var text = new BytesRef(chunk.TermBytes);
        for (var term = 0; term < chunk.Terms.Count; term++)
        {
            var (textStart, textLength, stats) = chunk.Terms[term];
            text.Offset = textStart;
            text.Length = textLength;
            chunk.Postings.WriteUnion(_inner.StartTerm(text), new ReadOnlySpan<int>(in term));
            _inner.FinishTerm(text, stats);
        }
    }

    /// <summary>Terms and their postings, recorded as <see cref="RecordedPostings"/> records them.</summary>
    private sealed class Chunk(bool offsets)
    {
        public readonly RecordedPostings Postings = new(offsets);
        public readonly List<(int TextStart, int TextLength, TermStats Stats)> Terms = [];
        public byte[] TermBytes = new byte[1 << 10];
        private int _termBytes;
        private int _textStart;

        public PostingsConsumer StartTerm(BytesRef text)
        {
            if (TermBytes.Length < _termBytes + text.Length)
            {
                Array.Resize(ref TermBytes, Math.Max(2 * TermBytes.Length, _termBytes + text.Length));
            }

            text.Bytes.AsSpan(text.Offset, text.Length).CopyTo(TermBytes.AsSpan(_termBytes));
            _textStart = _termBytes;
            _termBytes += text.Length;
            Postings.StartTerm();
            return Postings;
        }

        public void FinishTerm(TermStats stats)
        {
            Postings.FinishTerm();
            Terms.Add((_textStart, _termBytes - _textStart, stats));
        }

        public void Clear()
        {
            Terms.Clear();
            Postings.Clear();
            _termBytes = 0;
        }
    }
}
