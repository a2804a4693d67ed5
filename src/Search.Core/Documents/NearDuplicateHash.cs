using System.Runtime.Intrinsics;
using Search.Core.Analysis;

namespace Search.Core.Documents;

/// <summary>
/// A 64-bit SimHash of an article's text over overlapping three-word shingles of folded words. Copies of one wire story
/// that differ in punctuation, diacritics or a few words land within a few bits of each other; unrelated stories,
/// even on the same topic, land about half the bits apart. Pure and thread-safe.
/// </summary>
public static class NearDuplicateHash
{
    /// <summary>
    /// Hashes at most this many bits apart are copies of one story. Measured on the shared news corpus: pairs within 8 bits
    /// share at least 60% of their words (most share over 80%); unrelated pairs start to appear from 11 bits.
    /// </summary>
    public const int MaxDistance = 8;

    private const int ShingleSize = 3;
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>For each byte value, eight lanes of +1 (bit set) or -1 (bit clear), lowest bit first: a shingle's 64
    /// votes become eight vector additions instead of 64 scalar ones (the hash was 4 % of indexing's CPU time).</summary>
    private static readonly Vector256<int>[] ByteVotes = [.. Enumerable.Range(0, 256).Select(value =>
        Vector256.Create([.. Enumerable.Range(0, 8).Select(bit => ((value >> bit) & 1) * 2 - 1)]))];

    public static long Of(NewsArticle article)
    {
        var text = !string.IsNullOrWhiteSpace(article.Body) ? article.Body
            : !string.IsNullOrWhiteSpace(article.Lead) ? article.Lead
            : article.Title;
        return Of(text);
    }

    public static long Of(string text)
    {
        // One pass, no allocation: fold each character as the analyzer would, hash each word with FNV-1a, and combine
        // the last three word hashes into a shingle hash.
        Span<Vector256<int>> weights = stackalloc Vector256<int>[8];
        ulong previous2 = 0, previous1 = 0, word = FnvOffset;
        var wordLength = 0;
        var words = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            // Kept as the first release folded, hamza seats included: the hash is stored and must never change.
            var c = i < text.Length ? ArabicOrthography.FoldCharacterKeepingHamzaSeats(text[i]) : ' ';
            if (c == '\0')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word = (word ^ c) * FnvPrime;
                wordLength++;
                continue;
            }

            if (wordLength == 0)
            {
                continue;
            }

            words++;
            if (words >= ShingleSize)
            {
                AddFeature(weights, Mix((previous2 * 31 * 31) + (previous1 * 31) + word));
            }

            (previous2, previous1, word, wordLength) = (previous1, word, FnvOffset, 0);
        }

        if (words is > 0 and < ShingleSize)
        {
            AddFeature(weights, Mix((previous2 * 31) + previous1));
        }

        ulong result = 0;
        for (var part = 0; part < 8; part++)
        {
            result |= (ulong)Vector256.GreaterThan(weights[part], Vector256<int>.Zero).ExtractMostSignificantBits() << (8 * part);
        }

        return unchecked((long)result);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount((ulong)(a ^ b));

    public static bool AreNearDuplicates(long a, long b) => Distance(a, b) <= MaxDistance;

    /// <summary>Each bit of the hash votes for its bit of the result: +1 when set, -1 when clear.</summary>
    private static void AddFeature(Span<Vector256<int>> weights, ulong hash)
    {
        for (var part = 0; part < 8; part++)
        {
            weights[part] += ByteVotes[(int)((hash >> (8 * part)) & 0xFF)];
        }
    }

    /// <summary>FNV's low bits are weak for short inputs; a final avalanche (SplitMix64) spreads every input bit over all 64.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
