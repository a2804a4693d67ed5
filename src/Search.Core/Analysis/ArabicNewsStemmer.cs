namespace Search.Core.Analysis;

/// <summary>
/// A light stemmer for news Arabic that removes fewer letters than Larkey's light10 (Lucene's <c>ArabicStemmer</c>)
/// but removes them more consistently. Input must already be folded (ة→ه, ى→ي, أ/إ/آ→ا).
/// </summary>
/// <remarks>
/// <para>Prefixes: only the article and the proclitics written with it (ال, وال, بال, كال, فال, لل, وبال, ولل …), so a
/// word that merely starts with و (وزير) keeps it. A one-letter proclitic is removed only in front of a known proper noun
/// (وفلسطين, للبنان).</para>
/// <para>Suffixes, peeled from the end in the order Arabic stacks them: one attached pronoun (ها هم هما هن كم كما كن نا, and
/// ه after ت),
/// restoring ة that turns into ت before it (مدرستها → مدرسه); then one plural ending (ات ون ين) and/or feminine ه;
/// then the nisba ي. So فلسطينيون, الفلسطينيين, فلسطينية and فلسطيني all meet فلسطين, while the dual ان is never
/// removed, which keeps لبنان, برلمان and إنسان whole.</para>
/// <para>Words in <see cref="ArabicProperNouns"/> are never cut. Every rule leaves at least three letters (two after
/// the bare article). Thread-safe: the stemmer has no mutable state.</para>
/// </remarks>
public sealed class ArabicNewsStemmer
{
    private const char Alef = 'ا';
    private const char Lam = 'ل';
    private const char Heh = 'ه';
    private const char Teh = 'ت';
    private const char Waw = 'و';
    private const char Yeh = 'ي';
    private const char Meem = 'م';
    private const int MinimumStem = 3;

    // Longest first: the first that fits wins.
    private static readonly string[] ArticlePrefixes = ["وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];
    private static readonly string[] PronounSuffixes = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا"];
    private static readonly string[] PluralSuffixes = ["ات", "ون", "ين"];

    private readonly FoldedWords _protectedWords;

    public ArabicNewsStemmer()
        : this(ArabicProperNouns.Folded)
    {
    }

    /// <param name="protectedWords">Folded words, without the article, that are never cut.</param>
    public ArabicNewsStemmer(FoldedWords protectedWords)
    {
        _protectedWords = protectedWords;
    }

    /// <summary>Stems <paramref name="buffer"/>[0..<paramref name="length"/>) in place and returns the stem's length.</summary>
    public int Stem(char[] buffer, int length)
    {
        if (length < MinimumStem || !ArabicOrthography.IsArabicLetter(buffer[0]) || IsProtected(buffer, 0, length))
        {
            return length;
        }

        var start = PrefixLength(buffer, length);
        var end = length;
        if (!IsProtected(buffer, start, end - start))
        {
            end = StripSuffixes(buffer, start, end);
        }

        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
        }

        return end - start;
    }

    private int PrefixLength(char[] buffer, int length)
    {
        // A known name behind a one- or two-letter proclitic: وفلسطين, للبنان, وبغزة.
        for (var clitics = 1; clitics <= 2 && length - clitics >= MinimumStem; clitics++)
        {
            if (!IsProclitic(buffer[clitics - 1]))
            {
                break;
            }

            if (IsProtected(buffer, clitics, length - clitics))
            {
                return clitics;
            }
        }

        var start = ArticlePrefixLength(buffer, 0, length);

        // Verbal nouns that start with ال themselves (التزام, الغاء) get the same stem with and without the article.
        if (start > 0)
        {
            var again = ArticlePrefixLength(buffer, start, length);
            if (again == 2)
            {
                start += again;
            }
        }

        return start;
    }

    private static int ArticlePrefixLength(char[] buffer, int start, int length)
    {
        if (start >= length)
        {
            return 0;
        }

        // First letters first: a span comparison with each of twelve prefixes was most of this method's time.
        var first = buffer[start];
        foreach (var prefix in ArticlePrefixes)
        {
            if (prefix[0] != first)
            {
                continue;
            }

            var remaining = length - start - prefix.Length;
            var minimum = prefix.Length == 2 ? 2 : MinimumStem;
            if (remaining >= minimum && StartsWith(buffer, start, prefix))
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    private int StripSuffixes(char[] buffer, int start, int end)
    {
        // 1. One attached pronoun. Taa marbuta is written ت before it (مدرستها, حكومته): put ه back, unless the ت
        // belongs to ات or to a وت pattern (بيوتها).
        var pronoun = MatchingSuffix(buffer, start, end, PronounSuffixes);

        // ه after ت is "his" on a word ending in ة (حكومته, مدرسته); elsewhere a final ه is handled with the feminine below.
        if (pronoun == 0 && end - start >= 5 && buffer[end - 1] == Heh && buffer[end - 2] == Teh)
        {
            pronoun = 1;
        }

        if (pronoun > 0)
        {
            end -= pronoun;
            if (end - start >= 4 && buffer[end - 1] == Teh && buffer[end - 2] is not Alef and not Waw)
            {
                buffer[end - 1] = Heh;
            }

            if (IsProtected(buffer, start, end - start))
            {
                return end;
            }
        }

        // 2. One plural ending, then the feminine ه it may stand on (اتجاهات → اتجاه → اتجا, like اتجاه → اتجا).
        var plural = MatchingSuffix(buffer, start, end, PluralSuffixes);
        if (plural > 0 && !IsVerbalNounOfNounRoot(buffer, start, end))
        {
            end -= plural;
            if (IsProtected(buffer, start, end - start))
            {
                return end;
            }
        }

        if (end - start > MinimumStem && buffer[end - 1] == Heh)
        {
            end--;
        }

        // 3. The nisba ي (فلسطيني → فلسطين, مصري → مصر).
        if (end - start > MinimumStem && buffer[end - 1] == Yeh)
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// تفعين/مفعون forms of roots ending in ن (تحسين, تمكين, مخزون, مضمون) end in ين/ون without being plurals; five-letter
    /// words shaped so are left whole. Real plurals of that length start with other letters (مصريون is a nisba plural).
    /// </summary>
    private static bool IsVerbalNounOfNounRoot(char[] buffer, int start, int end)
    {
        if (end - start != 5 || buffer[end - 1] != 'ن')
        {
            return false;
        }

        return (buffer[start] == Teh && buffer[end - 2] == Yeh) || (buffer[start] == Meem && buffer[end - 2] == Waw);
    }

    private static int MatchingSuffix(char[] buffer, int start, int end, string[] suffixes)
    {
        var last = buffer[end - 1];
        foreach (var suffix in suffixes)
        {
            if (suffix[^1] == last && end - start - suffix.Length >= MinimumStem && EndsWith(buffer, end, suffix))
            {
                return suffix.Length;
            }
        }

        return 0;
    }

    private bool IsProtected(char[] buffer, int start, int length) => _protectedWords.Contains(buffer, start, length);

    private static bool IsProclitic(char c) => c is Waw or 'ف' or 'ب' or Lam or 'ك';

    private static bool StartsWith(char[] buffer, int start, string prefix) =>
        buffer.AsSpan(start).StartsWith(prefix.AsSpan());

    private static bool EndsWith(char[] buffer, int end, string suffix) =>
        buffer.AsSpan(0, end).EndsWith(suffix.AsSpan());
}
