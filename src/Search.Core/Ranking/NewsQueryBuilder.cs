using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Highlighting;
using Search.Core.Querying;
using Search.Core.Segments;
using Search.Core.Spelling;

namespace Search.Core.Ranking;

/// <summary>
/// Builds the Lucene query for a <see cref="UserQuery"/>: each word is looked up, stemmed, in the whole article text and,
/// with extra weight, in the title, and as the exact form typed in the text; prefixes match stems. As in
/// Elasticsearch's simple query string with OR as default operator, words and quoted phrases are optional and rank
/// articles by how many match and how well (a phrase weighs more than its words); <c>+</c> makes a part required and
/// <c>-</c> excludes it; a query of one part requires it. Thread-safe.
/// </summary>
public sealed class NewsQueryBuilder(Analyzer stemmedAnalyzer, Analyzer exactAnalyzer, ArabicNewsStemmer stemmer, RankingOptions ranking)
{
    private const int MaxProximityPairs = 16;
    /// <summary>Words of one query looked up for corrections; the rest of a long query matches as typed.</summary>
    private const int MaxCorrectedWords = 4;

    /// <summary>Corrections a word matches: the likeliest by frequency is not always the one meant (اتلطرف: الطرف is
    /// far more common than التطرف), and the other words of the query pick the right one. Measured 1 to 5 on the
    /// headline task (benchmarks/README.md).</summary>
    private const int MaxCorrections = 3;

    /// <summary>Each less likely correction weighs this much of the one before.</summary>
    private const float LessLikelyCorrectionWeight = 0.7f;

    /// <summary>The correction cost (<see cref="SpellingCorrector"/>) at which a correction counts half.</summary>
    private const float CostForHalfConfidence = 2f;

    /// <summary>An unseen form of a known stem is widened only to words this many times as common as the stem.</summary>
    private const int UnseenFormRatio = 10;

    /// <summary>One-letter proclitics: و ف ب ل ك.</summary>
    private const string Proclitics = "وفبلك";

    private readonly NameSpellings _spellings = new(ArabicNameSpellings.Groups, folded => StemWith(stemmer, folded));

    /// <summary>The index's words, a trie a segment, for corrections; shared with the index's warmers.</summary>
    internal WordTries Words { get; init; } = new();

    /// <summary>Postings enumerators that searches of built queries give back (<see cref="CompiledQuery.GiveBackPostings"/>)
    /// and later builds' term clauses reuse: a quarter of what a question allocated (benchmarks/README.md).</summary>
    internal PostingsPool Postings { get; } = new();

    /// <summary>A corrector for one search of <paramref name="reader"/>.</summary>
    internal SpellingCorrector CorrectorFor(IndexReader reader) => new(new Vocabulary(reader, Words));

    /// <param name="reader">The index searched, for word statistics (proclitic variants); null to build without them.</param>
    public CompiledQuery Build(UserQuery userQuery, IndexReader? reader = null) => Build(userQuery, reader, corrector: null);

