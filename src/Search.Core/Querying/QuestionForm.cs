using Search.Core.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// Tells a natural-language question (متى افتتح المتحف؟) from keywords or a headline: it ends with a question mark or
/// starts with an interrogative. Questions are answered by a passage where their words stand together, so they earn a
/// proximity bonus that keyword and headline queries, whose words a story spreads out, do not.
/// </summary>
public static class QuestionForm
{
    // Folded (أ → ا, ة → ه). من is left out: it opens as many headlines ("من أجل …") as questions.
    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal)
    {
        "ما", "ماذا", "متى", "اين", "كم", "هل", "كيف", "لماذا", "لم", "اي", "بكم", "لمن", "بماذا", "ماهو", "ماهي", "مالذي",
        "ماالذي", "مااسم",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InterrogativeLookup =
        Interrogatives.GetAlternateLookup<ReadOnlySpan<char>>();

    // Interrogatives are short: a longer first word, even with marks or tatweel, is none of them.
    private const int MaxInterrogativeLength = 8;

    public static bool IsQuestion(string text)
    {
        var trimmed = text.AsSpan().Trim().TrimEnd("\"'»)] ");
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed[^1] is '?' or '\u061F')
        {
            return true;
        }

        var start = trimmed.TrimStart("\u200F\u200E\"'«(");
        var end = start.IndexOfAny(" \t\n\u00A0");
        var firstWord = end >= 0 ? start[..end] : start;
        if (firstWord.Length > MaxInterrogativeLength)
        {
            return false;
        }

        // Folded character by character as the analysis chain folds a token, without allocating.
        Span<char> folded = stackalloc char[MaxInterrogativeLength];
        var length = 0;
        foreach (var c in firstWord)
        {
            if (ArabicOrthography.FoldCharacter(c) is var f and not '\0')
            {
                folded[length++] = f;
            }
        }

        return InterrogativeLookup.Contains(folded[..length]);
    }
}
