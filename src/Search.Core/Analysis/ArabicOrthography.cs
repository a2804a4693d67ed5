using System.Buffers;
using System.Globalization;
using System.Text;

namespace Search.Core.Analysis;

/// <summary>
/// Character-level folding that <see cref="Lucene.Net.Analysis.Ar.ArabicNormalizer"/> leaves out: Persian and Urdu
/// letter variants, hamza seats (ؤ ئ ىء → ء), alef wasla, superscript alef, every Arabic mark and tatweel, presentation forms and
/// non-ASCII decimal digits. Pure functions, safe to call from any thread.
/// </summary>
public static class ArabicOrthography
{
    private static readonly char[] FoldedCharacters = BuildFoldTable();

    /// <summary>Folds <paramref name="buffer"/>[0..<paramref name="length"/>) in place and returns the new length.</summary>
    public static int FoldLetterVariants(char[] buffer, int length) => FoldVariants(buffer, length, keepHamzaSeats: false);

    private static int FoldVariants(char[] buffer, int length, bool keepHamzaSeats)
    {
        var written = 0;
        for (var read = 0; read < length; read++)
        {
            var c = buffer[read];
            if (!keepHamzaSeats && HamzaSeatSequence(buffer, read, length) is var sequence and > 0)
            {
                read = FoldHamzaSeatSequence(buffer, read, sequence, ref written);
                continue;
            }

            if (IsRemovableMark(c))
            {
                continue;
            }

            buffer[written++] = keepHamzaSeats && IsHamzaSeat(c) ? c : MapVariant(c);
        }

        return written;
    }

