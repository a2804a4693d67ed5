namespace Search.LoadTest.Workload;

/// <summary>The kinds of search-box query the benchmarks time separately.</summary>
public enum QueryClass
{
    /// <summary>One of the most frequent non-stop words: long posting lists, many hits.</summary>
    CommonTerm,

    /// <summary>A word seen in one sampled article: short posting lists.</summary>
    RareTerm,

    /// <summary>Two words from one article, typed plainly: <c>a b</c> (both optional, more matches rank higher).</summary>
    TwoWords,

    /// <summary><c>a OR b</c>.</summary>
    TwoWordsOr,

    /// <summary>Two adjacent words of a real article in quotes: <c>"a b"</c>.</summary>
    Phrase,

    /// <summary>The start of a word with a star: <c>abcd*</c>.</summary>
    Prefix,

    /// <summary>A natural question of about six words (XQuAD's Arabic questions when present).</summary>
    Question,
}
