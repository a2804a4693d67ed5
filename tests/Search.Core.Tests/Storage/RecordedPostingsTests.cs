using Lucene.Net.Codecs;
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
        var first = new RecordedPostings(offsets);
        var other = new RecordedPostings(offsets);
        Record(first, "a", (1, [3, 9]), (4, [0]));
        Record(other, "b", (0, [2]), (1, [1, 5, 12]), (7, [8]));

        var written = new Written();
        var stats = RecordedPostings.WriteUnion(written, first, 0, other, 0);

        Assert.Equal(4, stats.DocFreq);
        Assert.Equal(8, stats.TotalTermFreq);
        Assert.Equal(["0:1 2", "1:5 1 3 5 9 12", "4:1 0", "7:1 8"], written.Docs);
        Assert.All(written.Offsets, pair => Assert.Equal(offsets ? (10, 20) : (-1, -1), pair));
        Assert.Equal("b", other.Text(0).Utf8ToString());
    }

    [Fact]
    public void Without_a_first_term_the_union_is_the_other_terms_postings()
    {
        var other = new RecordedPostings(offsets: false);
        Record(other, "x", (2, [4, 6]));

        var written = new Written();
        var stats = RecordedPostings.WriteUnion(written, other, -1, other, 0);

        Assert.Equal(1, stats.DocFreq);
        Assert.Equal(2, stats.TotalTermFreq);
        Assert.Equal(["2:2 4 6"], written.Docs);
    }

    private static void Record(RecordedPostings postings, string term, params (int Doc, int[] Positions)[] docs)
    {
        postings.StartTerm(new BytesRef(term), skip: 0);
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
