using Lucene.Net.Codecs;
using Lucene.Net.Util;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

public sealed class PipelinedTermsTests
{
    [Theory]
    [InlineData(1 << 20, false)] // one chunk: given on at the end, on the calling thread
    [InlineData(4, false)] // handed on a term or two at a time
    [InlineData(4, true)]
    [InlineData(1, true)]
    public void The_inner_consumer_gets_every_call_in_order_with_the_same_values(int chunkBytes, bool offsets)
    {
        var expected = new CallLog();
        var actual = new CallLog();
        Feed(expected, offsets, terms: 50);
        var pipelined = new PipelinedTerms(actual, offsets, chunkBytes);
        Feed(pipelined, offsets, terms: 50);
        pipelined.Dispose();

        Assert.Equal(expected.Calls, actual.Calls);
        Assert.Equal(chunkBytes < 1 << 20, actual.Threads.Any(thread => thread != Environment.CurrentManagedThreadId));
    }

    [Fact]
    public void A_failure_of_the_writing_thread_reaches_the_flush_with_its_own_type()
    {
        var failing = new CallLog { FailAtTerm = 7 };
        var pipelined = new PipelinedTerms(failing, offsets: true, chunkBytes: 4);

        var failure = Assert.ThrowsAny<IOException>(() => Feed(pipelined, offsets: true, terms: 200));
        pipelined.Dispose();

        Assert.Equal("disk full at term 7", failure.Message);
        Assert.Equal(7, failing.Calls.Count(call => call.StartsWith("term ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_flush_that_fails_before_its_end_stops_the_writing_thread()
    {
        var inner = new CallLog();
        var pipelined = new PipelinedTerms(inner, offsets: false, chunkBytes: 4);
        for (var term = 0; term < 100; term++)
        {
            AddTerm(pipelined, term, offsets: false);
        }

        // No Finish: the flush failed on the flushing thread, and Lucene closes the consumer.
        await Task.Run(pipelined.Dispose).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(inner.Calls, call => call.StartsWith("finish", StringComparison.Ordinal));
    }

    private static void Feed(TermsConsumer consumer, bool offsets, int terms)
    {
        long totalTermFreq = 0;
        long docFreq = 0;
        for (var term = 0; term < terms; term++)
        {
            var (df, ttf) = AddTerm(consumer, term, offsets);
            docFreq += df;
            totalTermFreq += ttf;
        }

        consumer.Finish(totalTermFreq, docFreq, 30);
    }

    /// <summary>Term <paramref name="term"/>: its own number of documents (some with many occurrences) and positions.</summary>
    private static (int DocFreq, long TotalTermFreq) AddTerm(TermsConsumer consumer, int term, bool offsets)
    {
        var text = new BytesRef($"term{term:D4}");
        var postings = consumer.StartTerm(text);
        var docs = 1 + (term % 5);
        long total = 0;
        for (var doc = 0; doc < docs; doc++)
        {
            var freq = 1 + ((term + doc) % 4) * 3;
            postings.StartDoc(doc * 3 + term % 3, freq);
            for (var i = 0; i < freq; i++)
            {
                var position = i * 2 + term % 7;
                postings.AddPosition(position, null!, offsets ? position * 6 : -1, offsets ? position * 6 + 5 : -1);
            }

            postings.FinishDoc();
            total += freq;
        }

        consumer.FinishTerm(text, new TermStats(docs, total));
        return (docs, total);
    }

    /// <summary>Writes down every call it gets, and from which thread; can fail with a full disk at a given term.</summary>
    private sealed class CallLog : TermsConsumer
    {
        private readonly Postings _postings;

        public CallLog()
        {
            _postings = new Postings(this);
        }

        public List<string> Calls { get; } = [];

        public HashSet<int> Threads { get; } = [];

        public int FailAtTerm { get; init; } = -1;

        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override PostingsConsumer StartTerm(BytesRef text)
        {
            var terms = Calls.Count(call => call.StartsWith("term ", StringComparison.Ordinal));
            if (terms == FailAtTerm)
            {
                throw new IOException($"disk full at term {terms}");
            }

            Log($"start {text.Utf8ToString()}");
            return _postings;
        }

        public override void FinishTerm(BytesRef text, TermStats stats) => Log($"term {text.Utf8ToString()} {stats.DocFreq} {stats.TotalTermFreq}");

        public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount) => Log($"finish {sumTotalTermFreq} {sumDocFreq} {docCount}");

        private void Log(string call)
        {
            Calls.Add(call);
            Threads.Add(Environment.CurrentManagedThreadId);
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
