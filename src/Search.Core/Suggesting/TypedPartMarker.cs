using System.Text;
using Search.Core.Highlighting;

namespace Search.Core.Suggesting;

/// <summary>
/// Wraps the part of a suggestion the reader typed in <c>&lt;mark&gt;</c>, the rest HTML-escaped like search
/// highlights. The typed part is given as a length in folded characters (words joined by one space, see
/// <see cref="SuggestionText.FoldedWords"/>) and found in the written text by folding it again, so a typed
/// <c>الاتصا</c> marks <c>الإتصا</c> in <c>الإتصالات</c>, and a letter's vowel marks stay inside the mark with it.
/// </summary>
internal static class TypedPartMarker
{
    /// <param name="prefix">Text before the completion (the words typed before the last one), escaped, never marked.</param>
    /// <param name="text">The completion as written.</param>
    /// <param name="typedFoldedLength">How many folded characters of <paramref name="text"/> the reader typed.</param>
    public static string Mark(string prefix, string text, int typedFoldedLength)
    {
        var (start, end) = TypedRange(text, typedFoldedLength);
        var output = new StringBuilder(prefix.Length + text.Length + 16);
        HtmlEscaper.Append(output, prefix);
        HtmlEscaper.Append(output, text.AsSpan(0, start));
        if (end > start)
        {
            output.Append("<mark>");
            HtmlEscaper.Append(output, text.AsSpan(start, end - start));
            output.Append("</mark>");
        }

        HtmlEscaper.Append(output, text.AsSpan(end));
        return output.ToString();
    }

    /// <summary>The written characters [start, end) that fold to the first <paramref name="typedFoldedLength"/>
    /// folded characters.</summary>
    internal static (int Start, int End) TypedRange(string text, int typedFoldedLength)
    {
        if (typedFoldedLength <= 0)
        {
            return (0, 0);
        }

        var folded = 0;
        int start = -1, end = 0;
        foreach (var word in SuggestionText.Split(text))
        {
            if (!FoldsToAnything(text.AsSpan(word.Start, word.Length)))
            {
                // A word of marks alone folds to nothing, and FoldedWords leaves it out.
                continue;
            }

            if (start < 0)
            {
                start = word.Start;
            }
            else if (++folded >= typedFoldedLength)
            {
                // The typed text ends at the space after the previous word.
                return (start, end);
            }

            for (var i = word.Start; i < word.End; i++)
            {
                folded += SuggestionText.FoldedLength(text[i]);
                if (folded >= typedFoldedLength)
                {
                    var stop = i + 1;
                    while (stop < word.End && SuggestionText.FoldedLength(text[stop]) == 0)
                    {
                        stop++;
                    }

                    return (start, stop);
                }
            }

            end = word.End;
        }

        return start < 0 ? (0, 0) : (start, end);
    }

    private static bool FoldsToAnything(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (SuggestionText.FoldedLength(c) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
