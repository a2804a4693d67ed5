using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Spelling;

/// <summary>
/// Writes the "did you mean" of a search: the whole query again, with each word the index does not know replaced by
/// its likeliest correction (<see cref="SpellingCorrector"/>), two typed pieces of one word joined, and, when the query
/// finds fewer than <see cref="FewHits"/> articles, each word that fewer than that hold and that is a hundred times
/// rarer than its neighbour replaced too.
/// Corrections are written as the articles write them (<see cref="WrittenForms"/>); operators, quotes, punctuation,
/// excluded words, prefixes and every other word stay exactly as typed. Thread-safe.
/// </summary>
internal sealed class DidYouMean(Analyzer exactAnalyzer)
{
    /// <summary>A query finding fewer articles than this "finds little": its rare words are worth a second look.</summary>
    public const int FewHits = 3;

    /// <summary>Words of one query looked up at most (each may walk the term dictionary, about a millisecond); a
    /// pasted paragraph of slips gets its first ones corrected.</summary>
    public const int MaxLookups = 4;

    private readonly WrittenForms _writtenForms = new(exactAnalyzer);

    /// <summary>Only these searches pay for a suggestion: every other search skips it without a lookup.</summary>
    /// <param name="hasUnseenWords">A searched word, or its exact form, is not in the index.</param>
    public static bool IsWanted(bool hasUnseenWords, int totalHits) => hasUnseenWords || totalHits < FewHits;

    /// <param name="query">The query as typed.</param>
    /// <param name="parsed">It, parsed (each part knows where it starts in <paramref name="query"/>).</param>
    /// <param name="corrector">The search's corrector, whose choices for unknown words the query build already made.</param>
    /// <param name="unknownWords">The searched words (folded) the query build found in no form in the index: proclitic
    /// and verb variants considered, so والوزير or يعلن never count as unknown when الوزير or أعلن are known.</param>
    /// <param name="retypedWords">Typed text the query build searched as another word (pieces of one word typed apart,
    /// a word typed on the Latin layout: <see cref="CompiledQuery.RetypedWords"/>): each is written as that word.</param>
    /// <returns>The corrected query; null when no word needs correcting or no correction was found.</returns>
    public string? For(string query, UserQuery parsed, IndexSearcher searcher, SpellingCorrector corrector, IReadOnlySet<string> unknownWords, int totalHits, IReadOnlyList<RetypedWord>? retypedWords = null)
    {
        var words = TypedWords(query, parsed, corrector.Vocabulary, unknownWords);
        var fewHits = totalHits < FewHits;
        var replacements = new List<(int Start, int End, string Text)>();
        foreach (var retyped in retypedWords ?? [])
        {
            replacements.Add((retyped.Start, retyped.End, _writtenForms.Of(searcher, retyped.Folded) ?? retyped.Folded));
        }

        var lookups = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (replacements.Any(replacement => word.Start < replacement.End && replacement.Start < word.End))
            {
                continue;
            }

            if (i + 1 < words.Count && words[i + 1] is var next && IsOnlySpace(query, word.End, next.Start)
                && (word.Unknown || next.Unknown) && corrector.Join(word.Folded, next.Folded) is { } joined)
            {
                replacements.Add((word.Start, next.End, _writtenForms.Of(searcher, joined) ?? joined));
                i++;
                continue;
            }

            // A known word is a suspect only when it alone would find little: a phrase of common words finding little
            // is no spelling matter.
            if ((!word.Unknown && word.DocFreq > 0 && !(fewHits && word.DocFreq < FewHits)) || lookups++ >= MaxLookups)
            {
                continue;
            }

            var correction = word.Unknown ? corrector.CorrectUnknown(word.Folded)
                : word.DocFreq == 0 ? corrector.CorrectUnseenForm(word.Folded)
                : corrector.CorrectRare(word.Folded, word.DocFreq);
            if (correction is not null && IsConfident(word.Folded, correction, corrector))
            {
                replacements.Add((word.Start, word.End, Written(query, word, correction, searcher)));
            }
        }

        if (replacements.Count == 0)
        {
            return null;
        }

        replacements.Sort((a, b) => a.Start.CompareTo(b.Start));

