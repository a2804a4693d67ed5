using Search.Core.Analysis;

namespace Search.Core.Documents;

/// <summary>
/// A 64-bit SimHash of an article's text over overlapping three-word shingles of folded words. Copies of one wire story
/// that differ in punctuation, diacritics or a few words land within a few bits of each other; unrelated stories,
/// even on the same topic, land about half the bits apart. Pure and thread-safe.
/// </summary>
public static class NearDuplicateHash
{
    /// <summary>Hashes at most this many bits apart are copies of one story.</summary>
    public const int MaxDistance = 6;

    private const int ShingleSize = 3;
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static long Of(NewsArticle article)
    {
        var text = !string.IsNullOrWhiteSpace(article.Body) ? article.Body
            : !string.IsNullOrWhiteSpace(article.Lead) ? article.Lead
            : article.Title;
        return Of(text);
    }

    public static long Of(string text)
    {
        var words = Words(ArabicOrthography.Fold(text));
        Span<int> weights = stackalloc int[64];
        var shingles = Math.Max(1, words.Count - ShingleSize + 1);
        for (var i = 0; i < shingles; i++)
        {
            var hash = FnvOffset;
            for (var j = i; j < Math.Min(words.Count, i + ShingleSize); j++)
            {
                foreach (var c in words[j])
                {
                    hash = (hash ^ c) * FnvPrime;
                }

                hash = (hash ^ ' ') * FnvPrime;
            }

            hash = Mix(hash);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return unchecked((long)result);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount((ulong)(a ^ b));

    public static bool AreNearDuplicates(long a, long b) => Distance(a, b) <= MaxDistance;

    private static List<string> Words(string folded)
    {
        var words = new List<string>(folded.Length / 5);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>FNV's low bits are weak for short inputs; a final avalanche (SplitMix64) spreads every input bit over all 64.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
