using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Navigation;

/// <summary>Source, section and month counts over every match of a request, on a season of festival news.</summary>
public sealed class FacetTests : IDisposable
{
    private const string Keyword = "المهرجان";
    private const int Matches = 25;

    private static readonly string[] Sources = ["وكالة الشمال", "صحيفة الساحل", "إذاعة الوادي"];
    private static readonly string[] Sections = ["ثقافة", "فنون", "سياحة", "محليات"];

    private static readonly string[] Words =
    [
        "الفرقة", "الجمهور", "المسرح", "الساحة", "العرض", "الموسيقى", "الشعر", "الرقص", "الحرفيون", "الزوار",
        "الليلة", "الافتتاح", "الختام", "الجائزة", "اللجنة", "الفنانون", "الأطفال", "العائلات", "الأسواق", "الطعام",
        "التذاكر", "البرنامج", "الضيوف", "الفوانيس", "الأغاني", "التراث", "الحكايات", "الصور", "المعرض", "القلعة",
        "الحديقة", "الشاطئ", "النهر", "الطبول", "الأزياء", "الخزف", "الخط", "السينما", "الكتب", "الندوة",
    ];

    /// <summary>25 festival stories (each naming <see cref="Keyword"/>) spread over sources, sections and months, and 6 others.</summary>
    private static readonly NewsArticle[] Corpus = [.. Enumerable.Range(0, Matches).Select(Festival), .. Enumerable.Range(0, 6).Select(Other)];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    private static NewsArticle Festival(int i) => TestCorpus.Article(
        $"festival-{i:D2}",
        $"{Keyword} يستقبل {Words[i]} و{Words[(i * 7 % 40)]}",
        WordSalad(i),
        section: Sections[i % Sections.Length],
        source: Sources[(i + (i / 4)) % Sources.Length],
        publishedAt: new DateTimeOffset(2024, 1 + (i % 5), 1 + i, 10, 0, 0, TimeSpan.FromHours(3)));

    private static NewsArticle Other(int i) => TestCorpus.Article(
        $"other-{i}",
        $"البلدية تعلن خطة {Words[i + 10]} الجديدة",
        WordSalad(100 + i),
        section: Sections[0],
        source: Sources[0],
        publishedAt: new DateTimeOffset(2024, 2, 10 + i, 10, 0, 0, TimeSpan.Zero));

