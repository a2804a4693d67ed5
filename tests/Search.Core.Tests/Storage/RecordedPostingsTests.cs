using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

public sealed class RecordedPostingsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_union_holds_each_document_once_with_summed_frequencies_and_positions_in_order(bool offsets)
    {
        var forms = new RecordedPostings(offsets);
        var stem = new RecordedPostings(offsets);
        Record(forms, (1, [3, 9]), (4, [0]));
        Record(forms, (9, [1]));
        Record(forms, (1, [4]), (9, [0, 2]));
        Record(stem, (0, [2]), (1, [1, 5, 12]), (7, [8]));

        var written = new Written();
        var stats = forms.WriteUnion(written, [-1, 0, 2], stem);

        Assert.Equal(5, stats.DocFreq);
        Assert.Equal(11, stats.TotalTermFreq);
        Assert.Equal(["0:1 2", "1:6 1 3 4 5 9 12", "4:1 0", "7:1 8", "9:2 0 2"], written.Docs);
        Assert.All(written.Offsets, pair => Assert.Equal(offsets ? (10, 20) : (-1, -1), pair));
    }

    [Fact]
    public void Occurrences_keep_their_offsets_when_ordered_by_position()
    {
        var forms = new RecordedPostings(offsets: true);
        forms.StartTerm();
        forms.StartDoc(3, 2);
        forms.AddPosition(5, null!, 50, 55);
        forms.AddPosition(9, null!, 90, 95);
        forms.FinishTerm();
        forms.StartTerm();
        forms.StartDoc(3, 1);
        forms.AddPosition(7, null!, 70, 75);
        forms.FinishTerm();

        var written = new Written();
        forms.WriteUnion(written, [0, 1]);

        Assert.Equal(["3:3 5 7 9"], written.Docs);
        Assert.Equal([(50, 55), (70, 75), (90, 95)], written.Offsets);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_union_of_one_term_is_its_postings(bool offsets)
    {
        var forms = new RecordedPostings(offsets);
        Record(forms, (5, [1]));
        Record(forms, (2, [4, 6]));

        var written = new Written();
        var stats = forms.WriteUnion(written, [1]);

        Assert.Equal(1, stats.DocFreq);
        Assert.Equal(2, stats.TotalTermFreq);
        Assert.Equal(["2:2 4 6"], written.Docs);
        Assert.Equal([offsets ? (10, 20) : (-1, -1), offsets ? (10, 20) : (-1, -1)], written.Offsets);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Postings_over_many_blocks_come_back_whole_alone_and_in_a_union(bool offsets)
    {
        // Two terms of about 300 KB each, positions and documents far apart (multi-byte deltas), a few documents shared.
        var random = new Random(3);
        var forms = new RecordedPostings(offsets);
        var expected = new SortedDictionary<int, List<int>>();
        for (var term = 0; term < 2; term++)
        {
            forms.StartTerm();
            var doc = term;
            for (var d = 0; d < 2_000; d++)
            {
                doc += random.Next(1, 3) == 1 ? 2 : 1_000_000;
                var positions = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(0, 5_000_000)).Distinct().Order().ToArray();
                forms.StartDoc(doc, positions.Length);
                foreach (var position in positions)
                {
                    forms.AddPosition(position, null!, 10, 20);
                    (expected.TryGetValue(doc, out var list) ? list : expected[doc] = []).Add(position);
                }

                forms.FinishDoc();
            }

            forms.FinishTerm();
        }

        var union = new Written();
        var stats = forms.WriteUnion(union, [0, 1]);
        var first = new Written();
        forms.WriteUnion(first, [0]);

        Assert.Equal(expected.Count, stats.DocFreq);
        Assert.Equal(expected.Select(pair => $"{pair.Key}:{pair.Value.Count} {string.Join(' ', pair.Value.Order())}"), union.Docs);
        Assert.Equal(2_000, first.Docs.Count);
        Assert.All(union.Offsets, pair => Assert.Equal(offsets ? (10, 20) : (-1, -1), pair));
    }

    [Theory]
    [InlineData(IndexOptions.DOCS_ONLY)]
    [InlineData(IndexOptions.DOCS_AND_FREQS)]
    public void Postings_without_positions_come_back_as_given(IndexOptions options)
    {
        var postings = new RecordedPostings(options);
        postings.StartTerm();
        foreach (var (doc, freq) in new[] { (0, 3), (7, 1), (300_000, 200) })
        {
            postings.StartDoc(doc, options == IndexOptions.DOCS_ONLY ? -1 : freq);
            postings.FinishDoc();
        }

        postings.FinishTerm();

        var written = new Written();
        postings.WriteTerm(written, 0);

        Assert.Equal(options == IndexOptions.DOCS_ONLY ? ["0:-1", "7:-1", "300000:-1"] : ["0:3", "7:1", "300000:200"], written.Docs);
        Assert.Throws<InvalidOperationException>(() => postings.AddPosition(1, null!, -1, -1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_term_appended_from_another_recording_comes_back_as_that_term_across_blocks(bool offsets)
    {
        // Long enough to cross the 64 KB blocks of both recordings at different places.
        var random = new Random(5);
        var forms = new RecordedPostings(offsets);
        Record(forms, (1, [2]));
        var docs = Enumerable.Range(0, 9_000).Select(i => (i * 3, Enumerable.Range(0, 1 + random.Next(8)).Select(p => p * 70_000 + i).ToArray())).ToArray();
        Record(forms, docs);
        var target = new RecordedPostings(offsets);
        Record(target, (4, [1, 2, 3]), (9, [5]));
        target.StartTerm();
        target.Append(forms, 1);
        target.FinishTerm();
        Record(target, (2, [8]));

        var appended = new Written();
        target.WriteTerm(appended, 1);
        var original = new Written();
        forms.WriteTerm(original, 1);
        var after = new Written();
        target.WriteTerm(after, 2);

        Assert.Equal(docs.Length, appended.Docs.Count);
        Assert.Equal(original.Docs, appended.Docs);
        Assert.Equal(original.Offsets, appended.Offsets);
        Assert.Equal(["2:1 8"], after.Docs);
        Assert.Throws<ArgumentException>(() => new RecordedPostings(!offsets).Append(forms, 0));
    }

    private static void Record(RecordedPostings postings, params (int Doc, int[] Positions)[] docs)
    {
        postings.StartTerm();
        foreach (var (doc, positions) in docs)
        {
            postings.StartDoc(doc, positions.Length);
            foreach (var position in positions)
            {
                postings.AddPosition(position, null!, 10, 20);
            }

            postings.FinishDoc();
        }

        postings.FinishTerm();
    }

    private sealed class Written : PostingsConsumer
    {
        private string _doc = "";

        public List<string> Docs { get; } = [];

        public List<(int, int)> Offsets { get; } = [];

        public override void StartDoc(int docId, int freq) => _doc = $"{docId}:{freq}";

        public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset)
        {
            _doc += $" {position}";
            Offsets.Add((startOffset, endOffset));
        }

        public override void FinishDoc() => Docs.Add(_doc);
    }
}
