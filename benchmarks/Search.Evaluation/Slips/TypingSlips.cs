using Search.Core.Spelling;

namespace Search.Evaluation.Slips;

/// <summary>
/// Puts one typing slip of a given kind into a query: on a word of at least <see cref="MinWordLength"/> Arabic letters
/// (or, to run two words together, on two Arabic words one space apart), at a position drawn uniformly. Deterministic
/// for a given <see cref="Random"/>. Thread-safe (no state).
/// </summary>
public static class TypingSlips
{
    /// <summary>Shorter words are mostly particles (في، من، ما), where a slip leaves another particle or nothing.</summary>
    public const int MinWordLength = 3;

    /// <summary>The query with one slip of <paramref name="kind"/>; null when it has no place for that kind.</summary>
    public static string? Apply(string query, SlipKind kind, Random random)
    {
        var words = ArabicWords(query);
        if (kind == SlipKind.RunTogether)
        {
            var spaces = Enumerable.Range(0, words.Count - 1)
                .Where(i => words[i + 1].Start - words[i].End == 1 && query[words[i].End] == ' ')
                .Select(i => words[i].End)
                .ToList();
            return spaces.Count == 0 ? null : query.Remove(spaces[random.Next(spaces.Count)], 1);
        }

        var sites = words.Where(word => word.Length >= MinWordLength)
            .SelectMany(word => Enumerable.Range(word.Start, word.Length).Where(i => Fits(kind, query, i, word.End)))
            .ToList();
        if (sites.Count == 0)
        {
            return null;
        }

        var at = sites[random.Next(sites.Count)];
        return kind switch
        {
            SlipKind.DroppedLetter => query.Remove(at, 1),
            SlipKind.SwappedLetters => string.Concat(query.AsSpan(0, at), query.AsSpan(at + 1, 1), query.AsSpan(at, 1), query.AsSpan(at + 2)),
            SlipKind.DoubledLetter => query.Insert(at, query[at].ToString()),
            SlipKind.KeyboardNeighbour => Replace(query, at, ArabicKeyboard.NeighboursOf(query[at]), random),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Whether a slip of <paramref name="kind"/> can happen at <paramref name="at"/> and change the text.</summary>
    private static bool Fits(SlipKind kind, string query, int at, int wordEnd) => kind switch
    {
        SlipKind.SwappedLetters => at + 1 < wordEnd && query[at] != query[at + 1],
        SlipKind.KeyboardNeighbour => ArabicKeyboard.NeighboursOf(query[at]).Length > 0,
        _ => true,
    };

    private static string Replace(string query, int at, string neighbours, Random random) =>
        string.Concat(query.AsSpan(0, at), neighbours.AsSpan(random.Next(neighbours.Length), 1), query.AsSpan(at + 1));

    /// <summary>Runs of Arabic letters (U+0621–U+064A): the words a slip may touch.</summary>
    private static List<(int Start, int End, int Length)> ArabicWords(string text)
    {
        var words = new List<(int, int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (!IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsLetter(text[i]))
            {
                i++;
            }

            words.Add((start, i, i - start));
        }

        return words;
    }

    private static bool IsLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
