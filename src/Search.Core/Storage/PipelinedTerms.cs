using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Lucene.Net.Codecs;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Hands a field's terms to another thread to encode, in a flush or a merge: the terms and postings it is given are
/// copied into chunks of plain integers, which a worker gives to the inner consumer (Lucene's postings writer and terms
/// dictionary) in the same order, while the calling thread goes on reading the next terms (out of the writer's buffer
/// and making stems, or out of the merged segments). A flush at an import's commit ran on one thread while the other
/// core had nothing left to do; there the inner writer's encoding took about a third of it. A field whose terms fit in
/// one chunk (a refresh's few documents) is given to the inner consumer on the calling thread at its end, with no
/// worker. Positions fields only, without payloads.
/// </summary>
internal sealed class PipelinedTerms : TermsConsumer, IDisposable
{
    /// <summary>1 MB of postings a chunk; with two waiting for the worker and one it writes, a flush holds a few MB more.</summary>
    public const int DefaultChunkInts = 1 << 18;

    private readonly TermsConsumer _inner;
    private readonly bool _offsets;
    private readonly int _chunkInts;
    private readonly Recorder _recorder;
    private readonly BlockingCollection<Chunk> _full = new(boundedCapacity: 2);
    private readonly ConcurrentBag<Chunk> _spare = [];
    private Chunk _chunk;
    private Thread? _worker;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;
    private bool _disposed;

    /// <param name="offsets">Whether the field's postings hold offsets.</param>
    /// <param name="chunkInts">Integers of postings a chunk holds before it is handed on.</param>
    public PipelinedTerms(TermsConsumer inner, bool offsets, int chunkInts = DefaultChunkInts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkInts, 1);
        _inner = inner;
        _offsets = offsets;
        _chunkInts = chunkInts;
        // Small at first, growing to a chunk as terms come: most flushes in the service are a refresh's few documents.
        _chunk = new Chunk(Math.Min(chunkInts, 1 << 12));
        _recorder = new Recorder(this);
    }

    public override IComparer<BytesRef> Comparer => _inner.Comparer;

    public override PostingsConsumer StartTerm(BytesRef text)
    {
        _chunk.StartTerm(text);
        return _recorder;
    }

    public override void FinishTerm(BytesRef text, TermStats stats)
    {
        _chunk.FinishTerm(stats);
        if (_chunk.Ints >= _chunkInts)
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
        _chunk = _spare.TryTake(out var spare) ? spare : new Chunk(_chunkInts);
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
        var ints = chunk.Postings;
        var text = new BytesRef(chunk.TermBytes);
        foreach (var term in chunk.Terms)
        {
            text.Offset = term.TextStart;
            text.Length = term.TextLength;
            var postings = _inner.StartTerm(text);
            var at = term.Start;
            while (at < term.End)
            {
                var freq = ints[at + 1];
                postings.StartDoc(ints[at], freq);
                at += 2;
                if (_offsets)
                {
                    for (var i = 0; i < freq; i++, at += 3)
                    {
                        postings.AddPosition(ints[at], null!, ints[at + 1], ints[at + 2]);
                    }
                }
                else
                {
                    for (var i = 0; i < freq; i++, at++)
                    {
                        postings.AddPosition(ints[at], null!, -1, -1);
                    }
                }

                postings.FinishDoc();
            }

            _inner.FinishTerm(text, term.Stats);
        }
    }

    /// <summary>Terms and their postings as plain integers: per document its number and frequency, then per occurrence
    /// its position and, with offsets, its start and end offset.</summary>
    private sealed class Chunk(int capacity)
    {
        public int[] Postings = new int[capacity];
        public byte[] TermBytes = new byte[1 << 10];
        public readonly List<(int TextStart, int TextLength, int Start, int End, TermStats Stats)> Terms = [];
        public int Ints;
        private int _termBytes;
        private int _termStart;
        private int _textStart;
        private int _textLength;

        public void StartTerm(BytesRef text)
        {
            if (TermBytes.Length < _termBytes + text.Length)
            {
                Array.Resize(ref TermBytes, Math.Max(2 * TermBytes.Length, _termBytes + text.Length));
            }

            text.Bytes.AsSpan(text.Offset, text.Length).CopyTo(TermBytes.AsSpan(_termBytes));
            _textStart = _termBytes;
            _textLength = text.Length;
            _termBytes += text.Length;
            _termStart = Ints;
        }

        public void FinishTerm(TermStats stats) => Terms.Add((_textStart, _textLength, _termStart, Ints, stats));

        public void Add(int value)
        {
            if (Ints == Postings.Length)
            {
                Array.Resize(ref Postings, 2 * Postings.Length);
            }

            Postings[Ints++] = value;
        }

        public void Clear()
        {
            Terms.Clear();
            Ints = 0;
            _termBytes = 0;
        }
    }

    /// <summary>Takes a term's postings into the current chunk.</summary>
    private sealed class Recorder(PipelinedTerms owner) : PostingsConsumer
    {
        public override void StartDoc(int docId, int freq)
        {
            owner._chunk.Add(docId);
            owner._chunk.Add(freq);
        }

        public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset)
        {
            if (payload is { Length: > 0 })
            {
                throw new NotSupportedException("Postings with payloads cannot be handed on.");
            }

            var chunk = owner._chunk;
            chunk.Add(position);
            if (owner._offsets)
            {
                chunk.Add(startOffset);
                chunk.Add(endOffset);
            }
        }

        public override void FinishDoc()
        {
        }
    }
}
