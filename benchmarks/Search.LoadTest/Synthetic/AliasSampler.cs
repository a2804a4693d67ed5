namespace Search.LoadTest.Synthetic;

/// <summary>Draws indexes in proportion to fixed weights in constant time (Vose's alias method).</summary>
public sealed class AliasSampler
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasSampler(IReadOnlyList<double> weights)
    {
        var n = weights.Count;
        _probability = new double[n];
        _alias = new int[n];
        var total = weights.Sum();
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var less = small.Pop();
            var more = large.Pop();
            _probability[less] = scaled[less];
            _alias[less] = more;
            scaled[more] += scaled[less] - 1;
            (scaled[more] < 1 ? small : large).Push(more);
        }

        // What is left holds (up to rounding) exactly one slot's worth each.
        foreach (var i in large.Concat(small))
        {
            _probability[i] = 1;
            _alias[i] = i;
        }
    }

    public int Count => _probability.Length;

    public int Next(Random random)
    {
        var slot = random.Next(_probability.Length);
        return random.NextDouble() < _probability[slot] ? slot : _alias[slot];
    }
}
