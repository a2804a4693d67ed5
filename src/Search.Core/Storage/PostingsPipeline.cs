using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Hands a flush's or a merge's terms to one other thread to encode, field after field: each field's terms and
/// postings are recorded into chunks (<see cref="RecordedPostings"/>), which a worker gives to the inner consumer
/// (Lucene's postings writer and terms dictionary) in the same order, while the calling thread goes on reading the next
/// terms and fields (out of the writer's buffer and making stems, or out of the merged segments). A flush at an import's
/// commit ran on one thread while the other core had nothing left to do; there the inner writer's encoding took about a
/// third of it. One worker for all fields, so that the calling thread sorts the next field's terms while the last
/// field's are encoded: with a worker a field, waited for at each field's end, the identifiers' and dates' terms were
/// encoded on the calling thread and the text field's sort then waited for them. A flush whose terms fit in one chunk
/// (a refresh's few documents) is given to the inner consumer on the calling thread at its end, with no worker.
/// </summary>
internal sealed class PostingsPipeline : IDisposable
{
    /// <summary>256 KB of recorded postings and term text a chunk.</summary>
    public const int DefaultChunkBytes = 1 << 18;

    /// <summary>
    /// Steps waiting for the worker at most (chunks, and the small steps that start and finish fields): with 256 KB
    /// chunks, 16 MB more held by a flush at most. Enough for the identifiers' and dates' terms of the shared news
    /// articles (fields encoded slower than they are recorded) to be recorded while the worker encodes them, so that the
    /// text field's terms are sorted meanwhile: with 4, the calling thread waited for the worker before that sort.
    /// </summary>
    private const int QueuedSteps = 64;

    private readonly FieldsConsumer _inner;
    private readonly int _chunkBytes;
    private readonly List<Step> _waiting = [];
    private readonly ConcurrentBag<Chunk> _spare = [];
    private long _waitingBytes;
    private BlockingCollection<Step>? _queue;
    private Thread? _worker;
    private FieldTerms? _open;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;
    private bool _disposed;

    /// <param name="chunkBytes">Bytes of recorded postings and term text a chunk holds before it is handed on.</param>
    public PostingsPipeline(FieldsConsumer inner, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        _inner = inner;
        _chunkBytes = chunkBytes;
    }

    /// <summary>Whether a field's postings can go through the pipeline: indexed, without payloads (which are not
    /// recorded).</summary>
    public static bool Carries(FieldInfo field) => field.IsIndexed && !field.HasPayloads;

    /// <summary>The consumer of a field's terms that records them for the worker; the field before it must be finished.</summary>
    public TermsConsumer AddField(FieldInfo field)
    {
        if (!Carries(field))
        {
            throw new ArgumentException($"Field {field.Name} has payloads or no postings; give it to the inner consumer after Drain.", nameof(field));
        }

        ThrowIfOpen();
        _failure?.Throw();
        _open = new FieldTerms(this, field);
        Send(new Step(_open, null, Finish: null));
        return _open;
    }

    /// <summary>Writes everything recorded so far and waits for it, so that the inner consumer can be given a field on
    /// the calling thread (one with payloads).</summary>
    public void Drain()
    {
        ThrowIfOpen();
        Complete();
    }

    /// <summary>Writes what is left and waits for it, when every field has been finished (throwing what the worker
    /// met); otherwise (the flush or merge failed before its end, and Lucene closes the consumer) drops it and stops
    /// the worker.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_open is null)
        {
            Complete();
            return;
        }

