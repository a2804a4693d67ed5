namespace Search.Core.Suggesting;

/// <summary>
/// One segment's titles: each article's folded title (its first <see cref="SuggestionOptions.MaxTitleKeyLength"/>
/// characters) sorted for prefix lookup, copies of one headline side by side, newest first; with the article's
/// document number and publication minute. The written title and the id are read from the stored article for the few
/// titles shown, so they take no memory here. Immutable; thread-safe.
/// </summary>
internal sealed class TitleTable(SortedKeys keys, int[] docs, int[] minutes)
{
    /// <summary>The minute of an undated article: older than any.</summary>
    public const int Undated = int.MinValue;

    public static TitleTable Empty { get; } = new(SortedKeys.Empty, [], []);

    public SortedKeys Keys => keys;

    public int Doc(int index) => docs[index];

    /// <summary>Publication time in minutes since 1970, or <see cref="Undated"/>.</summary>
    public int Minute(int index) => minutes[index];

    public long MemoryBytes => keys.MemoryBytes + (4L * docs.Length) + (4L * minutes.Length);

    /// <summary>Sorts the titles gathered from a segment into a table.</summary>
    public static TitleTable Build(List<(string Key, int Doc, int Minute)> titles)
    {
        titles.Sort((left, right) =>
        {
            var byKey = string.CompareOrdinal(left.Key, right.Key);
            return byKey != 0 ? byKey : right.Minute != left.Minute ? right.Minute.CompareTo(left.Minute) : left.Doc.CompareTo(right.Doc);
        });
        return new TitleTable(
            new SortedKeys(StringPool.Pack(titles.Count, i => titles[i].Key)),
            titles.Select(title => title.Doc).ToArray(),
            titles.Select(title => title.Minute).ToArray());
    }
}