    /// <param name="corrector">Corrects words the index does not know; its choices are cached, so a "did you mean" for
    /// the same search reuses them. Null: one of its own (<see cref="CorrectorFor"/>) when there is a reader.</param>
    internal CompiledQuery Build(UserQuery userQuery, IndexReader? reader, SpellingCorrector? corrector)
    {
        var positiveParts = userQuery.Groups.SelectMany(group => group.Alternatives).Count(part => !part.Excluded);
        var context = new BuildContext(reader, Postings, ranking, _spellings, corrector ?? (reader is null ? null : CorrectorFor(reader)), requireWholePhrases: positiveParts == 1, Stem);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var phrases = new List<IReadOnlyList<(string, int)>>();
        var query = new BooleanQuery();
        var hasPositive = false;

        var groups = userQuery.Groups.Select(context.ReadLatinLayout).ToList();

        // joins[g]: groups g and g + 1 as one word, if they are one; each pair looked up once.
        var joins = groups.Zip(groups.Skip(1), context.JoinSplitWord).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var joined = g < joins.Count ? joins[g] : null;
            if (joined is not null && g + 1 < joins.Count && joins[g + 1] is { } next && next.Fits.CompareTo(joined.Fits) > 0)
            {
                joined = null;
            }

            if (joined is not null)
            {
                // One word typed with a space inside it (ح رب, الس كري): searched as the word, as the user meant it.
                // A piece that joins the word after it better (احتضان أ فروباسكات: أ, no word, and فروباسكات, none
                // either) goes with that one.
                context.Retyped(joined.Word);
                group = joined.Group;
                g++;
            }

            var alternatives = new List<(Query Query, QueryPart Part)>();
            foreach (var part in group.Alternatives)
            {
                var clause = BuildPart(part, part.Excluded ? null : (stems, prefixes, phrases), context);
                if (clause is not null)
                {
                    alternatives.Add((clause, part));
                }
            }

            if (alternatives.Count == 0)
            {
                continue;
            }

            if (alternatives.Count == 1)
            {
                var (clause, part) = alternatives[0];
                var occur = part.Excluded ? Occur.MUST_NOT : part.Required ? Occur.MUST : Occur.SHOULD;
                query.Add(clause, occur);
                hasPositive |= !part.Excluded;
                continue;
            }

            var either = new BooleanQuery();
            foreach (var (clause, _) in alternatives)
            {
                either.Add(clause, Occur.SHOULD);
            }

            query.Add(either, alternatives.Any(alternative => alternative.Part.Required) ? Occur.MUST : Occur.SHOULD);
            hasPositive = true;
        }

