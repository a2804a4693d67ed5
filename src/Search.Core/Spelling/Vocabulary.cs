using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Spelling;

/// <summary>
/// The words an index holds, as the exact forms in its <see cref="NewsFields.Text"/> field (folded, unstemmed, behind
/// <see cref="ExactFormRepeatFilter.Marker"/>), with their document frequencies: what a correction may choose from.
/// Opens its terms enumerator on first use, so an instance no word needs costs nothing; near words come from the
/// index's <see cref="WordTries"/>, built once a segment. Not thread-safe: one per search.
/// </summary>
internal sealed class Vocabulary(IndexReader reader, WordTries tries)
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
    /// may change, the first one too). Each segment's <see cref="WordTrie"/> walks only the part of its words within
    /// reach; the document frequencies are summed over segments, deleted documents included, as in term statistics.
    /// </summary>
    public List<SpellingCandidate> Near(string folded, int maxEdits, float maxDistance, int fixedLetters = 0)
    {
        var candidates = new List<SpellingCandidate>();
        var rest = folded.AsSpan(fixedLetters);

        // A word with a letter outside the Basic Multilingual Plane has no Arabic word near it (WordTrie.Of).
        if (folded.Length > ArabicEditDistance.MaxLength || rest.Length > WordTrie.MaxPatternLength || folded.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return candidates;
        }

        // An edit brings in no letter past the Arabic block (the word's own letters may be): Lucene's FuzzyTermsEnum
        // allows any character, which made its automaton several times costlier, and no folded Arabic word has one.
        var highestLetter = HighestLetter;
        foreach (var letter in rest)
        {
            highestLetter = Math.Max(highestLetter, letter);
        }

        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            tries.For(leaf.AtomicReader).CollectNear(folded[..fixedLetters], rest, maxEdits, highestLetter, found);
        }

        foreach (var (word, docFreq) in found)
        {
            if (word == folded)
            {
                continue;
            }

            // Costs are sums of floats: 1 + 0.3 may land a hair above 1.3.
            var distance = ArabicEditDistance.Between(folded, word, maxDistance + Tolerance);
            if (distance <= maxDistance + Tolerance)
            {
                candidates.Add(new SpellingCandidate(word, distance, docFreq));
            }
        }

        // In ordinal order, so the list never depends on how the index is split in segments.
        candidates.Sort((a, b) => string.CompareOrdinal(a.Word, b.Word));
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
