using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Ranking;

/// <summary>
/// The forms of a query word the index vouches for, beyond its stem: the light stemmer leaves some prefixes on (a
/// proclitic, a present-tense prefix) because stripping them blindly would wreck words that merely start with those
/// letters; the index tells which is which. Built per query, over that query's <see cref="TermLookup"/>.
/// </summary>
internal sealed class WordForms(TermLookup terms, RankingOptions ranking, NameSpellings? spellings = null)
{
    private const string Proclitics = "وفبلك";
    private const string PresentTensePrefixes = "يتن";

    public TermLookup Terms { get; } = terms;

    /// <summary>
    /// The stem and the forms that differ from it by one proclitic (و ف ب ل ك) which the light stemmer leaves on, when
    /// the index says they are one word: the bare form must be at least as common as the prefixed one. So وقال meets
    /// قال, while وزير never meets زير (rarer than وزير).
    /// </summary>
    public IReadOnlyList<string> Of(string stem)
    {
        if (stem.Length < 3 || !ArabicOrthography.IsArabicLetter(stem[0]))
        {
            return [stem];
        }

        var forms = new List<string> { stem };
        var frequency = DocFreq(stem);
        if (ranking.ProcliticVariants && stem.Length >= 4 && Proclitics.Contains(stem[0]))
        {
            AddIfAsCommon(forms, stem[1..], frequency);
        }

        if (ranking.VerbVariants && stem.Length >= 4 && PresentTensePrefixes.Contains(stem[0]))
        {
            AddPastTenseForms(forms, stem, frequency);
        }

        if (ranking.DualVariants && stem.Length >= 5 && stem.EndsWith("ان", StringComparison.Ordinal))
        {
            AddSingularOfDual(forms, stem, frequency);
        }

        if (ranking.AlifEndingVariants && frequency > 0 && stem.Length >= 4 && stem[^1] == 'ا')
        {
            AddAlifEndingForms(forms, stem, frequency);
        }

        if (ranking.OtherSpellingWeight > 0 && spellings is not null)
        {
            foreach (var other in spellings.Of(stem))
            {
                if (!forms.Contains(other) && DocFreq(other) > 0)
                {
                    forms.Add(other);
                }
            }
        }

        if (ranking.ProcliticVariants && frequency > 0)
        {
            foreach (var proclitic in Proclitics)
            {
                var prefixed = proclitic + stem;
                var prefixedFrequency = DocFreq(prefixed);
                if (prefixedFrequency > 0 && prefixedFrequency <= frequency)
                {
                    forms.Add(prefixed);
                }
            }
        }

        return forms;
    }

    /// <summary>
    /// Headlines and queries put verbs in the present (يعلن، تكشف، يشكر) where the story tells it in the past (أعلن،
    /// كشفت، شكر): the past forms join when the index finds them at least as often, which a noun that merely starts
    /// with ي، ت or ن (تصريح، يوسف) fails, its remainder being rarer or no word at all.
    /// </summary>
    private void AddPastTenseForms(List<string> forms, string stem, int frequency)
    {
        var rest = stem[1..];
        var candidates = stem[0] == 'ت' ? new[] { rest, "ا" + rest, rest + "ت" } : [rest, "ا" + rest];
        foreach (var candidate in candidates)
        {
            AddIfAsCommon(forms, candidate, frequency);
        }
    }

    /// <summary>
    /// The light stemmer never removes the dual ان, which would wreck لبنان, برلمان and names such as سلمان; so a dual
    /// (الطرفان، لاعبان، مدينتان) met neither its singular nor its other case (الطرفين), which the stemmer does reduce.
    /// The dual's stem without ان (طرف; مدينت, the stem of المدينتين) and, for a ت before it, without that ت too (مدين,
    /// the stem of المدينة) join when the index finds each at least as often and also holds the word's other case, Xين
    /// with or without the article, in at least half as many articles as the word itself: a true dual's genitive and
    /// accusative are about as common as its nominative (الطرفين 488, الطرفان 153 on the shared news), a word merely
    /// ending in ان has none or few (سلمان: no سلمين; دوران 26, دورين 4; بطلان 10, بطلين 2).
    /// </summary>
    private void AddSingularOfDual(List<string> forms, string stem, int frequency)
    {
        var single = stem[..^2];
        var otherCase = WrittenFreq(single + "ين");
        if (otherCase == 0 || 2 * otherCase < WrittenFreq(stem))
        {
            return;
        }

        foreach (var candidate in single[^1] == 'ت' && single.Length >= 4 ? new[] { single, single[..^1] } : [single])
        {
            AddIfAsCommon(forms, candidate, frequency);
        }
    }

    /// <summary>
    /// The light stemmer keeps a final ا: the accusative's (عضوا، رسميا، عسكريا, whose tanween folding removed) and a
    /// place name's (أمريكا، روسيا، سوريا). So عضوا never met عضو, عسكريا never عسكري, روسيا never روسي or الروسية.
    /// Joining when the index finds each at least as often: the word without its ا (عضو; أمريك, the stem of أمريكي);
    /// for ـيا, the word without يا when its nisba ـي is written in the index (عسكر، روس, the stems of عسكري، روسي: a
    /// plural such as قضايا has no قضاي, and ماليا meets مال only where المالي is written, not merely المال) and never
    /// a two-letter remainder (دنيا، عليا); and the word with ـية (سورية, kept whole as a name). A word whose ا is its
    /// own letter fails (كندا: no كند). Only for a word the index knows: an unknown one is left to the spelling
    /// corrector, whose correction (البوذيساتفي for البوذيساتفا) also earns the exact-form bonus that a shared stem
    /// would not.
    /// </summary>
    private void AddAlifEndingForms(List<string> forms, string stem, int frequency)
    {
        var bare = stem[..^1];
        AddIfAsCommon(forms, bare, frequency);
        if (bare[^1] != 'ي')
        {
            return;
        }

        var nisbaStem = bare[..^1];
        if (nisbaStem.Length >= 3 && WrittenFreq(bare) > 0)
        {
            AddIfAsCommon(forms, nisbaStem, frequency);
        }

        AddIfAsCommon(forms, bare + "ه", frequency);
    }

    /// <summary>Adds a candidate form the index finds at least as often as the word itself (and at all).</summary>
    private void AddIfAsCommon(List<string> forms, string candidate, int frequency)
    {
        if (!forms.Contains(candidate) && DocFreq(candidate) >= Math.Max(1, frequency))
        {
            forms.Add(candidate);
        }
    }

    /// <summary>Whether <paramref name="form"/> is another spelling of the word whose stem is <paramref name="stem"/>
    /// (see <see cref="RankingOptions.OtherSpellingWeight"/>).</summary>
    public bool IsOtherSpelling(string stem, string form) => spellings is not null && spellings.Of(stem).Contains(form);

    private int DocFreq(string text) => Terms.DocFreq(NewsFields.Text, text);

    /// <summary>Articles holding the word as written, bare or with the article (an upper bound: some hold both).</summary>
    private int WrittenFreq(string word) =>
        Terms.DocFreq(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(word)) + Terms.DocFreq(NewsFields.Text, ExactFormRepeatFilter.ExactTerm("ال" + word));
}
