namespace Search.Core.Suggesting;

/// <summary>
/// Shares the list between the three kinds: about half for words (what the reader is typing right now), a quarter for
/// phrases, the rest for titles; a kind that has fewer leaves its places to the others, in that order. A suggestion
/// whose text another already offers (a two-word title that is also a phrase) is shown once, as the first kind.
/// </summary>
internal static class SuggestionMix
{
    public static IReadOnlyList<Suggestion> Combine(IReadOnlyList<Suggestion> words, IReadOnlyList<Suggestion> phrases, IReadOnlyList<Suggestion> titles, int size)
    {
        IReadOnlyList<Suggestion>[] kinds = [words, phrases, titles];
        var wordShare = (size + 1) / 2;
        var phraseShare = Math.Min((size + 3) / 4, size - wordShare);
        int[] shares = [wordShare, phraseShare, size - wordShare - phraseShare];
        var next = new int[kinds.Length];
        var chosen = kinds.Select(_ => new List<Suggestion>()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Take(int kind, int upTo)
        {
            while (chosen[kind].Count < upTo && next[kind] < kinds[kind].Count)
            {
                var suggestion = kinds[kind][next[kind]++];
                if (seen.Add(SuggestionText.FoldedWords(suggestion.Text)))
                {
                    chosen[kind].Add(suggestion);
                }
            }
        }

        for (var kind = 0; kind < kinds.Length; kind++)
        {
            Take(kind, shares[kind]);
        }

        for (var kind = 0; kind < kinds.Length; kind++)
        {
            Take(kind, chosen[kind].Count + size - chosen.Sum(list => list.Count));
        }

        return [.. chosen.SelectMany(list => list)];
    }
}
