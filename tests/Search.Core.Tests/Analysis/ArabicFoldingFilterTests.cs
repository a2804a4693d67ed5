using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>The one-pass table fold gives exactly what the four steps give one after the other, and the filter drops
/// tokens left empty while keeping their positions.</summary>
public sealed class ArabicFoldingFilterTests
{
    [Theory]
    [InlineData("الْعَرَبِيَّةُ", "العربيه")] // harakat, shadda, taa marbuta
    [InlineData("أحمد", "احمد")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("کتاب", "كتاب")] // Persian keheh
    [InlineData("ﻻ", "لا")] // a presentation form, through NFKC
    [InlineData("٢٠٢٤", "2024")]
    [InlineData("٣٫٥", "3.5")]
    [InlineData("COVID", "covid")]
    [InlineData("ÉCOLE", "école")]
    [InlineData("𐐀𐐁", "𐐨𐐩")] // Deseret capitals: supplementary lowercase in the same two slots
    [InlineData("وز\u200Fير", "وزير")] // bidi controls say how to show text, not what it says: a mark
    [InlineData("وز\u202Eير\u202C", "وزير")] // an override and its pop
    [InlineData("\u2067كتاب\u2069", "كتاب")] // an isolate
    [InlineData("\u061Cكتاب", "كتاب")] // ARABIC LETTER MARK
    [InlineData("مسؤول", "مسءول")] // hamza on a waw seat
    [InlineData("مسئول", "مسءول")] // … and on a yeh seat, as Egyptian papers spell it
    [InlineData("شاطئ", "شاطء")]
    [InlineData("شاطىء", "شاطء")] // the older dotless-yeh seat, two characters
    [InlineData("مسو\u0654ول", "مسءول")] // a decomposed ؤ: waw + combining hamza above
    [InlineData("شاطي\u0654", "شاطء")] // a decomposed ئ
    [InlineData("شيء", "شيء")] // a yeh before a hamza on the line is a letter of the word
    public void Folds_case_digits_variants_marks_and_the_stock_normalization(string token, string expected)
    {
        Assert.Equal(expected, FoldOne(token, stepByStep: false));
        Assert.Equal(expected, FoldOne(token, stepByStep: true));
    }

    /// <summary>Keys an index stores (scraped pages' ids, near-duplicate hashes) fold as before hamza seats folded, so an
    /// upgraded build finds them again.</summary>
    [Theory]
    [InlineData("مسؤول يستقيل", "مسؤول يستقيل")]
    [InlineData("شئون", "شئون")]
    [InlineData("شاطىء", "شاطيء")] // ى → ي, as the stock normalizer alone did
    [InlineData("أَحمد", "احمد")] // everything else folds as ever
    public void Stored_keys_fold_as_before_hamza_seats_folded(string text, string expected)
    {
        Assert.Equal(expected, ArabicOrthography.FoldKeepingHamzaSeats(text));
        Assert.Equal(expected, string.Concat(text.Select(ArabicOrthography.FoldCharacterKeepingHamzaSeats).Where(c => c != '\0')));
    }

    [Fact]
    public void The_table_and_the_steps_agree_on_random_tokens_of_every_kind_of_character()
    {
        // Arabic letters and marks, presentation forms (the step path), Latin capitals, digits of several scripts,
        // joiners, lone and paired surrogates, the marker character, and any other BMP character.
        var alphabet = Enumerable.Range(0x0600, 0x100).Select(c => (char)c)
            .Concat(Enumerable.Range(0xFB50, 0x40).Select(c => (char)c))
            .Concat(Enumerable.Range(0xFE70, 0x30).Select(c => (char)c))
            .Concat("AZaz09 İẞΣ\u200C\u200D\u00AD\uFEFF\uFFFE\uFFFF\u066B\u066C\uFF21\uFF11\u0966\uD801\uDC00")
            .ToArray();
        var random = new Random(20261204);
        for (var i = 0; i < 200_000; i++)
        {
            var token = new char[random.Next(1, 16)];
            for (var j = 0; j < token.Length; j++)
            {
                token[j] = random.Next(16) == 0 ? (char)random.Next(0x20, char.MaxValue + 1) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(token);
            Assert.True(FoldOne(text, stepByStep: false) == FoldOne(text, stepByStep: true), $"token {string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
    }

    [Fact]
    public void FoldCharacter_folds_each_character_as_the_chain_s_steps_do()
    {
        // Suggestions, spelling and duplicate hashes fold character by character; they must meet the index's terms.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var one = ((char)c).ToString();
            if (char.IsSurrogate(one[0]) || ArabicOrthography.NeedsCompatibilityDecomposition(one))
            {
                continue;
            }

            var folded = FoldOne(one, stepByStep: true);
            Assert.True((folded.Length == 0 ? '\0' : folded[0]) == ArabicOrthography.FoldCharacter((char)c), $"U+{c:X4}");
        }
    }

    [Fact]
    public void The_stock_normalizer_removes_no_character_the_variant_fold_keeps()
    {
        // The table marks a character removed when either step removes it; the chain drops a token when the variant
        // fold empties it, so a token the normalizer alone emptied would be kept there and dropped here.
        var one = new char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            if (ArabicOrthography.FoldLetterVariants(one, 1) == 1)
            {
                Assert.True(new ArabicNormalizer().Normalize(one, 1) == 1, $"U+{c:X4}");
            }
        }
    }

    [Fact]
    public void A_token_of_marks_alone_is_dropped_and_leaves_a_gap_in_the_positions()
    {
        using var tokens = new ArabicFoldingFilter(new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader("قال \u0640\u064E ﻻ غزة")));
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var increment = tokens.AddAttribute<IPositionIncrementAttribute>();
        var offset = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        var seen = new List<(string, int, int)>();
        while (tokens.IncrementToken())
        {
            seen.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset));
        }

        tokens.End();
        Assert.Equal([("قال", 1, 0), ("لا", 2, 7), ("غزه", 1, 9)], seen);
    }

    private static string FoldOne(string token, bool stepByStep)
    {
        var term = new CharTermAttribute();
        term.Append(token);
        if (stepByStep)
        {
            ArabicFoldingFilter.FoldStepByStep(term);
        }
        else
        {
            ArabicFoldingFilter.Fold(term);
        }

        return term.ToString();
    }
}
