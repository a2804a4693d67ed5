using Lucene.Net.Search;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

public sealed class CompetitiveScoreCollectorTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(10, 3)]
    [InlineData(51, 11)]
    public void The_least_competitive_score_is_the_lowest_of_the_best_so_far_and_every_document_goes_on(int hits, int seed)
    {
        var random = new Random(seed);
        var counted = new TotalHitCountCollector();
        var collector = new CompetitiveScoreCollector(counted, hits);
        var scorer = new GivenScore();
        collector.SetScorer(scorer);
        var seen = new List<float>();

        for (var doc = 0; doc < 500; doc++)
        {
            // Ties too: scores on a coarse grid.
            scorer.Score = random.Next(200) / 8f;
            collector.Collect(doc);
            seen.Add(scorer.Score);

            var expected = seen.Count < hits ? float.NegativeInfinity : seen.OrderDescending().ElementAt(hits - 1);
            Assert.Equal(expected, collector.MinCompetitiveScore);
        }

        Assert.Equal(500, counted.TotalHits);
    }

    [Fact]
    public void Asks_for_at_least_one_hit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompetitiveScoreCollector(new TotalHitCountCollector(), 0));
    }

    private sealed class GivenScore() : Scorer(null)
    {
        public float Score { get; set; }

        public override int DocID => -1;

        public override int Freq => 1;

        public override float GetScore() => Score;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 1;
    }
}
