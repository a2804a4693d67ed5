using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>Which index snapshots searches keep for their cursors, and for how many cursors at most.</summary>
public sealed class CursorSnapshotTests
{
    private const string Word = "القطار";

    private static NewsArticle Story(int number, int year) =>
        TestCorpus.Article($"rail-{number:D2}", $"القطار رقم {number}", $"وصل القطار رقم {number} إلى المحطة في موعده.", publishedAt: new DateTimeOffset(year, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private static SearchRequest Oldest(int pageSize) => new(Word, PageSize: pageSize) { Sort = SearchSort.Oldest };

    private static void Write(NewsIndex index, params NewsArticle[] stories)
    {
        var generation = 0L;
        foreach (var story in stories)
        {
            generation = index.Upsert(story);
        }

        index.WaitFor(generation);
    }

    private static HashSet<string> SegmentFiles(string folder) =>
        [.. Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Where(name => name.StartsWith('_'))];

    [Fact]
    public void A_search_without_a_next_page_keeps_no_snapshot_of_the_segments_it_read()
    {
        using var folder = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(folder.Path));
        var stories = Enumerable.Range(1, 6).Select(number => Story(number, 2000 + number)).ToArray();
        Write(index, stories);
        index.Commit();
        var first = SegmentFiles(folder.Path);

        Assert.Null(index.Search(Oldest(pageSize: 100)).NextCursor);

        // Every story written again and the index merged to one segment: nothing live reads the first segments now.
        Write(index, stories);
        index.Optimize();
        index.Refresh();

        Assert.NotEmpty(first);
        Assert.Empty(first.Intersect(SegmentFiles(folder.Path)));
    }

    [Fact]
    public void A_search_handing_out_a_cursor_keeps_its_snapshot_until_newer_ones_push_it_out()
    {
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)") { MaxCursorSnapshots = 2 });
        Write(index, [.. Enumerable.Range(1, 4).Select(number => Story(number, 2000 + number))]);
        var oldest = index.Search(Oldest(pageSize: 2));

        // A story that sorts after every one shown: a walk over the first page's snapshot does not see it.
        Write(index, Story(50, 2050));
        Assert.DoesNotContain("rail-50", Rest(index, oldest));

        // One newer snapshot kept for a cursor: the first is still among the two kept.
        var second = index.Search(Oldest(pageSize: 2));
        Assert.NotNull(second.NextCursor);
        Assert.DoesNotContain("rail-50", Rest(index, oldest));

        // Two newer ones: the first page's snapshot is gone, and its cursor pages on over the current index.
        Write(index, Story(51, 2051));
        Assert.NotNull(index.Search(Oldest(pageSize: 2)).NextCursor);

        Assert.Equal(["rail-03", "rail-04", "rail-50", "rail-51"], Rest(index, oldest));
    }

    private static List<string> Rest(NewsIndex index, SearchResults page)
    {
        var ids = new List<string>();
        for (var cursor = page.NextCursor; cursor is not null;)
        {
            var next = index.Search(Oldest(pageSize: 2) with { After = cursor });
            ids.AddRange(next.Hits.Select(hit => hit.Id));
            cursor = next.NextCursor;
        }

        return ids;
    }
}