    /// <summary>A body of its own for each article, so no two are taken for copies of one story.</summary>
    private static string WordSalad(int seed)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, 30).Select(_ => Words[random.Next(Words.Length)])) + ".";
    }

    private static Dictionary<string, int> Expected(IEnumerable<NewsArticle> articles, Func<NewsArticle, string?> value) =>
        articles.Select(value).OfType<string>().GroupBy(key => key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    private static string UtcMonth(NewsArticle article) => article.PublishedAt!.Value.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, int> AsDictionary(IReadOnlyList<FacetValue> values)
    {
        Assert.Equal(values.Count, values.Select(value => value.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, value => Assert.True(value.Count > 0, $"{value.Value} has count {value.Count}"));
        return values.ToDictionary(value => value.Value, value => value.Count, StringComparer.Ordinal);
    }

    private static void AssertFacets(IReadOnlyCollection<NewsArticle> matching, FacetCounts? facets)
    {
        Assert.NotNull(facets);
        Assert.Equal(Expected(matching, article => article.Source), AsDictionary(facets.Source));
        Assert.Equal(Expected(matching, article => article.Section), AsDictionary(facets.Section));
        Assert.Equal(Expected(matching.Where(article => article.PublishedAt is not null), UtcMonth), AsDictionary(facets.Month));
    }

    [Fact]
    public void Counts_cover_every_match_not_only_the_page()
    {
        var results = _index.Search(new SearchRequest(Keyword, PageSize: 5));

        Assert.Equal(Matches, results.Total);
        Assert.Equal(5, results.Hits.Count);
        Assert.NotNull(results.Facets);
        Assert.Equal(Matches, results.Facets.Source.Sum(value => value.Count));
        Assert.Equal(Matches, results.Facets.Section.Sum(value => value.Count));
        Assert.Equal(Matches, results.Facets.Month.Sum(value => value.Count));
        AssertFacets(Corpus[..Matches], results.Facets);
    }

    [Fact]
    public void Every_page_carries_the_same_counts()
    {
        var first = _index.Search(new SearchRequest(Keyword, PageSize: 5));
        var third = _index.Search(new SearchRequest(Keyword, Page: 3, PageSize: 5));
        var next = _index.Search(new SearchRequest(Keyword, PageSize: 5) { After = first.NextCursor });

        Assert.NotNull(first.NextCursor);
        AssertFacets(Corpus[..Matches], third.Facets);
        AssertFacets(Corpus[..Matches], next.Facets);
    }

    [Fact]
    public void Months_are_written_year_dash_month()
    {
        var facets = _index.Search(new SearchRequest(Keyword)).Facets;

        Assert.NotNull(facets);
        Assert.Equal(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"], facets.Month.Select(value => value.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Counts_respect_the_filters()
    {
        var filters = new SearchFilters(Sections: [Sections[1]]);
        var matching = Corpus[..Matches].Where(article => article.Section == Sections[1]).ToList();

        var results = _index.Search(new SearchRequest(Keyword, PageSize: 2) { Filters = filters });

        Assert.Equal(matching.Count, results.Total);
        AssertFacets(matching, results.Facets);
        var section = Assert.Single(results.Facets!.Section);
        Assert.Equal(new FacetValue(Sections[1], matching.Count), section);
    }

    [Fact]
    public void Counts_respect_a_source_and_date_filter()
    {
        var from = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var filters = new SearchFilters(From: from, Sources: [Sources[0], Sources[2]]);
        var matching = Corpus[..Matches].Where(article => article.PublishedAt >= from && article.Source != Sources[1]).ToList();

        var results = _index.Search(new SearchRequest(Keyword, PageSize: 1) { Filters = filters });

        Assert.InRange(matching.Count, 2, Matches - 2);
        Assert.Equal(matching.Count, results.Total);
        AssertFacets(matching, results.Facets);
    }

    [Fact]
    public void A_browse_counts_every_filtered_article()
    {
        var results = _index.Search(new SearchRequest(null, PageSize: 3) { Filters = new SearchFilters(Sources: [Sources[0]]) });

        AssertFacets([.. Corpus.Where(article => article.Source == Sources[0])], results.Facets);
    }

    [Fact]
    public void Counts_add_up_across_index_segments()
    {
        using var index = NewsIndex.InMemory();
        foreach (var batch in Corpus.Chunk(7))
        {
            var generation = 0L;
            foreach (var article in batch)
            {
                generation = index.Upsert(article);
            }

            index.WaitFor(generation);
        }

        var results = index.Search(new SearchRequest(Keyword, PageSize: 5));

        Assert.Equal(Matches, results.Total);
        AssertFacets(Corpus[..Matches], results.Facets);
    }

    [Fact]
    public void Month_is_the_month_in_UTC()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("east", "الموسم يبدأ في الشرق", "افتتح الموسم الثقافي في المدن الشرقية بحفل كبير.", publishedAt: new DateTimeOffset(2024, 2, 1, 1, 0, 0, TimeSpan.FromHours(3))),
            TestCorpus.Article("west", "الموسم يبدأ في الغرب", "انطلق الموسم في المدن الغربية بمعرض للكتب المستعملة.", publishedAt: new DateTimeOffset(2024, 1, 31, 23, 30, 0, TimeSpan.FromHours(-5))),
            TestCorpus.Article("midnight", "الموسم يختتم بعرض للأطفال", "اختتم الموسم بعرض مسرحي للأطفال في الحديقة العامة.", publishedAt: new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        var facets = index.Search(new SearchRequest("الموسم")).Facets;

        // 01:00 on 1 February at +03:00 is still January in UTC; 23:30 on 31 January at -05:00 is already February.
        Assert.NotNull(facets);
        Assert.Equal(
            new Dictionary<string, int> { ["2024-01"] = 1, ["2024-02"] = 1, ["2024-03"] = 1 },
            AsDictionary(facets.Month));
    }

    [Fact]
    public void A_date_outside_the_months_counted_is_left_out_of_the_month_facet_not_counted_under_an_end()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("year-one", "القافلة تصل إلى الواحة", "وصلت القافلة إلى الواحة بعد رحلة طويلة.", publishedAt: new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            TestCorpus.Article("far-future", "القافلة تغادر الواحة", "غادرت القافلة الواحة مع الفجر.", publishedAt: new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero)),
            TestCorpus.Article("first-month", "القافلة تعبر الصحراء", "عبرت القافلة الصحراء في أسبوعين.", publishedAt: new DateTimeOffset(1900, 1, 15, 12, 0, 0, TimeSpan.Zero)),
            TestCorpus.Article("last-month", "القافلة تعود إلى المدينة", "عادت القافلة إلى المدينة محملة بالتمر.", publishedAt: new DateTimeOffset(2199, 12, 15, 12, 0, 0, TimeSpan.Zero)));

        var facets = index.Search(new SearchRequest("القافلة")).Facets;

        Assert.NotNull(facets);
        Assert.Equal(new Dictionary<string, int> { ["1900-01"] = 1, ["2199-12"] = 1 }, AsDictionary(facets.Month));
    }

    [Fact]
    public void Articles_without_a_value_are_left_out_of_that_facet()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("full", "معرض الكتاب يفتح أبوابه", "فتح معرض الكتاب أبوابه للزوار صباح اليوم.", section: "ثقافة", source: "صحيفة الساحل", publishedAt: new DateTimeOffset(2024, 4, 2, 9, 0, 0, TimeSpan.Zero)),
            TestCorpus.Article("bare", "معرض الكتاب يمدد أيامه", "قررت إدارة المعرض تمديد أيامه بسبب الإقبال الكبير من العائلات."));

        var results = index.Search(new SearchRequest("معرض"));

        Assert.Equal(2, results.Total);
        Assert.NotNull(results.Facets);
        Assert.Equal([new FacetValue("صحيفة الساحل", 1)], results.Facets.Source);
        Assert.Equal([new FacetValue("ثقافة", 1)], results.Facets.Section);
        Assert.Equal([new FacetValue("2024-04", 1)], results.Facets.Month);
    }

    [Fact]
    public void Facets_are_null_when_not_asked_for()
    {
        var without = _index.Search(new SearchRequest(Keyword) { IncludeFacets = false });
        var with = _index.Search(new SearchRequest(Keyword));

        Assert.Null(without.Facets);
        Assert.NotNull(with.Facets);
        Assert.Equal(with.Total, without.Total);
        Assert.Equal(with.Hits.Select(hit => hit.Id), without.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void No_match_gives_empty_facets()
    {
        var results = _index.Search(new SearchRequest("غواصة"));

        Assert.Equal(0, results.Total);
        Assert.NotNull(results.Facets);
        Assert.Empty(results.Facets.Source);
        Assert.Empty(results.Facets.Section);
        Assert.Empty(results.Facets.Month);
    }
}
