using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
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
    private Terms? _terms;
    private TermsEnum? _lookup;

    /// <summary>Documents in the index, deleted ones included, as in term statistics.</summary>
    public int DocCount => reader.MaxDoc;

    /// <summary>Documents holding the folded word in exactly this form; 0 when none does.</summary>
    public int DocFreq(string folded) => DocFreqOf(ExactFormRepeatFilter.ExactTerm(folded));

    /// <summary>Documents holding the stem; 0 when none does.</summary>
    public int StemDocFreq(string stem) => DocFreqOf(stem);

    /// <summary>
    /// The words at most <paramref name="maxEdits"/> plain edits (1 or 2; a swap counts as one) from the folded
    /// <paramref name="folded"/>, other than itself, whose <see cref="ArabicEditDistance"/> is at most
    /// <paramref name="maxDistance"/>. Any letter may differ, the first one too. Lucene's Levenshtein automaton walks
    /// only the parts of the term dictionary within reach, so this costs a fraction of a millisecond to a few (measured
    /// in benchmarks/README.md), not a scan of the vocabulary.
    /// </summary>
    public List<SpellingCandidate> Near(string folded, int maxEdits, float maxDistance)
    {
        var candidates = new List<SpellingCandidate>();
        if (Terms is not { } terms)
        {
            return candidates;
        }

        // Prefix length 1 keeps the marker: only exact forms come back, and every letter of the word may change.
        var target = new Term(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(folded));
        var near = new FuzzyTermsEnum(terms, new AttributeSource(), target, maxEdits, prefixLength: 1, transpositions: true);
        var chars = new CharsRef();
        while (near.MoveNext())
        {
            UnicodeUtil.UTF8toUTF16(near.Term, chars);
            var word = new ReadOnlySpan<char>(chars.Chars, chars.Offset + 1, chars.Length - 1);
            if (word.SequenceEqual(folded))
            {
                continue;
            }

            var distance = ArabicEditDistance.Between(folded, word, maxDistance);
            if (distance <= maxDistance)
            {
                candidates.Add(new SpellingCandidate(word.ToString(), distance, near.DocFreq));
            }
        }

        return candidates;
    }

    private Terms? Terms => _terms ??= MultiFields.GetTerms(reader, NewsFields.Text);

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
