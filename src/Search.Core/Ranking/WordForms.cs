using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Ranking;

/// <summary>
/// The forms of a query word the index vouches for, beyond its stem: the light stemmer leaves some prefixes on (a
/// proclitic, a present-tense prefix) because stripping them blindly would wreck words that merely start with those
/// letters; the index tells which is which. Built per query, over that query's <see cref="TermLookup"/>.
/// </summary>
internal sealed class WordForms(TermLookup terms, RankingOptions ranking)
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
            var bare = stem[1..];
            if (DocFreq(bare) >= Math.Max(1, frequency))
            {
                forms.Add(bare);
            }
        }

        if (ranking.VerbVariants && stem.Length >= 4 && PresentTensePrefixes.Contains(stem[0]))
        {
            AddPastTenseForms(forms, stem, frequency);
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
            if (DocFreq(candidate) >= Math.Max(1, frequency))
            {
                forms.Add(candidate);
            }
        }
    }

    private int DocFreq(string text) => Terms.DocFreq(NewsFields.Text, text);
}
