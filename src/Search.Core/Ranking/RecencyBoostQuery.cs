using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Ranking;

/// <summary>
/// Multiplies a query's score by <c>1 + 2^(-age / halfLife)</c>: a story published now scores up to twice what an equally
/// relevant old one does, one a half-life old one and a half times. Undated stories get no boost. Age is measured from
/// <paramref name="now"/>, fixed per request so every segment sees the same clock.
/// </summary>
internal sealed class RecencyBoostQuery(Query query, TimeSpan halfLife, DateTimeOffset now) : CustomScoreQuery(query)
{
    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) =>
        new Provider(context, halfLife.TotalSeconds, now.ToUnixTimeSeconds());

    private sealed class Provider : CustomScoreProvider
    {
        private readonly NumericDocValues? _published;
        private readonly IBits? _hasPublished;
        private readonly double _halfLifeSeconds;
        private readonly long _now;

        public Provider(AtomicReaderContext context, double halfLifeSeconds, long now)
            : base(context)
        {
            _published = context.AtomicReader.GetNumericDocValues(NewsFields.PublishedAt);
            _hasPublished = context.AtomicReader.GetDocsWithField(NewsFields.PublishedAt);
            _halfLifeSeconds = halfLifeSeconds;
            _now = now;
        }

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore)
        {
            if (_published is null || _hasPublished is null || !_hasPublished.Get(doc))
            {
                return subQueryScore;
            }

            var ageSeconds = Math.Max(0, _now - _published.Get(doc));
            return subQueryScore * (1f + (float)Math.Pow(2, -ageSeconds / _halfLifeSeconds));
        }
    }
}