        if (userQuery.OnlyExclusions)
        {
            // Only exclusions (-رياضة): every article but theirs, as Elasticsearch's simple query string gives; the
            // request then lists them newest first (SearchRequest.EffectiveSort).
            var allBut = new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST } };
            foreach (var exclusion in query.Clauses)
            {
                allBut.Add(exclusion);
            }

            return new CompiledQuery(allBut, HighlightTerms.None) { Terms = context.Terms };
        }

        if (hasPositive)
        {
            AddProximity(query, context.WordStems, userQuery.IsQuestion ? ranking.QuestionProximityBoost : ranking.ProximityBoost, context.Terms);
        }

        return new CompiledQuery(hasPositive ? Flatten(query) : null, new HighlightTerms(stems, prefixes, phrases))
        {
            OnlyStopWords = !hasPositive && userQuery.Groups.SelectMany(group => group.Alternatives).Any(IsStopWordsOnly),
            HasUnseenWords = context.HasUnseenWords,
            UnknownWords = context.UnknownWords,
            RetypedWords = context.RetypedWords,
            Terms = context.Terms,
        };
    }

    /// <summary>
    /// A word or phrase searched for that gave no clause though it has letters or digits: the analysis chain dropped
    /// every word of it as a stop word (a prefix too short, or punctuation alone, gives none for another reason).
    /// </summary>
    private bool IsStopWordsOnly(QueryPart part) =>
        !part.Excluded && !part.IsPrefix
        && ArabicOrthography.Fold(part.Text).Any(char.IsLetterOrDigit)
        && TextAnalysis.Tokens(stemmedAnalyzer, NewsFields.Text, part.Text).Count == 0;

    /// <summary>
    /// Lifts the clauses of optional sub-queries made only of optional clauses into the top query. Matches and scores are
    /// the same (BM25 has no coordination factor), but Lucene then scores one flat disjunction instead of a tree of them,
    /// with one scorer queue instead of one per word.
    /// </summary>
    private static BooleanQuery Flatten(BooleanQuery query)
    {
        // Lucene refuses a Boolean query of more clauses than its limit: a long query of short words stays nested
        // (each word a clause of its own), which is slower but always within it.
        var leaves = query.Clauses.Sum(clause => clause.Occur == Occur.SHOULD && IsPlainDisjunction(clause.Query)
            ? Leaves((BooleanQuery)clause.Query).Count()
            : 1);
        if (leaves > BooleanQuery.MaxClauseCount)
        {
            return query;
        }

        var flat = new WindowedDisjunctionQuery();
        foreach (var clause in query.Clauses)
        {
            if (clause.Occur == Occur.SHOULD && IsPlainDisjunction(clause.Query))
            {
                foreach (var leaf in Leaves((BooleanQuery)clause.Query))
                {
                    flat.Add(leaf, Occur.SHOULD);
                }
            }
            else
            {
                flat.Add(clause);
            }
        }

        return flat;
    }

    private static bool IsPlainDisjunction(Query query) =>
        query is BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } boolean && boolean.Clauses.All(clause => clause.Occur == Occur.SHOULD);

    private static IEnumerable<Query> Leaves(BooleanQuery query) =>
        query.Clauses.SelectMany(clause => IsPlainDisjunction(clause.Query) ? Leaves((BooleanQuery)clause.Query) : [clause.Query]);

    /// <summary>
    /// Rewards articles where consecutive query words stand near each other (a sloppy phrase per adjacent pair), so a
    /// story about the thing asked outranks one that merely mentions its words far apart.
    /// </summary>
    /// <param name="terms">The build's term lookups, whose states and enumerators the pairs reuse (the words' own clauses
    /// looked the terms up already); null when building without a reader.</param>
    private void AddProximity(BooleanQuery query, List<string> wordStems, float weight, TermLookup? terms)
    {
        if (weight <= 0 || wordStems.Count < 2)
        {
            return;
        }

        // In the whole text only: the title already earns its own bonus, and each phrase clause costs position reads.
        // A question's words are few; for a pasted paragraph, its opening pairs are enough.
        for (var i = 0; i + 1 < wordStems.Count && i < MaxProximityPairs; i++)
        {
            var first = new Term(NewsFields.Text, wordStems[i]);
            var second = new Term(NewsFields.Text, wordStems[i + 1]);
            var pair = first.Equals(second)
                ? new PhraseQuery { { first, 0 }, { second, 1 } }
                : new ProximityPairQuery(first, second, ranking.ProximitySlop, terms);
            pair.Slop = ranking.ProximitySlop;
            pair.Boost = weight;
            query.Add(pair, Occur.SHOULD);
        }
    }

    private Query? BuildPart(QueryPart part, (HashSet<string> Stems, List<string> Prefixes, List<IReadOnlyList<(string, int)>> Phrases)? highlight, BuildContext context)
    {
        if (part.IsPrefix)
        {
            return PrefixPartQuery(part.Text, highlight?.Prefixes);
        }

        var tokens = TextAnalysis.Tokens(stemmedAnalyzer, NewsFields.Text, part.Text);
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1 && !part.IsPhrase)
        {
            var forms = context.FormsOf(tokens[0].Term);
            if (highlight is not null)
            {
                highlight.Value.Stems.UnionWith(forms);
                context.WordStems.Add(tokens[0].Term);
            }

            return WordQuery(forms, part.Text, context, highlight?.Stems);
        }

        // A quoted phrase, or one typed word the tokenizer splits (covid-19, 5G-Advanced, الحكومة،الوزارة): the pieces
        // standing together and in order earn the phrase clauses below.
        highlight?.Phrases.Add([.. tokens.Select(token => (token.Term, token.Position - tokens[0].Position))]);
        var phrase = new BooleanQuery();
        if (!part.Excluded && !part.Required && (!part.IsPhrase || !context.RequireWholePhrases))
        {
            // Quotes in a longer query (a pasted headline, a name among other words) mark a phrase to favour, not a
            // filter: its words also count one by one, so an article that words it differently is still found. So do
            // the pieces of a word the tokenizer splits, which the reader did not quote: words typed without a space
            // after a comma or slash (الحكومة،الوزارة, الحكومة/الوزارة), around a stray markup tag (<b>الحكومة</b>),
            // or a date (15/5/2018) found nothing when their pieces had to stand side by side.
            foreach (var token in tokens)
            {
                var forms = context.FormsOf(token.Term);
                highlight?.Stems.UnionWith(forms);
                phrase.Add(WordQuery(forms, part.Text[token.StartOffset..token.EndOffset], context, highlight?.Stems), Occur.SHOULD);
            }
        }

        foreach (var (field, boost) in WeightedFields())
        {
            var fieldPhrase = new PhraseQuery { Boost = boost * (part.IsPhrase ? ranking.PhraseBoost : 1f) };
            foreach (var token in tokens)
            {
                fieldPhrase.Add(new Term(field, token.Term), token.Position);
            }

            phrase.Add(fieldPhrase, Occur.SHOULD);
        }

        return phrase;
    }

    /// <summary>
    /// A prefix matches stems (so اتصا* finds الاتصالات and الاتصا* finds اتصال) and, with less weight, unstemmed words;
    /// prefixes expand with a constant score, so they never overflow the clause limit.
    /// </summary>
    private BooleanQuery? PrefixPartQuery(string typed, List<string>? highlightPrefixes)
    {
        var folded = ArabicOrthography.Fold(typed);
        var buffer = folded.ToCharArray();
        var stemmed = new string(buffer, 0, stemmer.Stem(buffer, buffer.Length));
        if (folded.Length < UserQueryParser.MinPrefixLength || stemmed.Length < UserQueryParser.MinPrefixLength)
        {
            return null;
        }

        highlightPrefixes?.Add(stemmed);
        var prefix = new BooleanQuery();
        foreach (var (field, boost) in WeightedFields())
        {
            prefix.Add(new PrefixQuery(new Term(field, stemmed)) { Boost = boost }, Occur.SHOULD);
        }

        if (ranking.ExactFormBoost > 0)
        {
            prefix.Add(new PrefixQuery(new Term(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(folded))) { Boost = ranking.ExactFormBoost }, Occur.SHOULD);
        }

        return prefix;
    }

    /// <param name="typed">The word as typed, whose folded form earns the exact-form bonus.</param>
    /// <param name="highlightStems">Where the stems this word matches go for highlighting; null for an excluded word.</param>
    /// <param name="correct">Whether a word the index does not know may match its likeliest correction (not the
    /// correction itself).</param>
    private BooleanQuery WordQuery(IReadOnlyList<string> forms, string typed, BuildContext context, ISet<string>? highlightStems, bool correct = true)
    {
        var word = new BooleanQuery();
        foreach (var (field, boost) in WeightedFields())
        {
            if (forms.Count == 1)
            {
                var single = context.TermQuery(field, forms[0]);
                single.Boost = boost;
                word.Add(single, Occur.SHOULD);
                continue;
            }

            // Forms of one word count once per field: the best-matching form, not their sum.
            var anyForm = new BestOfQuery { Boost = boost };
            foreach (var form in forms)
            {
                var clause = context.TermQuery(field, form);
                if (context.IsOtherSpelling(forms[0], form))
                {
                    // The typed spelling first: the other one's articles follow, rather than mix in (measured).
                    clause.Boost = ranking.OtherSpellingWeight;
                }

                anyForm.Add(clause);
            }

            word.Add(anyForm, Occur.SHOULD);
        }

        var exact = TextAnalysis.Tokens(exactAnalyzer, NewsFields.Text, typed);
        if (exact.Count == 1 && ranking.ExactFormBoost > 0)
        {
            var exactForm = context.TermQuery(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(context.ExactFormOf(exact[0].Term)));
            exactForm.Boost = ranking.ExactFormBoost;
            word.Add(exactForm, Occur.SHOULD);
        }

        if (correct && exact.Count == 1 && highlightStems is not null && context.Corrections(forms, exact[0].Term) is { Count: > 0 } corrections)
        {
            word.Add(CorrectionsQuery(corrections, context, highlightStems), Occur.SHOULD);
        }

        return word;
    }

    /// <summary>
    /// A word the index has never seen is most likely mistyped or spelt otherwise (جيجن for جيجين, معدلاتالانتحار): it
    /// also matches its likeliest corrections, each word of one as if typed, the best-matching one counting (a max, as
    /// for a word's forms) and each less likely one weighing less.
    /// </summary>
    private BooleanQuery CorrectionsQuery(IReadOnlyList<WordCorrection> corrections, BuildContext context, ISet<string> highlightStems)
    {
        var anyCorrection = new BestOfQuery();
        var weight = 1f;
        foreach (var correction in corrections)
        {
            var words = new BooleanQuery { Boost = weight * Confidence(correction) };
            foreach (var corrected in correction.Words.Where(corrected => !ArabicStopWords.Folded.Contains(corrected)))
            {
                var correctedForms = context.FormsOf(Stem(corrected));
                highlightStems.UnionWith(correctedForms);
                words.Add(WordQuery(correctedForms, corrected, context, highlightStems, correct: false), Occur.SHOULD);
            }

            anyCorrection.Add(words);
            weight *= LessLikelyCorrectionWeight;
        }

        return new BooleanQuery { { anyCorrection, Occur.SHOULD } };
    }

    /// <summary>
    /// How fully a correction counts: wholly when its frequency outweighs its edits (cost 0 or less: a word a thousand
    /// times more common per edit, as a slip's correction in a large index is), down to half for one no frequency
    /// vouches for (a correct word the index lacks, near some rare one). Measured: counting every correction wholly
    /// cost the XQuAD questions, whose unknown words are mostly correct, 0.2 points; this keeps them and gains on slips
    /// (benchmarks/README.md).
    /// </summary>
    private static float Confidence(WordCorrection correction) =>
        Math.Clamp(1f - (0.5f * correction.Cost / CostForHalfConfidence), 0.5f, 1f);

    private string Stem(string folded) => StemWith(stemmer, folded);

    private static string StemWith(ArabicNewsStemmer stemmer, string folded)
    {
        var buffer = folded.ToCharArray();
        return new string(buffer, 0, stemmer.Stem(buffer, buffer.Length));
    }

    private IEnumerable<(string Field, float Boost)> WeightedFields()
    {
        yield return (NewsFields.Text, 1f);
        if (ranking.TitleBoost > 0)
        {
            yield return (NewsFields.Title, ranking.TitleBoost);
        }
    }

    /// <summary>Two typed pieces searched as one word: the group that searches it, where it stands, and how well it
    /// fits (pieces that are no word, then the word's frequency), to pick between two joins sharing a piece.</summary>
    private sealed record SplitWord(QueryGroup Group, RetypedWord Word, (int NoWords, int Frequency) Fits);

    /// <summary>Per-build state: the reader for statistics, the speller, and the stems of plain words in query order.</summary>
    private sealed class BuildContext(IndexReader? reader, PostingsPool postings, RankingOptions ranking, NameSpellings spellings, SpellingCorrector? corrector, bool requireWholePhrases, Func<string, string> stem)
    {
        private readonly WordForms? _forms = reader is null ? null : new WordForms(new TermLookup(reader, postings), ranking, spellings);
        private int _correctedWords;

        /// <summary>Term lookups for the reader searched; null when building without one.</summary>
        public TermLookup? Terms => _forms?.Terms;

        public List<string> WordStems { get; } = [];

        /// <summary>True once a searched word turned out unknown to the index, in the form typed or in every form.</summary>
        public bool HasUnseenWords { get; private set; }

        /// <summary>The searched words (folded, as typed) the index knows in no form.</summary>
        public HashSet<string> UnknownWords { get; } = new(StringComparer.Ordinal);

        public TermQuery TermQuery(string field, string text) => Terms?.Query(field, text) ?? new TermQuery(new Term(field, text));

        /// <summary>
        /// The likeliest corrections (at most <see cref="MaxCorrections"/>) of a searched word (folded, as typed) the
        /// index does not hold in this form: for a word it knows in no form, the nearest words or the two it ran
        /// together; for an unseen form of a known stem (الغوطت, stem in an article by mistake), only words of another
        /// stem at least <see cref="UnseenFormRatio"/> times as common as that stem, since an unseen form is most often
        /// a correct inflection. Empty for a word the index holds as typed, or once <see cref="MaxCorrectedWords"/>
        /// words of the query were looked up: each costs a walk of the term dictionary. The lookups of the word's
        /// forms were made for its own clauses already, so a correctly typed query pays nothing.
        /// </summary>
        public IReadOnlyList<WordCorrection> Corrections(IReadOnlyList<string> forms, string folded)
        {
            if (folded.Length == SpellingCorrector.MinWordLength - 1)
            {
                return TwoLetterCorrections(forms, folded);
            }

            if (Terms is null || folded.Length < SpellingCorrector.MinWordLength || !ArabicOrthography.IsArabicLetter(folded[0])
                || WrittenFreq(folded) > 0)
            {
                return [];
            }

            HasUnseenWords = true;
            var stemFrequency = forms.Max(form => Terms.DocFreq(NewsFields.Text, form));
            if (stemFrequency == 0)
            {
                UnknownWords.Add(folded);
            }

            if (!ranking.CorrectUnknownWords || corrector is null || _correctedWords++ >= MaxCorrectedWords)
            {
                return [];
            }

            if (stemFrequency == 0)
            {
                return [.. corrector.CandidatesForUnknown(folded).Take(MaxCorrections)];
            }

            return [.. corrector.CandidatesForUnseenForm(folded)
                .Where(candidate => candidate.DocFreq >= (long)UnseenFormRatio * stemFrequency && !forms.Contains(stem(candidate.Words[0])))
                .Take(MaxCorrections)];
        }

        /// <summary>
        /// A two-letter word the index holds in no form (قع, لق, طي) is most often a three-letter word with a letter
        /// dropped: it matches the likeliest of those (<see cref="SpellingCorrector.CandidatesForTwoLetters"/>), for the
        /// search only; the "did you mean" leaves two-letter words alone, as before. A two-letter word any article
        /// holds is left as typed.
        /// </summary>
        private IReadOnlyList<WordCorrection> TwoLetterCorrections(IReadOnlyList<string> forms, string folded)
        {
            if (Terms is null || !ranking.CorrectUnknownWords || corrector is null || !folded.All(ArabicOrthography.IsArabicLetter)
                || WrittenFreq(folded) > 0 || forms.Any(form => Terms.DocFreq(NewsFields.Text, form) > 0)
                || _correctedWords++ >= MaxCorrectedWords)
            {
                return [];
            }

            HasUnseenWords = true;
            return [.. corrector.CandidatesForTwoLetters(folded).Take(MaxCorrections)];
        }

        /// <summary>Text the build searched as another word (<see cref="JoinSplitWord"/>, <see cref="ReadLatinLayout"/>).</summary>
        public List<RetypedWord> RetypedWords { get; } = [];

        /// <summary>Records a word the build read otherwise: the query then deserves a "did you mean" that writes it.</summary>
        public void Retyped(RetypedWord word)
        {
            RetypedWords.Add(word);
            HasUnseenWords = true;
        }

        /// <summary>
        /// Two plain words typed one after the other that are one word with a space slipped in (ح رب, الس كري, رمضا ن):
        /// the word they make together, when the index holds it as written and one piece is no word of its own, a
        /// single letter (not و, which many type apart) or a form the index holds at most 1/<see
        /// cref="SpellingCorrector.RareWordRatio"/> as often as the joined word. Null otherwise: two real words stay two
        /// words (عبد الله, أبو ظبي). Measured on questions with one word split: MRR@10 0.541 → 0.588 (ARCD), 0.662 →
        /// 0.683 (XQuAD), against 0.664 and 0.726 unbroken; correct queries unchanged.
        /// </summary>
        public SplitWord? JoinSplitWord(QueryGroup left, QueryGroup right)
        {
            if (Terms is null || !ranking.CorrectUnknownWords
                || left.Alternatives is not [{ IsPhrase: false, IsPrefix: false, Excluded: false } first]
                || right.Alternatives is not [{ IsPhrase: false, IsPrefix: false, Excluded: false } second])
            {
                return null;
            }

            var leftFolded = ArabicOrthography.Fold(first.Text);
            var rightFolded = ArabicOrthography.Fold(second.Text);
            if (leftFolded.Length == 0 || rightFolded.Length == 0 || !leftFolded.All(ArabicOrthography.IsArabicLetter) || !rightFolded.All(ArabicOrthography.IsArabicLetter))
            {
                return null;
            }

            var joined = leftFolded + rightFolded;
            if (joined.Length < SpellingCorrector.MinWordLength || joined.Length > SpellingCorrector.MaxWordLength)
            {
                return null;
            }

            var joinedFrequency = WrittenFreq(joined);
            var noWords = joinedFrequency == 0 ? 0 : (IsNoWordBeside(leftFolded, joinedFrequency) ? 1 : 0) + (IsNoWordBeside(rightFolded, joinedFrequency) ? 1 : 0);
            if (noWords == 0)
            {
                return null;
            }

            return new SplitWord(
                new QueryGroup([new QueryPart(first.Text + second.Text, Required: first.Required || second.Required) { Offset = first.Offset }]),
                new RetypedWord(first.Offset, second.Offset + second.Text.Length, joined),
                (noWords, joinedFrequency));
        }

        /// <summary>
        /// A plain word typed with the keyboard left on the Latin layout (hgp;,lm for الحكومة, Ydvhk for إيران): the
        /// Arabic word its keys carry (<see cref="ArabicKeyboard.FromLatinLayout"/>), when the index holds that as
        /// written and not the word as typed (a Latin name or abbreviation the articles use stays as it is). The group
        /// unchanged otherwise. Measured on questions with one word so typed: MRR@10 0.562 → 0.652 (ARCD), 0.747 → 0.803
        /// (XQuAD), against 0.675 and 0.862 typed in Arabic.
        /// </summary>
        public QueryGroup ReadLatinLayout(QueryGroup group)
        {
            if (Terms is null || !ranking.CorrectUnknownWords
                || group.Alternatives is not [{ IsPhrase: false, IsPrefix: false } part]
                || part.Text.Length < SpellingCorrector.MinWordLength || part.Text.Length > SpellingCorrector.MaxWordLength
                || !part.Text.Any(char.IsAsciiLetter) || !part.Text.All(char.IsAscii))
            {
                return group;
            }

            var arabic = ArabicKeyboard.FromLatinLayout(part.Text);
            if (arabic is null)
            {
                return group;
            }

            var folded = ArabicOrthography.Fold(arabic);
            if (!folded.All(ArabicOrthography.IsArabicLetter) || folded.Length < SpellingCorrector.MinWordLength || WrittenFreq(folded) == 0
                || WrittenFreq(ArabicOrthography.Fold(part.Text)) > 0)
            {
                return group;
            }

            if (!part.Excluded)
            {
                Retyped(new RetypedWord(part.Offset, part.Offset + part.Text.Length, folded));
            }

            return new QueryGroup([part with { Text = arabic }]);
        }

        private bool IsNoWordBeside(string piece, int joinedFrequency) =>
            piece.Length == 1 ? piece[0] != 'و'
            : !ArabicStopWords.Folded.Contains(piece) && (long)WrittenFreq(piece) * SpellingCorrector.RareWordRatio <= joinedFrequency;

        private int WrittenFreq(string folded) => Terms!.DocFreq(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(folded));

        /// <summary>
        /// The written form whose articles earn a word's exact-form bonus: the word as typed (folded), or, when the
        /// index never saw it so and the word bears an article or a one-letter proclitic no article put on it
        /// (والأرجنتين, وزيدان, الجندح), the form without it, when the index holds that. Otherwise the bonus went to no
        /// article at all. Measured: MRR@10 of the XQuAD questions as typed 0.8290 → 0.8312, ARCD 0.6752 → 0.6760,
        /// the headlines unchanged (benchmarks/README.md).
        /// </summary>
        public string ExactFormOf(string folded)
        {
            if (Terms is null || !ranking.ProcliticVariants || folded.Length < 4 || !ArabicOrthography.IsArabicLetter(folded[0]) || WrittenFreq(folded) > 0)
            {
                return folded;
            }

            foreach (var bare in new[] { Proclitics.Contains(folded[0]) ? folded[1..] : null, folded.StartsWith("ال", StringComparison.Ordinal) ? folded[2..] : null })
            {
                if (bare is { Length: >= 3 } && WrittenFreq(bare) > 0)
                {
                    return bare;
                }
            }

            return folded;
        }

        /// <summary>True when the query is one phrase alone: then the phrase itself is what must match.</summary>
        public bool RequireWholePhrases { get; } = requireWholePhrases;

        public bool IsOtherSpelling(string stem, string form) => _forms is not null && _forms.IsOtherSpelling(stem, form);

        /// <summary>The word's stem and the other forms of it the index vouches for (<see cref="WordForms"/>).</summary>
        public IReadOnlyList<string> FormsOf(string stem) => _forms?.Of(stem) ?? [stem];
    }
}