    /// <summary>Maps every Unicode decimal digit (Arabic-Indic ٠-٩, Persian ۰-۹ and others) and the Arabic decimal and
    /// thousands separators to ASCII, in place.</summary>
    /// <returns>true when anything changed.</returns>
    public static bool FoldDigits(char[] buffer, int length)
    {
        var changed = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c > '9' && (c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9' || c is < '\u0600' or > '\u06FF') && char.IsDigit(c))
            {
                buffer[i] = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));
                changed = true;
            }
            else if (c is '\u066B' or '\u066C')
            {
                // Arabic decimal and thousands separators, so ٣٫٥ meets 3.5 and ١٬٠٠٠ meets 1,000.
                buffer[i] = c == '\u066B' ? '.' : ',';
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// Folds a whole string the way the analysis chain folds a token (variants, marks, digits, then the
    /// stock hamza/alef maqsura/taa marbuta normalization). Used for word lists and keyword matching.
    /// </summary>
    public static string Fold(string text) => Fold(text, keepHamzaSeats: false);

    /// <summary>
    /// <see cref="Fold(string)"/> as it was before hamza seats folded (ؤ and ئ kept, ىء read as يء), for keys an index
    /// stores and must find again after an upgrade (the ids of scraped pages that carry none); never for matching.
    /// </summary>
    public static string FoldKeepingHamzaSeats(string text) => Fold(text, keepHamzaSeats: true);

    /// <summary><see cref="FoldCharacter"/> as it was before hamza seats folded: ؤ and ئ stay themselves. For hashes an
    /// index stores (near-duplicate hashes), which must never change.</summary>
    public static char FoldCharacterKeepingHamzaSeats(char c) => IsHamzaSeat(c) ? c : FoldedCharacters[c];

    private static bool IsHamzaSeat(char c) => c is '\u0624' or '\u0626';

    private static string Fold(string text, bool keepHamzaSeats)
    {
        var buffer = NeedsCompatibilityDecomposition(text)
            ? CompatibilityNormalization.ToFormKC(text).ToCharArray()
            : text.ToCharArray();
        var length = FoldVariants(buffer, buffer.Length, keepHamzaSeats);
        FoldDigits(buffer, length);
        length = new Lucene.Net.Analysis.Ar.ArabicNormalizer().Normalize(buffer, length);
        return new string(buffer, 0, length).ToLowerInvariant();
    }

    /// <summary>
    /// One character folded as the whole chain folds it (lowercase, digits, variants, hamza/alef maqsura/taa marbuta),
    /// or '\0' for a character the chain removes. For hot loops that must not allocate; presentation forms and lone
    /// surrogates pass unchanged. Read from a table built once from the chain's own steps (<see cref="Lowercase"/>,
    /// <see cref="FoldDigits"/>, <see cref="FoldLetterVariants"/>, the stock normalizer), so it cannot drift from them.
    /// </summary>
    public static char FoldCharacter(char c) => FoldedCharacters[c];

    /// <summary>
    /// Lowercases like Lucene's <c>LowerCaseFilter</c> (invariant culture, supplementary characters included) but
    /// leaves Arabic-script characters, which have no case, untouched without looking them up: Lucene.Net's filter
    /// sends every character through a culture-aware mapping, a third of indexing time on Arabic news when profiled.
    /// </summary>
    public static void Lowercase(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 128)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(c + 32);
                }
            }
            else if (IsArabicScript(c))
            {
                continue;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]))
            {
                // A lowercase supplementary character stays supplementary, so it fits the same two slots.
                Rune.ToLowerInvariant(new Rune(c, buffer[i + 1])).EncodeToUtf16(buffer.AsSpan(i, 2));
                i++;
            }
            else
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }
    }

    /// <summary>
    /// Recognizes a hamza seat written in two characters, which no single-character fold can see: ى, ي or و followed
    /// by the combining hamza above U+0654 (a decomposed ئ or ؤ), which folds to ء, as the composed letters do; and ى
    /// followed by ء or ئ (شاطىء, مبادىء, الطوارىء: the older spelling of شاطئ, مبادئ, الطوارئ), whose ى folding drops.
    /// </summary>
    /// <returns>2 for a decomposed seat, 1 for a dotless-yeh seat, 0 otherwise.</returns>
    internal static int HamzaSeatSequence(char[] buffer, int index, int length)
    {
        var c = buffer[index];
        if (c is not ('\u0649' or '\u064A' or '\u0648') || index + 1 >= length)
        {
            return 0;
        }

        var next = buffer[index + 1];
        if (next == '\u0654')
        {
            return 2;
        }

        return c == '\u0649' && next is '\u0621' or '\u0626' ? 1 : 0;
    }

    /// <summary>Writes what a sequence found by <see cref="HamzaSeatSequence"/> folds to (ء, or nothing for a dotless-yeh
    /// seat, whose hamza folds on its own next).</summary>
    /// <returns>The index of the sequence's last character.</returns>
    internal static int FoldHamzaSeatSequence(char[] buffer, int index, int sequence, ref int written)
    {
        if (sequence == 2)
        {
            buffer[written++] = '\u0621';
        }

        return index + sequence - 1;
    }

    /// <summary>True for Arabic presentation forms (ﻻ, ﷲ …) that only NFKC turns back into letters.</summary>
    public static bool NeedsCompatibilityDecomposition(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the character is an Arabic letter (the block U+0621–U+064A and its extensions).</summary>
    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3';

    private static bool IsArabicScript(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Each UTF-16 code unit through the chain's steps on its own, in the chain's order.</summary>
    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        var one = new char[1];
        var normalizer = new Lucene.Net.Analysis.Ar.ArabicNormalizer();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            Lowercase(one, 1);
            FoldDigits(one, 1);
            var length = FoldLetterVariants(one, 1);
            length = length == 0 ? 0 : normalizer.Normalize(one, length);
            table[c] = length == 0 ? '\0' : one[0];
        }

        return table;
    }

    /// <summary>
    /// The Unicode bidirectional formatting characters (category Cf): ARABIC LETTER MARK, LEFT-TO-RIGHT and RIGHT-TO-LEFT
    /// MARK, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069. They change how text is shown,
    /// never what it says, so folding removes them: a word with one typed into it is the word without it, and text
    /// echoed back (a suggestion) must not carry one that reorders what follows it.
    /// </summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The characters of <see cref="IsBidiControl"/>, for a fast scan of a whole string.</summary>
    private static readonly SearchValues<char> BidiControls =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(code => (char)code).Where(IsBidiControl)]);

    /// <summary><paramref name="text"/> without its bidi controls (<see cref="IsBidiControl"/>); the same string when it
    /// holds none.</summary>
    public static string WithoutBidiControls(string text)
    {
        if (!text.AsSpan().ContainsAny(BidiControls))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsBidiControl(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool IsRemovableMark(char c) => c switch
    {
        '\u0640' => true, // tatweel
        >= '\u064B' and <= '\u065F' => true, // harakat, shadda, sukun and the extended marks
        '\u0670' => true, // superscript (dagger) alef
        >= '\u0610' and <= '\u061A' => true, // honorific and Quranic signs written over letters
        >= '\u06D6' and <= '\u06DC' => true,
        >= '\u06DF' and <= '\u06E4' => true,
        '\u06E7' or '\u06E8' => true,
        >= '\u06EA' and <= '\u06ED' => true,
        '\u200C' or '\u200D' or '\u00AD' => true, // joiners, soft hyphen
        _ => IsBidiControl(c),
    };

    private static char MapVariant(char c) => c switch
    {
        '\u06A9' or '\u06AA' => '\u0643', // Persian keheh, swash kaf → kaf
        '\u06CC' or '\u06D0' or '\u06D2' => '\u064A', // Persian yeh, e, yeh barree → yeh
        '\u06C0' or '\u06C1' or '\u06C2' or '\u06BE' or '\u06D5' => '\u0647', // heh variants → heh
        '\u06C3' => '\u0629', // taa marbuta goal → taa marbuta
        '\u0671' or '\u0672' or '\u0673' or '\u0675' => '\u0627', // alef wasla and wavy-hamza alefs → alef
        '\u06CB' or '\u06C4' or '\u06C5' => '\u0648', // ve, waw variants → waw

        // Hamza on a waw or yeh seat → hamza on the line: the seat is spelt differently across the Arab world
        // (مسؤول/مسئول, شؤون/شئون, سيئ/سيء), and no two everyday words differ by their seat alone.
        '\u0624' or '\u0626' => '\u0621',
        _ => c,
    };
}
