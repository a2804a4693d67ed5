using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// Builds the Lucene query for a <see cref="UserQuery"/>: each word is looked up, stemmed, in the title, lead and body
/// (weighted by <see cref="RankingOptions"/>) and, unstemmed, in the exact-form field; prefixes match stems; words are optional and rank
/// articles by how many match and how well; quoted phrases are required; excluded parts must not match. Thread-safe.
/// </summary>
public sealed class NewsQueryBuilder(Analyzer stemmedAnalyzer, Analyzer exactAnalyzer, ArabicNewsStemmer stemmer, RankingOptions ranking)
{
    public CompiledQuery Build(UserQuery userQuery)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var phrases = new List<IReadOnlyList<(string, int)>>();
        var query = new BooleanQuery();
        var hasPositive = false;

        foreach (var group in userQuery.Groups)
        {
            var alternatives = new List<(Query Query, QueryPart Part)>();
            foreach (var part in group.Alternatives)
            {
                var clause = BuildPart(part, part.Excluded ? null : (stems, prefixes, phrases));
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
                var occur = part.Excluded ? Occur.MUST_NOT : part.IsPhrase ? Occur.MUST : Occur.SHOULD;
                query.Add(clause, occur);
                hasPositive |= !part.Excluded;
                continue;
            }

            var either = new BooleanQuery();
            foreach (var (clause, _) in alternatives)
            {
                either.Add(clause, Occur.SHOULD);
            }

            query.Add(either, alternatives.Any(alternative => alternative.Part.IsPhrase) ? Occur.MUST : Occur.SHOULD);
            hasPositive = true;
        }

        return new CompiledQuery(hasPositive ? query : null, new HighlightTerms(stems, prefixes, phrases));
    }

    private Query? BuildPart(QueryPart part, (HashSet<string> Stems, List<string> Prefixes, List<IReadOnlyList<(string, int)>> Phrases)? highlight)
    {
        if (part.IsPrefix)
        {
            return PrefixPartQuery(part.Text, highlight?.Prefixes);
        }

        var tokens = TextAnalysis.Tokens(stemmedAnalyzer, NewsFields.Body, part.Text);
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1 && !part.IsPhrase)
        {
            highlight?.Stems.Add(tokens[0].Term);
            return WordQuery(tokens[0].Term, part.Text);
        }

        // A quoted phrase, or one typed word the tokenizer splits (covid-19, 5G-Advanced): the pieces must be adjacent.
        highlight?.Phrases.Add([.. tokens.Select(token => (token.Term, token.Position - tokens[0].Position))]);
        var phrase = new BooleanQuery();
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
            prefix.Add(new PrefixQuery(new Term(NewsFields.ExactText, folded)) { Boost = ranking.ExactFormBoost }, Occur.SHOULD);
        }

        return prefix;
    }

    private BooleanQuery WordQuery(string stem, string typed)
    {
        var word = new BooleanQuery();
        foreach (var (field, boost) in WeightedFields())
        {
            word.Add(new TermQuery(new Term(field, stem)) { Boost = boost }, Occur.SHOULD);
        }

        var exact = TextAnalysis.Tokens(exactAnalyzer, NewsFields.ExactText, typed);
        if (exact.Count == 1 && ranking.ExactFormBoost > 0)
        {
            word.Add(new TermQuery(new Term(NewsFields.ExactText, exact[0].Term)) { Boost = ranking.ExactFormBoost }, Occur.SHOULD);
        }

        return word;
    }

    private IEnumerable<(string Field, float Boost)> WeightedFields()
    {
        yield return (NewsFields.Title, ranking.TitleBoost);
        yield return (NewsFields.Lead, ranking.LeadBoost);
        yield return (NewsFields.Body, ranking.BodyBoost);
    }
}
