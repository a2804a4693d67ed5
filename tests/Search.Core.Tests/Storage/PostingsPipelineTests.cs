using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

public sealed class PostingsPipelineTests
{
    private static readonly IndexOptions[] Options =
    [
        IndexOptions.DOCS_ONLY, IndexOptions.DOCS_AND_FREQS, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
        IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    ];

    [Theory]
    [InlineData(1 << 20)] // all fields in one chunk: given on at the end, on the calling thread
    [InlineData(4)] // handed on a term or two at a time
    [InlineData(1)]
    [InlineData(600)] // the worker started in a field's middle, after others waited
    public void The_inner_consumer_gets_every_field_and_call_in_order_with_the_same_values(int chunkBytes)
    {
        var expected = new CallLog();
        var actual = new CallLog();
        FeedFields(expected, terms: 50);
        using (var pipeline = new PostingsPipeline(actual, chunkBytes))
        {
            FeedFields(pipeline.AddField, terms: 50);
        }

        Assert.Equal(expected.Calls, actual.Calls);
        Assert.Equal(chunkBytes < 1 << 20, actual.Threads.Any(thread => thread != Environment.CurrentManagedThreadId));
    }

    [Fact]
    public void A_field_the_pipeline_does_not_carry_is_given_on_the_calling_thread_after_those_before_it()
    {
        var expected = new CallLog();
        var actual = new CallLog();
        var payloads = Field("payloads", IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, number: 9, payloads: true);
        Feed(expected.AddField(Field("a", IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, 0)), positions: true, offsets: false, terms: 40);
        Feed(expected.AddField(payloads), positions: true, offsets: false, terms: 5);
        Feed(expected.AddField(Field("z", IndexOptions.DOCS_ONLY, 1)), positions: false, offsets: false, terms: 40);
        using (var pipeline = new PostingsPipeline(actual, chunkBytes: 4))
        {
            Feed(pipeline.AddField(Field("a", IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, 0)), positions: true, offsets: false, terms: 40);
            Assert.False(PostingsPipeline.Carries(payloads));
            Assert.Throws<ArgumentException>(() => pipeline.AddField(payloads));
            pipeline.Drain();
            Feed(actual.AddField(payloads), positions: true, offsets: false, terms: 5);
            Feed(pipeline.AddField(Field("z", IndexOptions.DOCS_ONLY, 1)), positions: false, offsets: false, terms: 40);
        }

        Assert.Equal(expected.Calls, actual.Calls);
    }

