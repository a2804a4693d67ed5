using System.Globalization;
using System.Text;
using Search.Core.Analysis;

namespace Search.Core.Suggesting;

/// <summary>
/// How suggestions cut text into words and fold them: a word is a run of letters, digits and the marks written on
/// them; folding is the analysis chain's own, character by character (<see cref="ArabicOrthography.FoldCharacter"/>:
/// hamza seats, ى/ي, ة/ه, harakat, tatweel, Persian variants, digits, case), so what the reader types and what the
/// titles hold meet however either is spelled. Titles and typed text go through the same functions, which keeps every
/// folded position in step with the written text it came from. Pure functions, safe from any thread.
/// </summary>
internal static class SuggestionText
{
    /// <summary>Letters, digits, and the marks and joiners folding removes (which stay inside the word they sit on).</summary>
    public static bool IsWordCharacter(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c)
        : c is >= '\u0621' and <= '\u065F' // Arabic letters, tatweel and harakat: nearly every character of a title
        || char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || (c != '\0' && ArabicOrthography.FoldCharacter(c) == '\0');

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="words"/>, in order.</summary>
    public static void Split(ReadOnlySpan<char> text, List<WordSpan> words)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsWordCharacter(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                words.Add(new WordSpan(start, i - start));
                start = -1;
            }
        }

        if (start >= 0)
        {
            words.Add(new WordSpan(start, text.Length - start));
        }
    }

    /// <summary>The words of <paramref name="text"/>.</summary>
    public static List<WordSpan> Split(ReadOnlySpan<char> text)
    {
        var words = new List<WordSpan>();
        Split(text, words);
        return words;
    }

    /// <summary>Folds one word into <paramref name="buffer"/> (grown when needed) and returns the folded part.</summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, ref char[] buffer)
    {
        if (ArabicOrthography.NeedsCompatibilityDecomposition(word))
        {
            // Presentation forms (ﻻ, ﷲ) expand under NFKC: rare enough to take the allocating path.
            return ArabicOrthography.Fold(word.ToString());
        }

        if (buffer.Length < word.Length)
        {
            buffer = new char[Math.Max(word.Length, 2 * buffer.Length)];
        }

        var length = 0;
        foreach (var c in word)
        {
            var folded = ArabicOrthography.FoldCharacter(c);
            if (folded != '\0')
            {
                buffer[length++] = folded;
            }
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>One word folded, as a string.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var buffer = new char[word.Length];
        return Fold(word, ref buffer).ToString();
    }

    /// <summary>The words of <paramref name="text"/> folded and joined by single spaces: the key of a title, and of what
    /// was typed when it is matched against titles. Punctuation between words counts as one space.</summary>
    public static string FoldedWords(ReadOnlySpan<char> text)
    {
        var output = new StringBuilder(text.Length);
        var buffer = new char[64];
        foreach (var word in Split(text))
        {
            var folded = Fold(text.Slice(word.Start, word.Length), ref buffer);
            if (folded.IsEmpty)
            {
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(' ');
            }

            output.Append(folded);
        }

        return output.ToString();
    }

    /// <summary>How many folded characters <paramref name="c"/> becomes: 0 for the marks folding removes, 1 mostly.</summary>
    public static int FoldedLength(char c)
    {
        if (ArabicOrthography.NeedsCompatibilityDecomposition([c]))
        {
            return ArabicOrthography.Fold(c.ToString()).Length;
        }

        return ArabicOrthography.FoldCharacter(c) == '\0' ? 0 : 1;
    }
}
