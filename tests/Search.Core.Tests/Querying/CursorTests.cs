using System.Text;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>Paging with <see cref="SearchRequest.After"/>: the cursor of one page opens the next, in every order.</summary>
public sealed class CursorTests : IDisposable
{
    private const string Rail = "القطار";
    private const string RailPrefix = "قطا*";
    private const int PageSize = 3;

    private static readonly SearchFilters RailSection = new(Sections: ["نقل"]);

    /// <summary>Eleven rail stories: varied relevance, two at one instant, two undated; inserted out of id order.</summary>
    private static readonly NewsArticle[] Corpus =
    [
        Story("rail-07", "القطار السريع يصل إلى الميناء لأول مرة", "وصل القطار السريع إلى محطة الميناء في رحلته الأولى، واستقبله العمال بالتصفيق. وقال السائق إن القطار قطع المسافة في ساعة واحدة.", At(2024, 6, 1, 8)),
        Story("rail-02", "تأجيل افتتاح محطة الشمال", "أعلنت الهيئة تأجيل افتتاح محطة الشمال شهرين بسبب أعمال التشطيب، على أن يتوقف فيها القطار عند اكتمالها.", At(2024, 2, 14, 10)),
        Story("rail-11", "ركاب الضواحي يشكون الزحام", "اشتكى ركاب خط الضواحي من الزحام في ساعات الصباح، وطالبوا بإضافة عربات إلى القطار المتجه إلى وسط المدينة.", null),
        Story("rail-04", "تخفيض أسعار التذاكر للطلاب", "قررت الهيئة تخفيض أسعار تذاكر القطار للطلاب إلى النصف خلال العام الدراسي، وتصرف البطاقات من مكاتب المحطات.", At(2024, 9, 1, 7)),
        Story("rail-09", "القطار الليلي يعود بعد توقف طويل", "عاد القطار الليلي إلى العمل بين العاصمة والجنوب بعد توقف دام عامين، وحجزت مقاعده كلها في يومين. ويغادر القطار في العاشرة مساء.", At(2024, 6, 1, 8)),
        Story("rail-01", "صيانة السكة بين المدينتين", "بدأت أعمال صيانة السكة الحديدية بين المدينتين، وتحول حركة القطار إلى خط بديل حتى نهاية الشهر.", At(2023, 11, 20, 6)),
        Story("rail-10", "عربات مكيفة على خط الساحل", "دخلت عربات مكيفة الخدمة على خط الساحل قبل موسم الصيف، ويقول الركاب إن القطار صار أكثر راحة.", null),
        Story("rail-05", "مسابقة لتصميم شعار السكك الحديدية", "أطلقت الهيئة مسابقة مفتوحة لتصميم شعار جديد يظهر على واجهة كل قطار وعلى اللوحات في المحطات.", At(2025, 1, 5, 12)),
        Story("rail-03", "القطار الكهربائي يبدأ التجارب", "بدأ القطار الكهربائي الأول تجاربه على خط المطار، وقال المهندسون إن القطار الجديد يوفر نصف كلفة الوقود.", At(2024, 4, 18, 15)),
        Story("rail-08", "تعليمات جديدة لسلامة الركاب", "أصدرت الهيئة تعليمات جديدة تمنع الوقوف قرب حافة الرصيف قبل توقف القطار تماما.", At(2024, 12, 30, 23)),
        Story("rail-06", "حارس المعبر يروي ثلاثين عاما من العمل", "يروي حارس المعبر قصة ثلاثين عاما قضاها في رفع الحاجز وخفضه كلما اقترب القطار من القرية.", At(2022, 7, 9, 17)),
    ];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    public static TheoryData<string?, SearchSort> Orders => new()
    {
        { Rail, SearchSort.Relevance },
        { Rail, SearchSort.Newest },
        { Rail, SearchSort.Oldest },
        { RailPrefix, SearchSort.Relevance },
        { null, SearchSort.Newest },
        { null, SearchSort.Oldest },
    };

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(2));

    private static NewsArticle Story(string id, string title, string body, DateTimeOffset? publishedAt) =>
        TestCorpus.Article(id, title, body, section: "نقل", source: "صحيفة الساحل", publishedAt: publishedAt);

    private static SearchRequest Request(string? query, SearchSort sort, int pageSize = PageSize) =>
        new(query, PageSize: pageSize) { Sort = sort, Filters = query is null ? RailSection : SearchFilters.None };

    /// <summary>Follows <see cref="SearchResults.NextCursor"/> from <paramref name="first"/> until it is null.</summary>
    private static List<SearchResults> Walk(NewsIndex index, SearchRequest first)
    {
        var pages = new List<SearchResults> { index.Search(first) };
        while (pages[^1].NextCursor is { } cursor)
        {
            Assert.True(pages.Count < 50, "the cursor never runs out");
            pages.Add(index.Search(first with { After = cursor }));
        }

        return pages;
    }

    private static string Cursor(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [MemberData(nameof(Orders))]
    public void Walking_the_cursor_gives_the_one_big_page_in_order(string? query, SearchSort sort)
    {
        var all = _index.Search(Request(query, sort, pageSize: 100));
        Assert.Equal(Corpus.Length, all.Total);
        Assert.Equal(Corpus.Length, all.Hits.Count);

        var pages = Walk(_index, Request(query, sort));

        var walked = pages.SelectMany(page => page.Hits.Select(hit => hit.Id)).ToList();
        Assert.Equal(all.Hits.Select(hit => hit.Id), walked);
        Assert.Equal(walked.Count, walked.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal([3, 3, 3, 2], pages.Select(page => page.Hits.Count));
        Assert.All(pages, page => Assert.Equal((Corpus.Length, sort), (page.Total, page.Sort)));
        Assert.All(pages[..^1], page => Assert.NotNull(page.NextCursor));
        Assert.Null(pages[^1].NextCursor);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Walking_one_hit_at_a_time_gives_the_one_big_page_in_order(string? query, SearchSort sort)
    {
        var all = _index.Search(Request(query, sort, pageSize: 100)).Hits.Select(hit => hit.Id);

        var walked = Walk(_index, Request(query, sort, pageSize: 1)).SelectMany(page => page.Hits.Select(hit => hit.Id));

        Assert.Equal(all, walked);
    }

    [Fact]
    public void The_orders_walked_really_differ()
    {
        List<string> Ids(SearchSort sort) => [.. _index.Search(Request(Rail, sort, 100)).Hits.Select(hit => hit.Id)];
        var relevance = Ids(SearchSort.Relevance);

        Assert.NotEqual(relevance, Ids(SearchSort.Newest));
        Assert.NotEqual(relevance, Ids(SearchSort.Oldest));
        Assert.NotEqual(relevance, relevance.Order(StringComparer.Ordinal));
        Assert.NotEqual(Ids(SearchSort.Oldest), Enumerable.Reverse(Ids(SearchSort.Newest)));
    }

    [Fact]
    public void Relevance_ties_are_walked_in_id_order()
    {
        // The prefix matches with a constant score per field, so several articles tie and the id decides across pages.
        var hits = _index.Search(Request(RailPrefix, SearchSort.Relevance, 100)).Hits;
        var tied = hits.GroupBy(hit => hit.Score).Where(group => group.Count() > 1).ToList();

        Assert.NotEmpty(tied);
        Assert.All(tied, group => Assert.Equal(group.Select(hit => hit.Id).Order(StringComparer.Ordinal), group.Select(hit => hit.Id)));
    }

    [Fact]
    public void The_last_page_has_no_cursor_when_the_hits_fill_it_exactly()
    {
        var first = Request(null, SearchSort.Newest) with { Filters = new SearchFilters(Sections: ["نقل"], From: At(2024, 3, 1, 0)) };

        var pages = Walk(_index, first);

        Assert.Equal([3, 3], pages.Select(page => page.Hits.Count));
        Assert.Null(pages[^1].NextCursor);
    }

    [Fact]
    public void The_last_page_has_no_cursor_when_the_hits_fill_it_exactly_without_collapsing()
    {
        var first = Request(null, SearchSort.Newest) with { Filters = new SearchFilters(Sections: ["نقل"], From: At(2024, 3, 1, 0)), CollapseDuplicates = false };

        var pages = Walk(_index, first);

        Assert.Equal([3, 3], pages.Select(page => page.Hits.Count));
        Assert.Null(pages[^1].NextCursor);
    }

    [Fact]
    public void Walking_without_collapsing_gives_the_one_big_page()
    {
        var all = _index.Search(Request(Rail, SearchSort.Relevance, 100) with { CollapseDuplicates = false }).Hits.Select(hit => hit.Id);

        var walked = Walk(_index, Request(Rail, SearchSort.Relevance) with { CollapseDuplicates = false }).SelectMany(page => page.Hits.Select(hit => hit.Id));

        Assert.Equal(all, walked);
    }

    [Fact]
    public void A_single_page_has_no_cursor()
    {
        var results = _index.Search(Request(Rail, SearchSort.Relevance, pageSize: Corpus.Length));

        Assert.Equal(Corpus.Length, results.Hits.Count);
        Assert.Null(results.NextCursor);
    }

    [Fact]
    public void A_cursor_continues_where_page_based_paging_stopped()
    {
        var pageTwo = _index.Search(Request(Rail, SearchSort.Newest) with { Page = 2 });
        var pageThree = _index.Search(Request(Rail, SearchSort.Newest) with { Page = 3 });

        var next = _index.Search(Request(Rail, SearchSort.Newest) with { After = pageTwo.NextCursor });

        Assert.NotNull(pageTwo.NextCursor);
        Assert.Equal(pageThree.Hits.Select(hit => hit.Id), next.Hits.Select(hit => hit.Id));
    }

    [Theory]
    [InlineData(SearchSort.Newest, SearchSort.Relevance)]
    [InlineData(SearchSort.Newest, SearchSort.Oldest)]
    [InlineData(SearchSort.Relevance, SearchSort.Newest)]
    [InlineData(SearchSort.Oldest, SearchSort.Newest)]
    public void A_cursor_made_for_one_order_is_invalid_for_another(SearchSort madeFor, SearchSort usedWith)
    {
        var cursor = _index.Search(Request(Rail, madeFor)).NextCursor;
        Assert.NotNull(cursor);

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(Request(Rail, usedWith) with { After = cursor }));

        Assert.Equal(["after"], error.Errors.Keys);
        Assert.NotEmpty(error.Errors["after"]);
    }

    [Fact]
    public void A_cursor_passed_with_another_query_or_other_filters_is_invalid_and_with_its_own_pages_on()
    {
        var first = Request(Rail, SearchSort.Newest);
        var cursor = _index.Search(first).NextCursor;
        Assert.NotNull(cursor);

        var otherQuery = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(Request("القطار السريع", SearchSort.Newest) with { After = cursor }));
        var otherFilters = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(first with { After = cursor, Filters = new SearchFilters(Sources: ["الأنباء"]) }));
        var otherCollapsing = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(first with { After = cursor, CollapseDuplicates = !first.CollapseDuplicates }));

        Assert.All([otherQuery, otherFilters, otherCollapsing], error => Assert.Equal(["after"], error.Errors.Keys));

        // What a hit shows and how many a page holds are no part of the search.
        Assert.NotEmpty(_index.Search(first with { After = cursor, PageSize = 3, Highlight = false, IncludeFacets = false }).Hits);
    }

    [Fact]
    public void A_newest_cursor_is_invalid_for_a_query_sorted_by_relevance_by_default()
    {
        var cursor = _index.Search(Request(null, SearchSort.Newest)).NextCursor;
        Assert.NotNull(cursor);

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(Rail) { After = cursor }));

        Assert.Equal(["after"], error.Errors.Keys);
    }

    public static TheoryData<string> GarbageCursors => new()
    {
        "garbage",
        "!!!",
        "",
        "====",
        "e30",
        Cursor("Newest", "1700000000"),
        Cursor("Newest", "not-a-number", "rail-01"),
        Cursor("Relevance", "not-a-score", "rail-01"),
        Cursor("Sideways", "1700000000", "rail-01"),
        Cursor("Newest", "1700000000", "rail-01", "extra"),
    };

    [Theory]
    [MemberData(nameof(GarbageCursors))]
    public void A_garbage_cursor_is_invalid_under_after(string cursor)
    {
        var sort = cursor.StartsWith("WyJSZWxldmFuY2", StringComparison.Ordinal) ? SearchSort.Relevance : SearchSort.Newest;

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(Request(Rail, sort) with { After = cursor }));

        Assert.Equal(["after"], error.Errors.Keys);
        Assert.NotEmpty(error.Errors["after"]);
    }

    [Fact]
    public void A_hand_made_cursor_in_the_documented_shape_pages_after_that_position()
    {
        // Proves the cursor carries the sort value and the id: after rail-03 (2024-04-18) newest first, with no snapshot kept.
        var cursor = new SearchCursor(
            SearchSort.Newest,
            At(2024, 4, 18, 15).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "rail-03",
            SnapshotVersion: null,
            RequestTime: 0,
            ShownStories: []).Encode();

        var next = _index.Search(Request(Rail, SearchSort.Newest) with { After = cursor });

        Assert.Equal(["rail-02", "rail-01", "rail-06"], next.Hits.Select(hit => hit.Id));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void A_cursor_whose_score_is_not_a_finite_number_is_invalid_under_after(string score)
    {
        var cursor = new SearchCursor(SearchSort.Relevance, score, "rail-03", SnapshotVersion: null, RequestTime: 0, ShownStories: []).Encode();

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(Request(Rail, SearchSort.Relevance) with { After = cursor }));

        Assert.Equal(["after"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(253_402_300_800)]
    public void A_cursor_whose_request_time_is_no_date_is_invalid_under_after_with_a_recency_boost(long requestTime)
    {
        var cursor = new SearchCursor(SearchSort.Relevance, "1.5", "rail-03", SnapshotVersion: null, RequestTime: requestTime, ShownStories: []).Encode();

        var error = Assert.Throws<InvalidSearchRequestException>(
            () => _index.Search(Request(Rail, SearchSort.Relevance) with { After = cursor, RecencyHalfLife = TimeSpan.FromDays(7) }));

        Assert.Equal(["after"], error.Errors.Keys);
    }

    [Fact]
    public void Page_two_with_a_cursor_is_invalid_under_page()
    {
        var cursor = _index.Search(Request(Rail, SearchSort.Newest)).NextCursor;

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(Request(Rail, SearchSort.Newest) with { Page = 2, After = cursor }));

        Assert.Equal(["page"], error.Errors.Keys);
    }

    [Fact]
    public void A_cursor_keeps_working_after_articles_are_added()
    {
        using var index = TestCorpus.InMemoryIndexOf(Corpus);
        var first = Request(Rail, SearchSort.Newest);
        var page = index.Search(first);
        var seen = page.Hits.Select(hit => hit.Id).ToList();
        var unseen = index.Search(first with { PageSize = 100 }).Hits.Select(hit => hit.Id).Except(seen).ToList();

        // One story newer than every hit shown (it belongs before the cursor) and one older (after it).
        index.Upsert(Story("rail-12", "القطار الجديد يدخل الخدمة", "دخل القطار الجديد الخدمة صباح اليوم على خط العاصمة.", At(2026, 1, 1, 9)));
        index.WaitFor(index.Upsert(Story("rail-00", "ذكريات أول قطار في البلاد", "يستعيد كبار السن ذكريات أول قطار عبر البلاد قبل قرن.", At(1925, 5, 1, 9))));

        var rest = Walk(index, first with { After = page.NextCursor }).SelectMany(next => next.Hits.Select(hit => hit.Id)).ToList();

        // Cursor pages come from the snapshot the first page was read from (a point in time), so the walk neither
        // repeats nor skips anything and shows neither addition.
        Assert.Empty(rest.Intersect(seen));
        Assert.DoesNotContain("rail-12", rest);
        Assert.DoesNotContain("rail-00", rest);
        Assert.Equal(unseen, rest);
    }

    [Fact]
    public void A_relevance_cursor_keeps_working_after_an_article_is_added()
    {
        using var index = TestCorpus.InMemoryIndexOf(Corpus);
        var first = Request(Rail, SearchSort.Relevance);
        var page = index.Search(first);
        var seen = page.Hits.Select(hit => hit.Id).ToList();
        var unseen = index.Search(first with { PageSize = 100 }).Hits.Select(hit => hit.Id).Except(seen).ToHashSet(StringComparer.Ordinal);

        index.WaitFor(index.Upsert(Story("rail-12", "القطار الجديد", "وصل القطار الجديد إلى المحطة", null)));

        var rest = Walk(index, first with { After = page.NextCursor }).SelectMany(next => next.Hits.Select(hit => hit.Id)).ToList();

        Assert.Empty(rest.Intersect(seen));
        Assert.Subset(rest.ToHashSet(StringComparer.Ordinal), unseen);
    }

    [Fact]
    public void A_cursor_keeps_working_after_an_article_is_deleted()
    {
        using var index = TestCorpus.InMemoryIndexOf(Corpus);
        var first = Request(null, SearchSort.Oldest);
        var page = index.Search(first);
        var all = index.Search(first with { PageSize = 100 }).Hits.Select(hit => hit.Id).ToList();

        // The last hit shown is the cursor's own position; deleting it must not lose or repeat anything.
        index.WaitFor(index.Delete(page.Hits[^1].Id));

        var rest = Walk(index, first with { After = page.NextCursor }).SelectMany(next => next.Hits.Select(hit => hit.Id));

        Assert.Equal(all[PageSize..], rest);
    }

    [Fact]
    public void A_cursor_pages_over_copies_of_a_story_shown_on_the_previous_page()
    {
        // Newest first: story A, its copy A2 ten minutes later, then B. A2 leads A's group; the cursor must skip A.
        using var index = TestCorpus.InMemoryIndexOf(StoryCopies(("a1", At(2024, 3, 1, 10)), ("a2", At(2024, 3, 1, 11)), ("b", At(2024, 3, 1, 9))));

        var all = index.Search(new SearchRequest(Rail, PageSize: 100) { Sort = SearchSort.Newest });
        var walked = Walk(index, new SearchRequest(Rail, PageSize: 1) { Sort = SearchSort.Newest });

        Assert.Equal(["a2", "b"], all.Hits.Select(hit => hit.Id));
        Assert.Equal(all.Hits.Select(hit => hit.Id), walked.SelectMany(page => page.Hits.Select(hit => hit.Id)));
    }

    [Fact]
    public void A_cursor_does_not_show_again_a_copy_collapsed_on_an_earlier_page()
    {
        // Newest first: A (10:00), B (09:00), then A's copy A2 (08:00). One big page shows A (with A2) and B.
        using var index = TestCorpus.InMemoryIndexOf(StoryCopies(("a1", At(2024, 3, 1, 10)), ("a2", At(2024, 3, 1, 8)), ("b", At(2024, 3, 1, 9))));

        var all = index.Search(new SearchRequest(Rail, PageSize: 100) { Sort = SearchSort.Newest });
        var walked = Walk(index, new SearchRequest(Rail, PageSize: 1) { Sort = SearchSort.Newest });

        Assert.Equal(["a1", "b"], all.Hits.Select(hit => hit.Id));
        Assert.Equal(["a2"], all.Hits[0].DuplicateIds);
        Assert.Equal(all.Hits.Select(hit => hit.Id), walked.SelectMany(page => page.Hits.Select(hit => hit.Id)));
    }

    /// <summary>Ids a1 and a2 carry one story word for word; b is another story.</summary>
    private static NewsArticle[] StoryCopies((string Id, DateTimeOffset At) a1, (string Id, DateTimeOffset At) a2, (string Id, DateTimeOffset At) b)
    {
        const string story = "أعلنت هيئة السكك الحديدية أن القطار الرابط بين العاصمة والميناء سيعمل كل ساعة ابتداء من الأسبوع المقبل، بعد انتهاء أعمال تجديد الجسر الحديدي فوق الوادي. وقال مدير الهيئة إن عدد الرحلات اليومية سيرتفع إلى ثماني عشرة رحلة، وإن أسعار التذاكر لن تتغير حتى نهاية العام.";
        return
        [
            TestCorpus.Article(a1.Id, "القطار كل ساعة بين العاصمة والميناء", story, source: "وكالة الشمال", publishedAt: a1.At),
            TestCorpus.Article(a2.Id, "زيادة رحلات القطار إلى الميناء", story, source: "صحيفة الساحل", publishedAt: a2.At),
            TestCorpus.Article(b.Id, "القطار يتأخر بسبب العاصفة", "تأخر القطار القادم من الجنوب ثلاث ساعات بسبب العاصفة الرملية التي غطت السكة قرب الواحة، ولم يصب أحد من الركاب بأذى.", source: "إذاعة الوادي", publishedAt: b.At),
        ];
    }
}
