using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Spelling;

/// <summary>
/// The words an index holds, as the exact forms in its <see cref="NewsFields.Text"/> field (folded, unstemmed, behind
/// <see cref="ExactFormRepeatFilter.Marker"/>), with their document frequencies: what a correction may choose from.
/// Opens its terms enumerator on first use, so an instance no word needs costs nothing. Not thread-safe: one per search.
/// </summary>
internal sealed class Vocabulary(IndexReader reader)
{
    private const float Tolerance = 1e-4f;

    /// <summary>The last code point of the Arabic block: no folded Arabic letter lies beyond it.</summary>
    private const int HighestLetter = 0x06FF;

    private Terms? _terms;
    private TermsEnum? _lookup;

    /// <summary>Documents in the index, deleted ones included, as in term statistics.</summary>
    public int DocCount => reader.MaxDoc;

    /// <summary>Documents holding the folded word in exactly this form; 0 when none does.</summary>
    public int DocFreq(string folded) => DocFreqOf(ExactFormRepeatFilter.ExactTerm(folded));

    /// <summary>
    /// The words at most <paramref name="maxEdits"/> plain edits (1 or 2; a swap counts as one) from the folded
    /// <paramref name="folded"/>, other than itself, whose <see cref="ArabicEditDistance"/> is at most
    /// <paramref name="maxDistance"/>, and that keep its first <paramref name="fixedLetters"/> letters (0: any letter
    /// may change, the first one too). A Levenshtein automaton walks only the parts of the term dictionary within
    /// reach, not the whole vocabulary: about a millisecond a word on the shared news corpus (benchmarks/README.md).
    /// </summary>
    public List<SpellingCandidate> Near(string folded, int maxEdits, float maxDistance, int fixedLetters = 0)
    {
        var candidates = new List<SpellingCandidate>();
        if (Terms is not { } terms || folded.Length > ArabicEditDistance.MaxLength)
        {
            return candidates;
        }

        if (CodePoints(folded.AsSpan(fixedLetters)) is not { } rest)
        {
            return candidates;
        }

        // Lucene's own FuzzyTermsEnum allows any Unicode character in an edit, which makes its automaton several times
        // costlier to build; an edit here brings in nothing past the Arabic block (the word's own characters may be).
        var fixedPart = ExactFormRepeatFilter.Marker + folded[..fixedLetters];
        var automaton = BasicOperations.Concatenate(
            BasicAutomata.MakeString(fixedPart),
            new LevenshteinAutomata(rest, Math.Max(HighestLetter, rest.DefaultIfEmpty(0).Max()), withTranspositions: true).ToAutomaton(maxEdits));
        var near = new CompiledAutomaton(automaton, finite: true, simplify: false).GetTermsEnum(terms);
        var chars = new CharsRef();
        while (near.MoveNext())
        {
            UnicodeUtil.UTF8toUTF16(near.Term, chars);
            var word = new ReadOnlySpan<char>(chars.Chars, chars.Offset + 1, chars.Length - 1);
            if (word.SequenceEqual(folded))
            {
                continue;
            }

            // Costs are sums of floats: 1 + 0.3 may land a hair above 1.3.
            var distance = ArabicEditDistance.Between(folded, word, maxDistance + Tolerance);
            if (distance <= maxDistance + Tolerance)
            {
                candidates.Add(new SpellingCandidate(word.ToString(), distance, near.DocFreq));
            }
        }

        return candidates;
    }

    /// <summary>
    /// True when some document has the two folded words side by side, in this order: the evidence that a typed word
    /// ran them together. Stops at the first such document.
    /// </summary>
    public bool AreAdjacentSomewhere(string left, string right)
    {
        var phrase = new PhraseQuery
        {
            new Term(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(left)),
            new Term(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(right)),
        };
        var weight = new IndexSearcher(reader).CreateNormalizedWeight(phrase);
        foreach (var leaf in reader.Leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                return true;
            }
        }

        return false;
    }

    private Terms? Terms => _terms ??= MultiFields.GetTerms(reader, NewsFields.Text);

    /// <summary>The word's code points; null when it holds a lone surrogate, which no indexed term does.</summary>
    private static int[]? CodePoints(ReadOnlySpan<char> word)
    {
        var codePoints = new List<int>(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsHighSurrogate(word[i]) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]))
            {
                codePoints.Add(char.ConvertToUtf32(word[i], word[i + 1]));
                i++;
            }
            else if (char.IsSurrogate(word[i]))
            {
                return null;
            }
            else
            {
                codePoints.Add(word[i]);
            }
        }

        return [.. codePoints];
    }

    private int DocFreqOf(string term)
    {
        if (Terms is not { } terms)
        {
            return 0;
        }

        _lookup ??= terms.GetEnumerator();
        return _lookup.SeekExact(new BytesRef(term)) ? _lookup.DocFreq : 0;
    }
}
