using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Ranking;

/// <summary>
/// Hands every document on to the collector it wraps and keeps the best <c>hits</c> scores seen, so a scorer can ask
/// how well a document must score to be among them (<see cref="MinCompetitiveScore"/>) and skip work that cannot get it
/// there: <see cref="WindowedDisjunctionScorer"/> then leaves out the proximity bonus of documents whose score, with
/// the largest bonus they could earn, stays below it. Only for a collector that keeps the <c>hits</c> best by score, the
/// score first in its sort and no earlier page to start after; it must be the outermost collector, the one the scorer
/// is handed.
/// </summary>
internal sealed class CompetitiveScoreCollector : ICollector
{
    private readonly ICollector _inner;

    // The best scores so far, a min-heap: its root is the lowest of them.
    private readonly float[] _best;
    private int _count;
    private Scorer? _scorer;

    public CompetitiveScoreCollector(ICollector inner, int hits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hits, 1);
        _inner = inner;
        _best = new float[hits];
    }

    /// <summary>The score a document must at least reach to be among the best so far; negative infinity until as many
    /// documents as wanted were seen. A document scoring below it is never among the collector's hits.</summary>
    public float MinCompetitiveScore => _count < _best.Length ? float.NegativeInfinity : _best[0];

    public bool AcceptsDocsOutOfOrder => _inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        _inner.SetScorer(scorer);
    }

    public void SetNextReader(AtomicReaderContext context) => _inner.SetNextReader(context);

    public void Collect(int doc)
    {
        _inner.Collect(doc);
        var score = _scorer!.GetScore();
        if (_count < _best.Length)
        {
            _best[_count] = score;
            SiftUp(_count++);
        }
        else if (score > _best[0])
        {
            _best[0] = score;
            SiftDown(0);
        }
    }

    private void SiftUp(int i)
    {
        while (i > 0 && _best[(i - 1) / 2] > _best[i])
        {
            (_best[(i - 1) / 2], _best[i]) = (_best[i], _best[(i - 1) / 2]);
            i = (i - 1) / 2;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var least = i;
            var left = (2 * i) + 1;
            if (left < _count && _best[left] < _best[least])
            {
                least = left;
            }

            if (left + 1 < _count && _best[left + 1] < _best[least])
            {
                least = left + 1;
            }

            if (least == i)
            {
                return;
            }

            (_best[least], _best[i]) = (_best[i], _best[least]);
            i = least;
        }
    }
}