    [Fact]
    public void A_failure_of_the_writing_thread_reaches_the_flush_with_its_own_type()
    {
        var failing = new CallLog { FailAtTerm = 7 };
        var pipeline = new PostingsPipeline(failing, chunkBytes: 4);

        var failure = Assert.ThrowsAny<IOException>(() => FeedFields(pipeline.AddField, terms: 200));
        pipeline.Dispose();

        Assert.Equal("disk full at term 7", failure.Message);
        Assert.Equal(7, failing.Calls.Count(call => call.StartsWith("term ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_failure_after_the_last_field_was_given_is_thrown_when_the_consumer_closes()
    {
        // The worker meets it after the calling thread has given every field: only the close can tell the flush.
        var failing = new CallLog { FailAtTerm = 45 };
        var pipeline = new PostingsPipeline(failing, chunkBytes: 1 << 9);
        Feed(pipeline.AddField(Field("a", IndexOptions.DOCS_ONLY, 0)), positions: false, offsets: false, terms: 50);

        var failure = Assert.ThrowsAny<IOException>(pipeline.Dispose);

        Assert.Equal("disk full at term 45", failure.Message);
    }

    [Fact]
    public async Task A_flush_that_fails_before_its_end_stops_the_writing_thread()
    {
        var inner = new CallLog();
        var pipeline = new PostingsPipeline(inner, chunkBytes: 4);
        var terms = pipeline.AddField(Field("a", IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, 0));
        for (var term = 0; term < 100; term++)
        {
            AddTerm(terms, term, positions: true, offsets: false);
        }

        // No Finish: the flush failed on the flushing thread, and Lucene closes the consumer.
        await Task.Run(pipeline.Dispose).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(inner.Calls, call => call.StartsWith("finish", StringComparison.Ordinal));
    }

    /// <summary>A field of each kind of postings, in name order, as a flush gives them.</summary>
    private static void FeedFields(Func<FieldInfo, TermsConsumer> addField, int terms)
    {
        for (var i = 0; i < Options.Length; i++)
        {
            var options = Options[i];
            var positions = options >= IndexOptions.DOCS_AND_FREQS_AND_POSITIONS;
            Feed(addField(Field($"field{i}", options, i)), positions, offsets: options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, terms + i);
        }
    }

    private static void FeedFields(CallLog log, int terms) => FeedFields(log.AddField, terms);

    private static FieldInfo Field(string name, IndexOptions options, int number, bool payloads = false) =>
        new(name, indexed: true, number, storeTermVector: false, omitNorms: false, payloads, options, DocValuesType.NONE, DocValuesType.NONE, null);

    private static void Feed(TermsConsumer consumer, bool positions, bool offsets, int terms)
    {
        long totalTermFreq = 0;
        long docFreq = 0;
        for (var term = 0; term < terms; term++)
        {
            var (df, ttf) = AddTerm(consumer, term, positions, offsets);
            docFreq += df;
            totalTermFreq += ttf;
        }

        consumer.Finish(positions ? totalTermFreq : -1, docFreq, 30);
    }

    /// <summary>Term <paramref name="term"/>: its own number of documents (some with many occurrences) and, for a field
    /// with them, positions; a field without frequencies gets -1 for each, as Lucene gives them.</summary>
    private static (int DocFreq, long TotalTermFreq) AddTerm(TermsConsumer consumer, int term, bool positions, bool offsets)
    {
        var text = new BytesRef($"term{term:D4}");
        var postings = consumer.StartTerm(text);
        var docs = 1 + (term % 5);
        long total = 0;
        for (var doc = 0; doc < docs; doc++)
        {
            var freq = 1 + ((term + doc) % 4) * 3;
            postings.StartDoc(doc * 3 + term % 3, positions ? freq : -1);
            for (var i = 0; positions && i < freq; i++)
            {
                var position = i * 2 + term % 7;
                postings.AddPosition(position, null!, offsets ? position * 6 : -1, offsets ? position * 6 + 5 : -1);
            }

            postings.FinishDoc();
            total += freq;
        }

        consumer.FinishTerm(text, new TermStats(docs, positions ? total : -1));
        return (docs, total);
    }

    /// <summary>Writes down every call it gets, and from which thread; can fail with a full disk at a given term.</summary>
    private sealed class CallLog : FieldsConsumer
    {
        public List<string> Calls { get; } = [];

        public HashSet<int> Threads { get; } = [];

        public int FailAtTerm { get; init; } = -1;

        public override TermsConsumer AddField(FieldInfo field)
        {
            Log($"field {field.Name} {field.IndexOptions}");
            return new Terms(this);
        }

        protected override void Dispose(bool disposing) => Log("closed");

        private void Log(string call)
        {
            Calls.Add(call);
            Threads.Add(Environment.CurrentManagedThreadId);
        }

        private sealed class Terms(CallLog log) : TermsConsumer
        {
            private readonly Postings _postings = new(log);

            public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

            public override PostingsConsumer StartTerm(BytesRef text)
            {
                var terms = log.Calls.Count(call => call.StartsWith("term ", StringComparison.Ordinal));
                if (terms == log.FailAtTerm)
                {
                    throw new IOException($"disk full at term {terms}");
                }

                log.Log($"start {text.Utf8ToString()}");
                return _postings;
            }

            public override void FinishTerm(BytesRef text, TermStats stats) => log.Log($"term {text.Utf8ToString()} {stats.DocFreq} {stats.TotalTermFreq}");

            public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount) => log.Log($"finish {sumTotalTermFreq} {sumDocFreq} {docCount}");
        }

        private sealed class Postings(CallLog log) : PostingsConsumer
        {
            public override void StartDoc(int docId, int freq) => log.Log($"doc {docId} {freq}");

            public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset) =>
                log.Log($"position {position} {startOffset} {endOffset} {payload?.Length ?? 0}");

            public override void FinishDoc() => log.Log("end doc");
        }
    }
}
