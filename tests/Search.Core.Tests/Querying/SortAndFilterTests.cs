using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>Result order (relevance, newest, oldest) and the source, section, tag and date filters, on a small town's news.</summary>
public sealed class SortAndFilterTests : IDisposable
{
    private const string North = "وكالة الشمال";
    private const string Coast = "صحيفة الساحل";
    private const string Valley = "إذاعة الوادي";

    private const string Local = "محليات";
    private const string Economy = "اقتصاد";
    private const string Sports = "رياضة";
    private const string Culture = "ثقافة";

    /// <summary>
    /// Inserted so that Lucene's own order (insertion) differs from id order wherever two articles tie: bus-routes before
    /// bridge-river (same instant), youth-league before library-hours (both undated).
    /// </summary>
    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article(
            "water-north",
            "البلدية تبدأ مد أنابيب المياه إلى الأحياء الشمالية",
            "بدأت فرق البلدية صباح اليوم مد أنابيب جديدة للمياه في الأحياء الشمالية، ويتوقع المهندسون أن تنتهي الأعمال قبل حلول الصيف. وقال أحد التجار إن السوق القديم سيستفيد من الشبكة.",
            section: Local,
            source: North,
            publishedAt: new DateTimeOffset(2024, 3, 10, 9, 0, 0, TimeSpan.FromHours(3)),
            tags: ["المياه", "الخدمات"]),
        TestCorpus.Article(
            "bus-routes",
            "خطوط حافلات جديدة تربط الجامعة بوسط المدينة",
            "أطلقت شركة النقل العام ثلاثة خطوط حافلات جديدة تربط الجامعة بوسط المدينة، بالتنسيق مع البلدية التي خصصت مواقف للانتظار.",
            section: Local,
            source: North,
            publishedAt: new DateTimeOffset(2024, 5, 2, 12, 0, 0, TimeSpan.Zero),
            tags: ["النقل"]),
        TestCorpus.Article(
            "bridge-river",
            "افتتاح الجسر الجديد فوق النهر أمام السيارات",
            "افتتح المحافظ الجسر الجديد الذي يربط ضفتي النهر، وقال إن الجسر سيختصر زمن الرحلة إلى النصف. وأشرفت البلدية على أعمال الإنارة، ويمر الجسر قرب السوق.",
            section: Local,
            source: Coast,
            publishedAt: new DateTimeOffset(2024, 5, 2, 15, 0, 0, TimeSpan.FromHours(3)),
            tags: ["النقل"]),
        TestCorpus.Article(
            "market-prices",
            "أسعار الخضار تتراجع في السوق المركزي",
            "تراجعت أسعار الخضار في السوق المركزي بعد وصول شحنات كبيرة من المزارع القريبة، وقالت البلدية إنها ستراقب الأسعار في محلات السوق.",
            section: Economy,
            source: Valley,
            publishedAt: new DateTimeOffset(2023, 12, 31, 22, 0, 0, TimeSpan.Zero),
            tags: ["الأسواق", "الخدمات"]),
        TestCorpus.Article(
            "stadium-lights",
            "تركيب إنارة حديثة في الملعب الكبير",
            "انتهت أعمال تركيب الإنارة الحديثة في الملعب الكبير استعدادا لمباريات الدوري المحلي التي تنظمها البلدية.",
            section: Sports,
            source: North,
            publishedAt: new DateTimeOffset(2023, 12, 31, 21, 59, 59, TimeSpan.Zero),
            tags: ["الملاعب"]),
        TestCorpus.Article(
            "youth-league",
            "انطلاق دوري الأحياء لكرة القدم",
            "انطلق دوري الأحياء لكرة القدم بمشاركة ستة عشر فريقا من الشباب على ملاعب البلدية الثلاثة.",
            section: Sports,
            source: Valley,
            tags: ["الملاعب"]),
        TestCorpus.Article(
            "library-hours",
            "المكتبة العامة تمدد ساعات العمل",
            "قررت إدارة المكتبة العامة التي تتبع البلدية تمديد ساعات العمل حتى منتصف الليل خلال فترة الامتحانات.",
            section: Culture,
            source: Coast,
            tags: ["الخدمات"]),
        TestCorpus.Article(
            "budget-vote",
            "المجلس المحلي يصوت على موازنة العام المقبل",
            "صوت أعضاء المجلس المحلي بالأغلبية على موازنة العام المقبل التي تخصص الجزء الأكبر لصيانة الطرق والأرصفة.",
            section: Economy,
            source: Coast,
            publishedAt: new DateTimeOffset(2024, 8, 15, 18, 30, 0, TimeSpan.FromHours(2)),
            tags: ["الموازنة"]),
    ];

    private static readonly string[] NewestFirst =
        ["budget-vote", "bridge-river", "bus-routes", "water-north", "market-prices", "stadium-lights", "library-hours", "youth-league"];

    private static readonly string[] OldestFirst =
        ["stadium-lights", "market-prices", "water-north", "bridge-river", "bus-routes", "budget-vote", "library-hours", "youth-league"];

    private static readonly SearchFilters EverySource = new(Sources: [North, Coast, Valley]);

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    private List<string> Ids(SearchRequest request) => [.. _index.Search(request).Hits.Select(hit => hit.Id)];

    private List<string> Browse(SearchFilters filters, SearchSort? sort = null) =>
        Ids(new SearchRequest(null, PageSize: 100) { Filters = filters, Sort = sort });

    [Fact]
    public void The_corpus_articles_are_all_distinct_stories()
    {
        Assert.Equal(Corpus.Length, _index.Search(new SearchRequest(null, PageSize: 100) { Filters = EverySource }).Hits.Count);
    }

    [Fact]
    public void With_a_query_the_default_order_is_relevance_by_descending_score()
    {
        var results = _index.Search(new SearchRequest("السوق", PageSize: 100));

        Assert.Equal(SearchSort.Relevance, results.Sort);
        Assert.Equal(SearchSort.Relevance, new SearchRequest("السوق").EffectiveSort);

        // السوق is in market-prices' title and twice in its body, once in the others' bodies.
        Assert.Equal("market-prices", results.Hits[0].Id);
        Assert.Equal(["bridge-river", "market-prices", "water-north"], results.Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal));
        for (var i = 1; i < results.Hits.Count; i++)
        {
            Assert.True(results.Hits[i - 1].Score >= results.Hits[i].Score, $"hit {i - 1} scores below hit {i}");
        }

        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public void An_explicit_sort_overrides_relevance_for_a_query()
    {
        var newest = _index.Search(new SearchRequest("السوق") { Sort = SearchSort.Newest });
        var oldest = _index.Search(new SearchRequest("السوق") { Sort = SearchSort.Oldest });

        Assert.Equal(SearchSort.Newest, newest.Sort);
        Assert.Equal(["bridge-river", "water-north", "market-prices"], newest.Hits.Select(hit => hit.Id));
        Assert.Equal(SearchSort.Oldest, oldest.Sort);
        Assert.Equal(["market-prices", "water-north", "bridge-river"], oldest.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void Without_a_query_the_default_order_is_newest_first()
    {
        var results = _index.Search(new SearchRequest(null, PageSize: 100) { Filters = EverySource });

        Assert.Equal(SearchSort.Newest, results.Sort);
        Assert.Null(results.Query);
        Assert.Equal(NewestFirst, results.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void Newest_orders_by_instant_then_id_with_undated_articles_last()
    {
        // bridge-river (15:00+03:00) and bus-routes (12:00Z) are the same instant; the id decides, not insertion order.
        Assert.Equal(NewestFirst, Browse(EverySource, SearchSort.Newest));
    }

    [Fact]
    public void Oldest_orders_by_instant_then_id_with_undated_articles_last()
    {
        Assert.Equal(OldestFirst, Browse(EverySource, SearchSort.Oldest));
    }

    [Fact]
    public void Equal_scores_are_ordered_by_id_not_by_insertion()
    {
        const string body = "تستعد البلدية لزراعة ألف شجرة زيتون على جانبي الطريق الدائري قبل موسم الأمطار.";
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("tie-c", "حملة تشجير على الطريق الدائري", body),
            TestCorpus.Article("tie-a", "حملة تشجير على الطريق الدائري", body),
            TestCorpus.Article("tie-b", "حملة تشجير على الطريق الدائري", body));

        var results = index.Search(new SearchRequest("تشجير") { CollapseDuplicates = false });

        Assert.Equal(["tie-a", "tie-b", "tie-c"], results.Hits.Select(hit => hit.Id));
        Assert.Single(results.Hits.Select(hit => hit.Score).Distinct());
    }

    [Fact]
    public void From_is_inclusive_and_compares_instants_across_offsets()
    {
        // 01:00 at +03:00 is 22:00Z the day before: market-prices (22:00:00Z) is in, stadium-lights (21:59:59Z) is out.
        var from = new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.FromHours(3));
        Assert.Equal(new DateTimeOffset(2023, 12, 31, 22, 0, 0, TimeSpan.Zero), from);

        Assert.Equal(["budget-vote", "bridge-river", "bus-routes", "water-north", "market-prices"], Browse(new SearchFilters(From: from)));
        Assert.Equal(
            ["budget-vote", "bridge-river", "bus-routes", "water-north"],
            Browse(new SearchFilters(From: from.AddSeconds(1))));
    }

    [Fact]
    public void From_with_a_fraction_of_a_second_leaves_out_an_article_of_the_whole_second_before_it()
    {
        // market-prices is at 22:00:00Z; a client asking for what came after 22:00:00.5Z (a JavaScript toISOString) has it.
        var justAfter = new DateTimeOffset(2023, 12, 31, 22, 0, 0, 500, TimeSpan.Zero);

        Assert.Equal(["budget-vote", "bridge-river", "bus-routes", "water-north"], Browse(new SearchFilters(From: justAfter)));
        Assert.Equal(["market-prices", "stadium-lights"], Browse(new SearchFilters(To: justAfter)));
    }

    [Fact]
    public void To_is_inclusive_and_compares_instants_across_offsets()
    {
        var noonUtc = new DateTimeOffset(2024, 5, 2, 15, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal(["bridge-river", "bus-routes", "water-north", "market-prices", "stadium-lights"], Browse(new SearchFilters(To: noonUtc)));
        Assert.Equal(["water-north", "market-prices", "stadium-lights"], Browse(new SearchFilters(To: noonUtc.AddSeconds(-1))));
    }

    [Fact]
    public void From_equal_to_to_selects_that_instant_only()
    {
        var instant = new DateTimeOffset(2024, 5, 2, 8, 0, 0, TimeSpan.FromHours(-4));

        Assert.Equal(["bridge-river", "bus-routes"], Browse(new SearchFilters(From: instant, To: instant)));
    }

    [Fact]
    public void A_date_range_leaves_out_undated_articles()
    {
        var all = Browse(new SearchFilters(From: DateTimeOffset.MinValue.AddYears(1), To: DateTimeOffset.MaxValue.AddYears(-1)));

        Assert.Equal(NewestFirst[..6], all);
    }

    [Fact]
    public void Several_sources_are_alternatives()
    {
        Assert.Equal(["stadium-lights", "water-north", "bus-routes"], Browse(new SearchFilters(Sources: [North]), SearchSort.Oldest));
        Assert.Equal(
            ["bus-routes", "water-north", "market-prices", "stadium-lights", "youth-league"],
            Browse(new SearchFilters(Sources: [North, Valley])));
    }

    [Fact]
    public void Several_sections_are_alternatives()
    {
        Assert.Equal(["stadium-lights", "youth-league"], Browse(new SearchFilters(Sections: [Sports])));
        Assert.Equal(
            ["budget-vote", "market-prices", "stadium-lights", "youth-league"],
            Browse(new SearchFilters(Sections: [Sports, Economy])));
    }

    [Fact]
    public void Several_tags_are_alternatives()
    {
        Assert.Equal(["bridge-river", "bus-routes"], Browse(new SearchFilters(Tags: ["النقل"])));
        Assert.Equal(
            ["bridge-river", "bus-routes", "stadium-lights", "youth-league"],
            Browse(new SearchFilters(Tags: ["النقل", "الملاعب"])));
    }

    [Fact]
    public void Different_filters_must_all_hold()
    {
        Assert.Equal(["bus-routes", "water-north"], Browse(new SearchFilters(Sources: [North], Sections: [Local])));
        Assert.Equal(
            ["bridge-river", "bus-routes", "water-north", "stadium-lights"],
            Browse(new SearchFilters(Sources: [North, Coast], Sections: [Local, Sports])));
        Assert.Equal(["market-prices"], Browse(new SearchFilters(Sections: [Economy], Tags: ["الخدمات"])));
        Assert.Equal(
            ["water-north"],
            Browse(new SearchFilters(From: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Sources: [North, Valley], Tags: ["الخدمات", "الملاعب"])));
    }

    [Fact]
    public void A_repeated_value_counts_once()
    {
        Assert.Equal(["stadium-lights", "youth-league"], Browse(new SearchFilters(Sections: [Sports, Sports])));
    }

    [Fact]
    public void Filters_restrict_a_query_without_changing_its_order()
    {
        var unfiltered = _index.Search(new SearchRequest("البلدية", PageSize: 100));
        var filtered = _index.Search(new SearchRequest("البلدية", PageSize: 100) { Filters = new SearchFilters(Sections: [Local, Sports]) });

        Assert.Equal(SearchSort.Relevance, filtered.Sort);
        var expected = unfiltered.Hits.Where(hit => hit.Section is Local or Sports).Select(hit => (hit.Id, hit.Score)).ToList();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, filtered.Hits.Select(hit => (hit.Id, hit.Score)));
        Assert.Equal(5, filtered.Total);
    }

    [Fact]
    public void A_query_and_a_date_range_combine()
    {
        var results = _index.Search(new SearchRequest("البلدية", PageSize: 100)
        {
            Filters = new SearchFilters(From: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Sort = SearchSort.Oldest,
        });

        Assert.Equal(["water-north", "bridge-river", "bus-routes"], results.Hits.Select(hit => hit.Id));
    }

    [Theory]
    [InlineData("وكالة الجنوب")]
    [InlineData("وكالة")]
    [InlineData("وكالة الشمال ")]
    public void An_unknown_source_matches_nothing_without_error(string source)
    {
        var browse = _index.Search(new SearchRequest(null) { Filters = new SearchFilters(Sources: [source]) });
        var search = _index.Search(new SearchRequest("البلدية") { Filters = new SearchFilters(Sources: [source]) });

        Assert.Equal(0, browse.Total);
        Assert.Empty(browse.Hits);
        Assert.Null(browse.NextCursor);
        Assert.Equal(0, search.Total);
        Assert.Empty(search.Hits);
    }

    [Fact]
    public void An_unknown_value_beside_a_known_one_is_ignored()
    {
        Assert.Equal(["stadium-lights", "youth-league"], Browse(new SearchFilters(Sections: ["رياضيات", Sports])));
    }

    [Fact]
    public void Browsing_a_section_lists_it_newest_first()
    {
        var results = _index.Search(new SearchRequest(null) { Filters = new SearchFilters(Sections: [Local]) });

        Assert.Equal(SearchSort.Newest, results.Sort);
        Assert.Equal(3, results.Total);
        Assert.Equal(["bridge-river", "bus-routes", "water-north"], results.Hits.Select(hit => hit.Id));
        Assert.All(results.Hits, hit => Assert.Equal(Local, hit.Section));
    }

    [Fact]
    public void Browsing_can_be_sorted_oldest_first()
    {
        Assert.Equal(["water-north", "bridge-river", "bus-routes"], Browse(new SearchFilters(Sections: [Local]), SearchSort.Oldest));
    }

    [Fact]
    public void Hits_carry_the_source_section_and_date_they_were_filtered_on()
    {
        var hit = Assert.Single(_index.Search(new SearchRequest(null) { Filters = new SearchFilters(Tags: ["الموازنة"]) }).Hits);

        Assert.Equal(("budget-vote", Coast, Economy), (hit.Id, hit.Source, hit.Section));
        Assert.Equal(new DateTimeOffset(2024, 8, 15, 16, 30, 0, TimeSpan.Zero), hit.PublishedAt);
    }

    [Fact]
    public void No_query_and_no_filter_is_invalid_under_q()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(null)));

        Assert.Equal(["q"], error.Errors.Keys);
        Assert.NotEmpty(error.Errors["q"]);
    }

    [Fact]
    public void Empty_filter_lists_are_no_filter()
    {
        var filters = new SearchFilters(Sources: [], Sections: [], Tags: []);

        Assert.True(filters.IsEmpty);
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(null) { Filters = filters }));
        Assert.Equal(["q"], error.Errors.Keys);
    }

    [Fact]
    public void To_before_from_is_invalid_under_to()
    {
        var from = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var request = new SearchRequest("البلدية") { Filters = new SearchFilters(From: from, To: from.AddSeconds(-1)) };

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(request));

        Assert.Equal(["to"], error.Errors.Keys);
        Assert.NotEmpty(error.Errors["to"]);
    }

    [Fact]
    public void To_before_from_in_local_time_but_not_as_instants_is_valid()
    {
        // From 14:00 at +05:00 is 09:00Z: before the 12:00Z of to as an instant, though later on the clock.
        var request = new SearchRequest(null, PageSize: 100)
        {
            Filters = new SearchFilters(
                From: new DateTimeOffset(2024, 5, 2, 14, 0, 0, TimeSpan.FromHours(5)),
                To: new DateTimeOffset(2024, 5, 2, 12, 0, 0, TimeSpan.Zero)),
        };

        Assert.Equal(["bridge-river", "bus-routes"], Ids(request));
    }
}
