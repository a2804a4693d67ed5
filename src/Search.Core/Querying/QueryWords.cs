using System.Globalization;

namespace Search.Core.Querying;

/// <summary>
/// Counts the words a piece of query text becomes, split as the tokenizer splits it rather than at spaces only: each
/// word costs the search its clauses (stem, exact form, title, corrections), and text joined by punctuation
/// (<c>a/a/a…</c>, <c>وزير،وزير،…</c>) or a run of Chinese characters (one word each) is hundreds of words without a
/// space. Letters and digits make a word, marks and format characters continue one, every Han ideograph and hiragana
/// letter is a word of its own, anything else ends one. Counts <c>3.5</c> or <c>U.S.</c> as two words where the
/// tokenizer keeps one: a cap counted this way errs on the side of less work. Thread-safe (no state).
/// </summary>
internal static class QueryWords
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var category = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1])
                ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[++i]))
                : CharUnicodeInfo.GetUnicodeCategory(text[i]);
            switch (category)
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                    break;
                case UnicodeCategory.OtherLetter when IsWordByItself(text[i]):
                    words++;
                    inWord = false;
                    break;
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                    words += inWord ? 0 : 1;
                    inWord = true;
                    break;
                default:
                    inWord = false;
                    break;
            }
        }

        return words;
    }

    /// <summary>Han ideographs (the BMP's blocks; a supplementary one counts with its neighbours) and hiragana.</summary>
    private static bool IsWordByItself(char c) =>
        c is >= '\u3040' and <= '\u309F' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
