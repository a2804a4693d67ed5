namespace Search.LoadTest.Synthetic;

/// <summary>
/// The generator's vocabulary: the real words with their real frequencies, plus, for a corpus larger than the real one,
/// new word forms for the ranks past the real vocabulary, weighted by a Zipf law fitted to the real rank-frequency
/// curve and as many as Heaps' law predicts for the target size. A bigger corpus thus keeps growing its vocabulary as
/// real text does instead of recycling a fixed word list.
/// </summary>
public sealed class ZipfVocabulary
{
    private const int FitFromRank = 100;
    private const int FitMinCount = 3;
    private const int MaxWords = 20_000_000;
    private const string ArabicLetters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private readonly string[] _words;
    private readonly AliasSampler _sampler;

    private ZipfVocabulary(string[] words, double[] weights, double zipfExponent, int observed)
    {
        _words = words;
        _sampler = new AliasSampler(weights);
        ZipfExponent = zipfExponent;
        ObservedWords = observed;
    }

    /// <summary>The fitted s of frequency ∝ rank^-s over the real tail.</summary>
    public double ZipfExponent { get; }

    public int ObservedWords { get; }

    public int Count => _words.Length;

    public static ZipfVocabulary Build(CorpusStatistics statistics, long targetTokens, int seed)
    {
        var ranked = statistics.RankedWords;
        var observed = ranked.Count;
        var points = new List<(double X, double Y)>();
        for (double rank = FitFromRank; rank <= observed && ranked[(int)rank - 1].Count >= FitMinCount; rank *= 1.05)
        {
            points.Add((rank, ranked[(int)rank - 1].Count));
        }

        var (scale, slope) = CorpusStatistics.FitPowerLaw(points);
        var exponent = -slope;
        var predicted = statistics.HeapsK * Math.Pow(targetTokens, statistics.HeapsBeta);
        var total = (int)Math.Clamp(predicted, observed, MaxWords);

        var words = new string[total];
        var weights = new double[total];
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < observed; i++)
        {
            words[i] = ranked[i].Word;
            weights[i] = ranked[i].Count;
            known.Add(ranked[i].Word);
        }

        // New forms: a rare real word with one inner letter changed, which looks like the real long tail (names,
        // inflections, typos) to the analyzer.
        var random = new Random(seed);
        var rare = ranked.Skip(observed / 2).Where(entry => entry.Word.Length >= 4).Select(entry => entry.Word).ToArray();
        for (var i = observed; i < total; i++)
        {
            string word;
            do
            {
                var letters = rare[random.Next(rare.Length)].ToCharArray();
                letters[1 + random.Next(letters.Length - 2)] = ArabicLetters[random.Next(ArabicLetters.Length)];
                word = new string(letters);
            }
            while (!known.Add(word));

            words[i] = word;
            weights[i] = scale * Math.Pow(i + 1, slope);
        }

        return new ZipfVocabulary(words, weights, exponent, observed);
    }

    /// <summary>A word's rank (0-based), drawn by frequency.</summary>
    public int NextRank(Random random) => _sampler.Next(random);

    public string this[int rank] => _words[rank];
}