        _abandoned = true;
        StopWorker();
        _waiting.Clear();
    }

    private void ThrowIfOpen()
    {
        if (_open is not null)
        {
            throw new InvalidOperationException($"Field {_open.Field.Name} is not finished.");
        }
    }

    private void Complete()
    {
        if (_worker is not null)
        {
            StopWorker();
            _failure?.Throw();
            return;
        }

        // Never handed on: written here, in order.
        foreach (var step in _waiting)
        {
            Run(step);
        }

        _waiting.Clear();
        _waitingBytes = 0;
    }

    private void Send(Step step)
    {
        _failure?.Throw();
        if (_queue is not null)
        {
            _queue.Add(step);
            return;
        }

        _waiting.Add(step);
        _waitingBytes += step.Chunk?.Bytes ?? 0;
        if (_waitingBytes >= _chunkBytes)
        {
            _queue = new BlockingCollection<Step>(boundedCapacity: QueuedSteps);
            _worker = new Thread(Work) { IsBackground = true, Name = "postings-writer" };
            _worker.Start(_queue);
            foreach (var waiting in _waiting)
            {
                _queue.Add(waiting);
            }

            _waiting.Clear();
            _waitingBytes = 0;
        }
    }

    private void StopWorker()
    {
        if (_worker is null || _queue is null)
        {
            return;
        }

        _queue.CompleteAdding();
        _worker.Join();
        _queue.Dispose();
        _queue = null;
        _worker = null;
    }

    private void Work(object? state)
    {
        foreach (var step in ((BlockingCollection<Step>)state!).GetConsumingEnumerable())
        {
            if (_failure is null && !_abandoned)
            {
                try
                {
                    Run(step);
                }
                catch (Exception ex)
                {
                    // Told to the calling thread at its next step or at the end; the steps still coming are dropped.
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            if (step.Chunk is { } chunk)
            {
                chunk.Clear();
                _spare.Add(chunk);
            }
        }
    }

    private void Run(Step step)
    {
        var field = step.Field;
        if (step.Chunk is { } chunk)
        {
            chunk.Replay(field.Inner!);
        }
        else if (step.Finish is { } finish)
        {
            field.Inner!.Finish(finish.SumTotalTermFreq, finish.SumDocFreq, finish.DocCount);
        }
        else
        {
            field.Inner = _inner.AddField(field.Field);
        }
    }

    private Chunk TakeChunk(IndexOptions options)
    {
        var chunk = _spare.TryTake(out var spare) ? spare : new Chunk();
        chunk.Start(options);
        return chunk;
    }

    /// <summary>A field's start (neither chunk nor finish), some of its terms, or its finish.</summary>
    private readonly record struct Step(FieldTerms Field, Chunk? Chunk, (long SumTotalTermFreq, long SumDocFreq, int DocCount)? Finish);

    /// <summary>Takes one field's terms on the calling thread, recording them into chunks for the worker.</summary>
    private sealed class FieldTerms : TermsConsumer
    {
        private readonly PostingsPipeline _pipeline;
        private Chunk _chunk;

        public FieldTerms(PostingsPipeline pipeline, FieldInfo field)
        {
            _pipeline = pipeline;
            Field = field;
            _chunk = pipeline.TakeChunk(field.IndexOptions);
        }

        public FieldInfo Field { get; }

        /// <summary>The inner consumer's terms consumer for the field, made and used on the worker.</summary>
        public TermsConsumer? Inner { get; set; }

        /// <summary>
        /// Byte order, as Lucene's terms dictionary (<c>BlockTreeTermsWriter</c>) sorts every field: fixed here, since
        /// the inner consumer's own is made on the worker, once the field before has been written.
        /// </summary>
        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override PostingsConsumer StartTerm(BytesRef text) => _chunk.StartTerm(text);

        public override void FinishTerm(BytesRef text, TermStats stats)
        {
            _chunk.FinishTerm(stats);
            if (_chunk.Bytes >= _pipeline._chunkBytes)
            {
                _pipeline.Send(new Step(this, _chunk, Finish: null));
                _chunk = _pipeline.TakeChunk(Field.IndexOptions);
            }
        }

        public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
        {
            if (_chunk.Count > 0)
            {
                _pipeline.Send(new Step(this, _chunk, Finish: null));
            }
            else
            {
                _pipeline._spare.Add(_chunk);
            }

            _pipeline._open = null;
            _pipeline.Send(new Step(this, null, (sumTotalTermFreq, sumDocFreq, docCount)));
        }
    }

    /// <summary>Terms and their postings, recorded as <see cref="RecordedPostings"/> records them.</summary>
    private sealed class Chunk
    {
        private readonly List<(int TextStart, int TextLength, TermStats Stats)> _terms = [];
        private byte[] _termBytes = new byte[1 << 10];
        private int _termBytesLength;
        private int _textStart;

        public RecordedPostings Postings { get; private set; } = null!;

        public int Count => _terms.Count;

        /// <summary>Postings and term text recorded.</summary>
        public long Bytes => Postings.Length + _termBytesLength;

        /// <summary>Makes the chunk record a field indexed with <paramref name="options"/>, keeping its postings' blocks
        /// when it recorded one so indexed before.</summary>
        public void Start(IndexOptions options)
        {
            if (Postings is null || Postings.Options != options)
            {
                Postings = new RecordedPostings(options);
            }
        }

        public PostingsConsumer StartTerm(BytesRef text)
        {
            if (_termBytes.Length < _termBytesLength + text.Length)
            {
                Array.Resize(ref _termBytes, Math.Max(2 * _termBytes.Length, _termBytesLength + text.Length));
            }

            text.Bytes.AsSpan(text.Offset, text.Length).CopyTo(_termBytes.AsSpan(_termBytesLength));
            _textStart = _termBytesLength;
            _termBytesLength += text.Length;
            Postings.StartTerm();
            return Postings;
        }

        public void FinishTerm(TermStats stats)
        {
            Postings.FinishTerm();
            _terms.Add((_textStart, _termBytesLength - _textStart, stats));
        }

        public void Replay(TermsConsumer consumer)
        {
            var text = new BytesRef(_termBytes);
            for (var term = 0; term < _terms.Count; term++)
            {
                var (textStart, textLength, stats) = _terms[term];
                text.Offset = textStart;
                text.Length = textLength;
                Postings.WriteTerm(consumer.StartTerm(text), term);
                consumer.FinishTerm(text, stats);
            }
        }

        public void Clear()
        {
            _terms.Clear();
            Postings.Clear();
            _termBytesLength = 0;
        }
    }
}