        var corrected = string.Create(query.Length + replacements.Sum(r => r.Text.Length - (r.End - r.Start)), (query, replacements), static (span, state) =>
        {
            var (text, changes) = state;
            var from = 0;
            foreach (var (start, end, replacement) in changes)
            {
                text.AsSpan(from, start - from).CopyTo(span);
                span = span[(start - from)..];
                replacement.AsSpan().CopyTo(span);
                span = span[replacement.Length..];
                from = end;
            }

            text.AsSpan(from).CopyTo(span);
        });
        return corrected == query ? null : corrected;
    }

    /// <summary>
    /// Whether a correction is sure enough to suggest (retrieval takes less sure ones, weighed): a split into two words
    /// some article has side by side, or a word that differs from the typed one by more than an inflection
    /// (<see cref="AffixDifference"/>). On 1,000 real headlines, all correctly spelt, these two rules took the ones
    /// given a suggestion from 48 to 4 (benchmarks/README.md). The corrector offers none that changes the digits typed.
    /// </summary>
    private static bool IsConfident(string typed, WordCorrection correction, SpellingCorrector corrector) =>
        correction.Words.Count > 1 ? corrector.IsAttested(correction) : !AffixDifference.IsOnlyAffixes(typed, correction.Words[0]);

    /// <summary>
    /// The correction as the articles write it; a stop word split off a run-together word (في of فيالقاهرة), which the
    /// index does not hold, as the user typed it.
    /// </summary>
    private string Written(string query, TypedWord word, WordCorrection correction, IndexSearcher searcher)
    {
        var pieces = new List<string>(correction.Words.Count);
        var foldedAt = 0;
        foreach (var piece in correction.Words)
        {
            var typedPiece = correction.Words.Count > 1 ? TypedPiece(query, word, foldedAt, piece.Length) : null;
            foldedAt += piece.Length;
            pieces.Add(ArabicStopWords.Folded.Contains(piece) ? typedPiece ?? piece : _writtenForms.Of(searcher, piece) ?? piece);
        }

        return string.Join(' ', pieces);
    }

    /// <summary>The typed characters that fold to <paramref name="word"/>.Folded[start..start+length]; null when
    /// folding did not go a character at a time (a presentation form).</summary>
    private static string? TypedPiece(string query, TypedWord word, int start, int length)
    {
        var typedStart = -1;
        var folded = 0;
        for (var i = word.Start; i < word.End; i++)
        {
            if (ArabicOrthography.FoldCharacter(query[i]) == '\0')
            {
                continue;
            }

            if (folded == start)
            {
                typedStart = i;
            }

            folded++;
            if (folded == start + length && typedStart >= 0)
            {
                return query[typedStart..(i + 1)];
            }
        }

        return null;
    }

    /// <summary>The words of the query's searched parts (not excluded ones, not prefixes), in query order, as analyzed
    /// unstemmed with where each stands in the query.</summary>
    private List<TypedWord> TypedWords(string query, UserQuery parsed, Vocabulary vocabulary, IReadOnlySet<string> unknownWords)
    {
        var words = new List<TypedWord>();
        foreach (var part in parsed.Groups.SelectMany(group => group.Alternatives))
        {
            if (part.Excluded || part.IsPrefix)
            {
                continue;
            }

            using var stream = exactAnalyzer.GetTokenStream(NewsFields.Text, part.Text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var folded = term.ToString();
                var docFreq = vocabulary.DocFreq(folded);
                words.Add(new TypedWord(part.Offset + offset.StartOffset, part.Offset + offset.EndOffset, folded, docFreq, docFreq == 0 && unknownWords.Contains(folded)));
            }

            stream.End();
        }

        words.Sort((a, b) => a.Start.CompareTo(b.Start));
        return words;
    }

    private static bool IsOnlySpace(string query, int from, int to) => from < to && query.AsSpan(from, to - from).IsWhiteSpace();

    /// <param name="Start">Where the word starts in the query as typed.</param>
    /// <param name="End">Where it ends.</param>
    /// <param name="Folded">As the index would hold it.</param>
    /// <param name="Unknown">The index holds the word in no form.</param>
    private readonly record struct TypedWord(int Start, int End, string Folded, int DocFreq, bool Unknown);
}
