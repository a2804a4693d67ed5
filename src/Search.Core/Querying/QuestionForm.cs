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
        "ما", "ماذا", "متى", "اين", "كم", "هل", "كيف", "لماذا", "لم", "اي", "بكم", "لمن", "بماذا", "ماهو", "ماهي", "مااسم",
    };

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

        var firstWord = trimmed.TrimStart("\u200F\u200E\"'«(") is var start && start.IndexOfAny(" \t\n\u00A0") is var end and >= 0
            ? start[..end]
            : trimmed.TrimStart("\u200F\u200E\"'«(");
        return Interrogatives.Contains(ArabicOrthography.Fold(firstWord.ToString()));
    }
}
