using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>Ranking, query syntax and paging on a small corpus written for these tests.</summary>
public sealed class NewsSearchTests : IDisposable
{
    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article(
            "tech-1",
            "وزير الاتصالات يفتتح مركزا جديدا للبيانات",
            "افتتح وزير الاتصالات اليوم مركزا جديدا للبيانات في العاصمة، على أن يبدأ تشغيله الكامل في عام 2024. ويخدم المركز الجهات الحكومية والشركات الناشئة."),
        TestCorpus.Article(
            "tech-2",
            "قطاع التقنية يسجل نموا في الصادرات الرقمية",
            "قال وزير المالية إن قطاع الاتصالات حقق نموا ملحوظا هذا العام، وإن الصادرات الرقمية تضاعفت خلال سنتين."),
        TestCorpus.Article(
            "agri-1",
            "موسم قطاف الزيتون يبدأ مبكرا في الجليل",
            "بدأ المزارعون قطاف الثمار مبكرا هذا الموسم بسبب ارتفاع درجات الحرارة، وتوقعوا إنتاجا وفيرا من الحقول."),
        TestCorpus.Article(
            "agri-2",
            "أسعار الأسمدة ترتفع قبل موسم الحصاد",
            "ارتفعت أسعار الأسمدة في الأسواق المحلية، وقال مزارعون إن كلفة العناية بأشجار الزيتون زادت بنحو الربع."),
        TestCorpus.Article(
            "agri-3",
            "خطة لتصريف محصول التفاح في البقاع",
            "أعلنت الوزارة خطة لتصريف محصول التفاح المكدس في المخازن وفتح أسواق جديدة له."),
        TestCorpus.Article(
            "agri-4",
            "معرض للتفاح البلدي في زحلة",
            "يشارك عشرات المنتجين في معرض التفاح السنوي لعرض أصناف محلية نادرة."),
        TestCorpus.Article(
            "agri-5",
            "وفرة في محصول القمح هذا العام",
            "قدرت الجهات المختصة محصول القمح بأكثر من مليون طن في الموسم الحالي."),
        TestCorpus.Article(
            "health-1",
            "وزير الصحة يتفقد مستشفى المدينة",
            "تفقد وزير الصحة أقسام المستشفى الجديد واستمع إلى شكاوى المرضى حول مواعيد العيادات."),
    ];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("في من")]
    [InlineData("هل ما")]
    [InlineData("\"في من\"")]
    [InlineData("+في")]
    [InlineData("فِي مَن")] // with vowel marks: the stop words are folded
    [InlineData("في -الزيتون")]
    [InlineData("في ا*")] // a prefix too short to search, beside a stop word
    public void A_query_of_stop_words_only_searches_nothing_and_says_so(string query)
    {
        var results = _index.Search(new SearchRequest(query));

        Assert.Equal(0, results.Total);
        Assert.True(results.OnlyStopWords);
    }

    [Theory]
    [InlineData("في الزيتون")]
    [InlineData("-الزيتون")] // exclusions only: no words, rather than too common ones
    [InlineData("؟!")]
    [InlineData("كلمةلاتوجد")]
    public void A_query_with_a_searchable_word_or_no_word_at_all_is_not_stop_words_only(string query)
    {
        Assert.False(_index.Search(new SearchRequest(query)).OnlyStopWords);
    }

    private List<string> Ids(string query, int pageSize = 10) =>
        [.. _index.Search(new SearchRequest(query, PageSize: pageSize)).Hits.Select(hit => hit.Id)];

    [Fact]
    public void A_word_in_the_title_ranks_above_the_same_word_only_in_the_body()
    {
        Assert.Equal(["agri-1", "agri-2"], Ids("الزيتون"));
    }

    [Fact]
    public void An_article_matching_both_words_ranks_above_articles_matching_one()
    {
        var ids = Ids("محصول التفاح");

        Assert.Equal("agri-3", ids[0]);
        Assert.Equal(["agri-3", "agri-4", "agri-5"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_word_matches_every_form_sharing_its_stem()
    {
        // اتصالات meets الاتصالات, تفاح meets للتفاح and التفاح.
        Assert.Equal(["tech-1", "tech-2"], Ids("اتصالات").Order(StringComparer.Ordinal));
        Assert.Equal(["agri-3", "agri-4"], Ids("تفاح").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_exact_phrase_returns_only_articles_with_the_words_adjacent()
    {
        var loose = Ids("وزير الاتصالات");
        Assert.Contains("tech-2", loose); // وزير المالية ... قطاع الاتصالات: both words, apart
        Assert.Contains("health-1", loose);

        Assert.Equal(["tech-1"], Ids("\"وزير الاتصالات\""));
    }

    [Fact]
    public void An_excluded_word_removes_the_articles_that_contain_it()
    {
        Assert.Contains("health-1", Ids("وزير"));

        var ids = Ids("وزير -الصحة");

        Assert.DoesNotContain("health-1", ids);
        Assert.Contains("tech-1", ids);
        Assert.Contains("tech-2", ids);
    }

    [Fact]
    public void An_excluded_phrase_removes_only_articles_with_the_phrase()
    {
        var ids = Ids("وزير -\"وزير الصحة\"");

        Assert.DoesNotContain("health-1", ids);
        Assert.Contains("tech-1", ids);
    }

    [Fact]
    public void Only_excluded_words_list_every_other_article_newest_first()
    {
        var day = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("old", "موسم الزيتون", "بدأ قطاف الزيتون.", publishedAt: day),
            TestCorpus.Article("mid", "محصول القمح", "وفرة في محصول القمح.", publishedAt: day.AddDays(1)),
            TestCorpus.Article("new", "معرض التفاح", "أصناف نادرة من التفاح.", publishedAt: day.AddDays(2)),
            TestCorpus.Article("newest", "أسعار الزيت", "ارتفع سعر زيت الزيتون.", publishedAt: day.AddDays(3)));

        var results = index.Search(new SearchRequest("-الزيتون"));
        Assert.Equal(SearchSort.Newest, results.Sort);
        Assert.Equal(2, results.Total);
        Assert.Equal(["new", "mid"], results.Hits.Select(hit => hit.Id));
        Assert.Equal(["mid", "new"], index.Search(new SearchRequest("-الزيتون") { Sort = SearchSort.Oldest }).Hits.Select(hit => hit.Id));

        // A page at a time by cursor, as any listing.
        var first = index.Search(new SearchRequest("-الزيتون", PageSize: 1));
        var second = index.Search(new SearchRequest("-الزيتون", PageSize: 1) { After = first.NextCursor });
        Assert.Equal(["new", "mid"], [Assert.Single(first.Hits).Id, Assert.Single(second.Hits).Id]);

        // Exclusions the analysis drops (a stop word) exclude nothing.
        Assert.Equal(4, index.Search(new SearchRequest("-في")).Total);
    }

    [Fact]
    public void Words_joined_by_OR_return_articles_with_either()
    {
        Assert.Equal(["agri-1", "agri-2", "agri-3", "agri-4"], Ids("الزيتون OR التفاح").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_prefix_finds_words_that_start_with_it_after_the_article()
    {
        Assert.Equal(["tech-1", "tech-2"], Ids("اتصا*").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_prefix_finds_words_that_start_with_it()
    {
        Assert.Equal(["tech-1", "tech-2"], Ids("الاتصا*").Order(StringComparer.Ordinal));
        Assert.Equal(["agri-1", "agri-2"], Ids("الزيت*").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("٢٠٢٤")]
    [InlineData("۲۰۲۴")]
    [InlineData("2024")]
    public void Digits_in_any_script_find_ASCII_digits_in_the_text(string query)
    {
        Assert.Equal(["tech-1"], Ids(query));
    }

    [Theory]
    [InlineData("الزَّيْتُون")]
    [InlineData("الزيـتـون")]
    [InlineData("زيتون")]
    [InlineData("بالزيتون")]
    public void Diacritics_tatweel_and_clitics_in_the_query_do_not_matter(string query)
    {
        Assert.Equal(["agri-1", "agri-2"], Ids(query));
    }

    [Theory]
    [InlineData("في")]
    [InlineData("في من على هذا")]
    [InlineData("ما هو الذي")]
    [InlineData("\"في هذه\"")]
    public void A_query_of_only_stop_words_returns_nothing_without_error(string query)
    {
        var results = _index.Search(new SearchRequest(query));

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void Page_two_gives_the_next_hits_and_the_same_total()
    {
        const string query = "الزيتون OR التفاح OR محصول";
        var all = _index.Search(new SearchRequest(query, Page: 1, PageSize: 10));
        Assert.Equal(5, all.Total);

        var first = _index.Search(new SearchRequest(query, Page: 1, PageSize: 2));
        var second = _index.Search(new SearchRequest(query, Page: 2, PageSize: 2));
        var third = _index.Search(new SearchRequest(query, Page: 3, PageSize: 2));
        var beyond = _index.Search(new SearchRequest(query, Page: 4, PageSize: 2));

        var allIds = all.Hits.Select(hit => hit.Id).ToList();
        Assert.Equal(allIds[..2], first.Hits.Select(hit => hit.Id));
        Assert.Equal(allIds[2..4], second.Hits.Select(hit => hit.Id));
        Assert.Equal(allIds[4..], third.Hits.Select(hit => hit.Id));
        Assert.Empty(beyond.Hits);
        Assert.All(new[] { first, second, third, beyond }, page => Assert.Equal(5, page.Total));
        Assert.Equal((2, 2), (second.Page, second.PageSize));
    }

    [Theory]
    [InlineData("", 1, 10, "q")]
    [InlineData("   ", 1, 10, "q")]
    [InlineData("وزير", 0, 10, "page")]
    [InlineData("وزير", -1, 10, "page")]
    [InlineData("وزير", 1, 0, "pageSize")]
    [InlineData("وزير", 1, 101, "pageSize")]
    [InlineData("وزير", 101, 100, "page")]
    [InlineData("وزير", 10_001, 1, "page")]
    public void Invalid_requests_throw_with_the_parameter_name(string query, int page, int pageSize, string key)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(query, page, pageSize)));

        Assert.Equal([key], error.Errors.Keys);
        Assert.NotEmpty(error.Errors[key]);
    }

    [Fact]
    public void A_query_over_1000_characters_is_invalid_and_one_of_1000_is_not()
    {
        var longest = "زيتون " + string.Join(' ', Enumerable.Repeat(new string('ن', 40), 30))[..994];

        Assert.Equal(1000, longest.Length);
        Assert.Equal(2, _index.Search(new SearchRequest(longest)).Total);
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(longest + "ن")));
        Assert.Equal(["q"], error.Errors.Keys);
    }

    [Fact]
    public void The_deepest_allowed_page_is_valid()
    {
        var results = _index.Search(new SearchRequest("الزيتون", Page: 100, PageSize: 100));

        Assert.Equal(2, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void A_query_may_hold_five_prefixes_and_no_more()
    {
        Assert.NotEmpty(_index.Search(new SearchRequest("تفا* زيت* قمح* اسم* محص*")).Hits);
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest("تفا* زيت* قمح* اسم* محص* -وزي*")));
        Assert.Equal(["q"], error.Errors.Keys);
        Assert.Contains("prefix", error.Errors["q"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_list_may_hold_100_values_and_no_more()
    {
        string[] Values(int count) => [.. Enumerable.Range(0, count).Select(i => $"outlet-{i}")];

        Assert.Empty(_index.Search(new SearchRequest("الزيتون") { Filters = new SearchFilters(Sources: Values(100)) }).Hits);
        var error = Assert.Throws<InvalidSearchRequestException>(
            () => _index.Search(new SearchRequest("الزيتون") { Filters = new SearchFilters(Sections: Values(101)) }));
        Assert.Equal(["section"], error.Errors.Keys);
    }

    [Fact]
    public void Every_broken_limit_is_reported_at_once()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest("", 0, 101)));

        Assert.Equal(["page", "pageSize", "q"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("invalid_search_request", InvalidSearchRequestException.Code);
    }
}
