namespace Search.Core.Suggesting;

/// <summary>
/// One segment's titles: each article's folded title (its first <see cref="SuggestionOptions.MaxTitleKeyLength"/>
/// characters) sorted for prefix lookup, with the article's document number, its recency weight against the segment's
/// newest story (<see cref="Freshness"/>) and its publication minute. Copies of one headline (the kept key and a hash of
/// the whole folded title equal) lie side by side, newest first, and the first of them is marked, so a scan groups them
/// without comparing keys. The written title and the id are read for the few titles shown
/// (<see cref="HeadlineReader"/>), so they take no memory here. Immutable; thread-safe.
/// </summary>
internal sealed class TitleTable(SortedKeys keys, int[] docs, float[] freshness, int[] minutes, int[] titleHashes, bool[] firstCopies)
{
    /// <summary>The minute of an undated article: older than any.</summary>
    public const int Undated = int.MinValue;

    public static TitleTable Empty { get; } = new(SortedKeys.Empty, [], [], [], [], []);

    public SortedKeys Keys => keys;

    public int Doc(int index) => docs[index];

    public float Freshness(int index) => freshness[index];

    /// <summary>Publication time in minutes since 1970, or <see cref="Undated"/>.</summary>
    public int Minute(int index) => minutes[index];

    /// <summary>A hash of the whole folded title: with the key, what tells copies of one headline from other headlines
    /// that start alike, in one segment or several. Valid within the process only.</summary>
    public int TitleHash(int index) => titleHashes[index];

    /// <summary>True for the newest copy of a headline, where its group starts.</summary>
    public bool IsFirstCopy(int index) => firstCopies[index];

    public long MemoryBytes => keys.MemoryBytes + (4L * docs.Length) + (4L * freshness.Length) + (4L * minutes.Length) + (4L * titleHashes.Length) + firstCopies.Length;

    /// <summary>Sorts the titles gathered from a segment into a table: <c>Key</c> is the start of the folded title
    /// kept, <c>TitleHash</c> a hash of all of it (<see cref="string.GetHashCode(ReadOnlySpan{char})"/>).</summary>
    public static TitleTable Build(List<(string Key, int TitleHash, int Doc, float Freshness, int Minute)> titles)
    {
        titles.Sort((left, right) =>
        {
            var byKey = string.CompareOrdinal(left.Key, right.Key);
            return byKey != 0 ? byKey
                : left.TitleHash != right.TitleHash ? left.TitleHash.CompareTo(right.TitleHash)
                : right.Minute != left.Minute ? right.Minute.CompareTo(left.Minute)
                : left.Doc.CompareTo(right.Doc);
        });
        var firstCopies = new bool[titles.Count];
        for (var i = 0; i < titles.Count; i++)
        {
            firstCopies[i] = i == 0 || titles[i].TitleHash != titles[i - 1].TitleHash || !string.Equals(titles[i].Key, titles[i - 1].Key, StringComparison.Ordinal);
        }

        return new TitleTable(
            new SortedKeys(StringPool.Pack(titles.Count, i => titles[i].Key)),
            [.. titles.Select(title => title.Doc)],
            [.. titles.Select(title => title.Freshness)],
            [.. titles.Select(title => title.Minute)],
            [.. titles.Select(title => title.TitleHash)],
            firstCopies);
    }
}
