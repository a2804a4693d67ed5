using Search.Core.Analysis;

namespace Search.Core.Ranking;

/// <summary>The other spellings of a query word's stem (<see cref="ArabicNameSpellings"/>), by stem: the groups' words
/// folded and stemmed with the query's own stemmer, so every form the stemmer reduces (الأمريكية, للأمريكيين) finds
/// them. Built once a query builder; read-only after.</summary>
internal sealed class NameSpellings
{
    private readonly Dictionary<string, string[]> _others = new(StringComparer.Ordinal);

    public NameSpellings(IEnumerable<string[]> groups, Func<string, string> stem)
    {
        foreach (var group in groups)
        {
            var stems = group.Select(word => stem(ArabicOrthography.Fold(word))).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var one in stems)
            {
                _others[one] = [.. stems.Where(other => other != one)];
            }
        }
    }

    /// <summary>The stems spelling the same word as <paramref name="stem"/>; empty for most words.</summary>
    public IReadOnlyList<string> Of(string stem) => _others.TryGetValue(stem, out var others) ? others : [];
}
