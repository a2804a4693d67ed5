using System.Text.RegularExpressions;

namespace Search.Core.Querying;

/// <summary>
/// Parses search-box syntax: plain words, <c>"exact phrases"</c>, <c>-excluded</c> and <c>+required</c> words or
/// phrases, <c>OR</c> between parts and <c>word*</c> prefixes. It never fails: an unbalanced quote closes at the end of the input, stray operators
/// and lone stars are dropped, and every other character is left for the analyzer, which ignores punctuation. Lucene's
/// own syntax characters have no meaning here, so they cannot produce errors. Markup pasted or typed by mistake (a tag
/// such as <c>&lt;b&gt;</c> or <c>&lt;/p&gt;</c>, a character entity such as <c>&amp;nbsp;</c>) is read as spaces: its
/// name is no word the reader searched for, and as a rare token it outranked the words it wrapped. Thread-safe (no state).
/// </summary>
public static partial class UserQueryParser
{
    /// <summary>A prefix shorter than this would expand to a large share of the vocabulary; it is searched as a word.</summary>
    public const int MinPrefixLength = 2;

    private const string OrOperator = "OR";

    public static UserQuery Parse(string text)
    {
        // Blanked to as many spaces, so every part's offset still points into the query as typed.
        var typed = text;
        text = Markup().Replace(text, match => new string(' ', match.Length));
        var parts = new List<(QueryPart? Part, bool IsOr)>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            var required = false;
            if (text[i] is '-' or '\u2212' or '+' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = text[i] != '+';
                required = text[i] == '+';
                i++;
            }

            if (IsQuote(text[i]))
            {
                var close = FindClosingQuote(text, i + 1);
                var quoted = text[(i + 1)..close];
                var phrase = quoted.Trim();
                var phraseOffset = i + 1 + (quoted.Length - quoted.TrimStart().Length);
                i = Math.Min(close + 1, text.Length);
                if (phrase.Length > 0)
                {
                    parts.Add((new QueryPart(phrase, IsPhrase: true, Excluded: excluded, Required: required) { Offset = phraseOffset }, false));
                }

                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (!excluded && !required && word == OrOperator)
            {
                parts.Add((null, true));
                continue;
            }

            var isPrefix = word.EndsWith('*');
            var wordOffset = start + (word.Length - word.TrimStart('*', '-', '+').Length);
            word = word.Trim('*', '-', '+');
            if (word.Length == 0)
            {
                continue;
            }

            parts.Add((new QueryPart(word, Excluded: excluded, IsPrefix: isPrefix && word.Length >= MinPrefixLength, Required: required) { Offset = wordOffset }, false));
        }

        return new UserQuery(Group(parts)) { IsQuestion = QuestionForm.IsQuestion(typed) };
    }

    /// <summary>An HTML or XML tag (a letter after &lt; or &lt;/, no &lt; or &gt; inside) or a character entity.</summary>
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    /// <summary>Joins parts linked by OR; an OR at either end or next to another OR is dropped. Exclusions never join a group.</summary>
    private static List<QueryGroup> Group(List<(QueryPart? Part, bool IsOr)> parts)
    {
        var groups = new List<List<QueryPart>>();
        var joinNext = false;
        foreach (var (part, isOr) in parts)
        {
            if (isOr)
            {
                joinNext = groups.Count > 0 && !groups[^1][^1].Excluded;
                continue;
            }

            if (joinNext && !part!.Excluded)
            {
                groups[^1].Add(part);
            }
            else
            {
                groups.Add([part!]);
            }

            joinNext = false;
        }

        return [.. groups.Select(group => new QueryGroup(group))];
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»' or '＂';

    private static int FindClosingQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (IsQuote(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }
}
