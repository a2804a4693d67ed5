using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Navigation;

/// <summary>
/// One wire story carried by three outlets (two word for word, one lightly edited) collapses into one hit; another
/// story on the same topic does not. Also the <see cref="NearDuplicateHash"/> it rests on.
/// </summary>
public sealed class DuplicateTests : IDisposable
{
    private const string Query = "المياه";

    /// <summary>The wire story, as the first two outlets ran it.</summary>
    internal const string Wire =
        "وقعت وزارة المياه اليوم عقدا لبناء محطة جديدة لتحلية مياه البحر على الساحل الجنوبي، بطاقة إنتاجية تبلغ مئتي ألف متر مكعب يوميا. " +
        "وقال وزير المياه في مؤتمر صحفي إن المحطة ستعمل بالطاقة الشمسية في ساعات النهار، وإنها ستغطي حاجة ثلاث مدن ساحلية من مياه الشرب. " +
        "وأضاف أن الأعمال ستبدأ في الربيع المقبل وتستمر ثلاثين شهرا، وأن الشركة المنفذة ستدرب مئة مهندس من أبناء المنطقة على تشغيلها. " +
        "وتعاني المدن الساحلية منذ سنوات من انقطاع المياه في فصل الصيف بسبب تراجع مخزون الآبار وارتفاع نسبة الملوحة فيها.";

    /// <summary>The third outlet's version: diacritics, other punctuation, tatweel and one word changed (مئة → خمسين).</summary>
    internal const string Edited =
        "وقّعت وزارةُ المياه اليوم عقدًا لبناء محطة جديدة لتحلية مياه البحر على الساحل الجنوبي - بطاقة إنتاجية تبلغ مئتي ألف متر مكعب يوميًا! " +
        "وقال وزير المياه في مؤتمر صحفي: إن المحطة ستعمل بالطاقة الشمسية في ساعات النهار؛ وإنها ستغطي حاجة ثلاث مدن ساحلية من مياه الشرب. " +
        "وأضاف أن الأعمال ستبدأ في الربيع المقبل وتستمر ثلاثين شهرًا، وأن الشركة المنفذة ستدرب خمسين مهندسا من أبناء المنطقة على تشغيلها... " +
        "وتعاني المدن الساحليـة منذ سنوات من انقطاع المياه في فصل الصيف بسبب تراجع مخزون الآبار، وارتفاع نسبة الملوحة فيها.";

    /// <summary>Another story on the same topic, told in other words.</summary>
    internal const string SameTopic =
        "افتتح رئيس الحكومة صباح اليوم المرحلة الأولى من مشروع تحلية المياه في الشمال، بعد تأخر دام عامين بسبب خلاف على التمويل. " +
        "وتنتج المرحلة الأولى خمسين ألف متر مكعب يوميا تصل إلى القرى الجبلية عبر خط أنابيب طوله أربعون كيلومترا. " +
        "وقال مهندسو المشروع إن كلفة المتر المكعب انخفضت إلى النصف مقارنة بالمحطات القديمة، وإن المرحلة الثانية ستكتمل قبل نهاية العام المقبل.";

    internal const string Unrelated =
        "فاز فريق المدينة على ضيفه بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء أمس على الملعب البلدي وسط حضور جماهيري كبير. " +
        "وسجل المهاجم الشاب هدفين في الشوط الأول، فيما أضاف قائد الفريق الهدف الثالث من ركلة جزاء في الدقائق الأخيرة.";

    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article("wire-north", "عقد لبناء محطة تحلية على الساحل الجنوبي", Wire, source: "وكالة الشمال", section: "اقتصاد", publishedAt: new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero)),
        TestCorpus.Article("wire-coast", "محطة جديدة لمياه الشرب في الجنوب", Wire, source: "صحيفة الساحل", section: "محليات", publishedAt: new DateTimeOffset(2024, 7, 1, 10, 0, 0, TimeSpan.Zero)),
        TestCorpus.Article("wire-valley", "الوزارة توقع عقد محطة التحلية", Edited, source: "إذاعة الوادي", section: "اقتصاد", publishedAt: new DateTimeOffset(2024, 7, 1, 11, 0, 0, TimeSpan.Zero)),
        TestCorpus.Article("north-plant", "افتتاح المرحلة الأولى من مشروع التحلية في الشمال", SameTopic, source: "وكالة الشمال", section: "اقتصاد", publishedAt: new DateTimeOffset(2024, 7, 2, 9, 0, 0, TimeSpan.Zero)),
        TestCorpus.Article("match-report", "فريق المدينة يفوز بثلاثة أهداف", Unrelated, source: "صحيفة الساحل", section: "رياضة", publishedAt: new DateTimeOffset(2024, 7, 2, 21, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly string[] WireIds = ["wire-coast", "wire-north", "wire-valley"];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Identical_text_hashes_alike()
    {
        Assert.Equal(0, NearDuplicateHash.Distance(NearDuplicateHash.Of(Wire), NearDuplicateHash.Of(Wire)));
        Assert.Equal(NearDuplicateHash.Of(Corpus[0]), NearDuplicateHash.Of(Corpus[1]));
    }

    /// <summary>Indexes keep the hash in doc values, so it must never change: a new build would otherwise no longer see
    /// the copies among articles an older one wrote. The values are those of the first, scalar implementation.</summary>
    [Theory]
    [InlineData("قال وزير الاقتصاد إن النمو بلغ 3.5 في المئة خلال الربع الثالث من العام", -400847606627551203)]
    [InlineData("كلمتان", 4368927586664675655)]
    [InlineData("واحدة", 3421466758802963223)]
    [InlineData("", 0)]
    [InlineData("The quick brown fox jumps over the lazy dog 2024", -6838995030929302453)]
    [InlineData("أَعلنَت الحكومةُ، اليومَ، عن خطةٍ جديدة للطاقة الشمسية في الجنوب", 7776736398359562288)]
    public void The_hash_of_a_text_never_changes(string text, long hash) => Assert.Equal(hash, NearDuplicateHash.Of(text));

    [Fact]
    public void Diacritics_tatweel_and_punctuation_do_not_change_the_hash()
    {
        const string plain = "قال وزير المياه إن المحطة الجديدة ستغطي حاجة ثلاث مدن ساحلية من مياه الشرب ابتداء من الصيف المقبل";
        const string marked = "قالَ وزيرُ المياه: «إنّ المحطة الجديدة ستغطي حاجةَ ثلاث مدنٍ ساحليـة - من مياه الشرب - ابتداءً من الصيف المقبل!»";

        Assert.Equal(NearDuplicateHash.Of(plain), NearDuplicateHash.Of(marked));
    }

    [Fact]
    public void A_lightly_edited_copy_is_within_the_distance()
    {
        var distance = NearDuplicateHash.Distance(NearDuplicateHash.Of(Wire), NearDuplicateHash.Of(Edited));

        Assert.InRange(distance, 1, NearDuplicateHash.MaxDistance);
        Assert.True(NearDuplicateHash.AreNearDuplicates(NearDuplicateHash.Of(Wire), NearDuplicateHash.Of(Edited)));
    }

    [Theory]
    [InlineData(SameTopic)]
    [InlineData(Unrelated)]
    public void Another_story_is_far_beyond_the_distance(string other)
    {
        var distance = NearDuplicateHash.Distance(NearDuplicateHash.Of(Wire), NearDuplicateHash.Of(other));

        Assert.True(distance > NearDuplicateHash.MaxDistance, $"distance {distance}");
        Assert.False(NearDuplicateHash.AreNearDuplicates(NearDuplicateHash.Of(Wire), NearDuplicateHash.Of(other)));
    }

    [Fact]
    public void Distance_counts_differing_bits_symmetrically()
    {
        Assert.Equal(64, NearDuplicateHash.Distance(0, -1));
        Assert.Equal(1, NearDuplicateHash.Distance(0b1010, 0b1000));
        Assert.Equal(
            NearDuplicateHash.Distance(NearDuplicateHash.Of(Wire), NearDuplicateHash.Of(SameTopic)),
            NearDuplicateHash.Distance(NearDuplicateHash.Of(SameTopic), NearDuplicateHash.Of(Wire)));
    }

    [Fact]
    public void The_hash_reads_the_body_before_the_title()
    {
        var a = TestCorpus.Article("a", "عنوان أول مختلف تماما", Wire);
        var b = TestCorpus.Article("b", "عنوان ثان لا يشبه الأول", Wire);
        var titleOnly = TestCorpus.Article("c", "عنوان أول مختلف تماما");

        Assert.Equal(NearDuplicateHash.Of(a), NearDuplicateHash.Of(b));
        Assert.Equal(NearDuplicateHash.Of("عنوان أول مختلف تماما"), NearDuplicateHash.Of(titleOnly));
    }

    [Fact]
    public void Copies_of_one_story_collapse_into_one_hit()
    {
        var results = _index.Search(new SearchRequest(Query));

        Assert.Equal(4, results.Total);
        Assert.Equal(2, results.Hits.Count);
        var story = Assert.Single(results.Hits, hit => WireIds.Contains(hit.Id));
        Assert.Equal(2, story.Duplicates);
        Assert.NotNull(story.DuplicateIds);
        Assert.Equal(2, story.DuplicateIds.Count);
        Assert.DoesNotContain(story.Id, story.DuplicateIds);
        Assert.Equal(WireIds, story.DuplicateIds.Append(story.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Another_story_on_the_same_topic_stays_its_own_hit()
    {
        var results = _index.Search(new SearchRequest(Query));

        var other = Assert.Single(results.Hits, hit => hit.Id == "north-plant");
        Assert.Equal(0, other.Duplicates);
        Assert.Null(other.DuplicateIds);
    }

    [Fact]
    public void The_best_ranked_copy_leads_and_the_others_follow_in_rank_order()
    {
        var each = _index.Search(new SearchRequest(Query) { CollapseDuplicates = false }).Hits
            .Where(hit => WireIds.Contains(hit.Id)).Select(hit => hit.Id).ToList();

        var story = _index.Search(new SearchRequest(Query)).Hits.Single(hit => WireIds.Contains(hit.Id));

        Assert.Equal(each[0], story.Id);
        Assert.Equal(each[1..], story.DuplicateIds);
    }

    [Theory]
    [InlineData(SearchSort.Newest, "wire-valley")]
    [InlineData(SearchSort.Oldest, "wire-north")]
    public void In_date_order_the_first_copy_in_that_order_leads(SearchSort sort, string leader)
    {
        var results = _index.Search(new SearchRequest(Query) { Sort = sort });

        var story = Assert.Single(results.Hits, hit => WireIds.Contains(hit.Id));
        Assert.Equal(leader, story.Id);
        Assert.Equal(2, story.Duplicates);
    }

    [Fact]
    public void Without_collapsing_every_copy_is_a_hit()
    {
        var results = _index.Search(new SearchRequest(Query) { CollapseDuplicates = false });

        Assert.Equal(4, results.Total);
        Assert.Equal(["north-plant", .. WireIds], results.Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal));
        Assert.All(results.Hits, hit => Assert.Equal((0, null), (hit.Duplicates, hit.DuplicateIds)));
    }

    [Fact]
    public void A_browse_collapses_copies_too()
    {
        var results = _index.Search(new SearchRequest(null) { Filters = new SearchFilters(From: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)) });

        Assert.Equal(5, results.Total);
        Assert.Equal(["match-report", "north-plant", "wire-valley"], results.Hits.Select(hit => hit.Id));
        Assert.Equal(["wire-coast", "wire-north"], results.Hits[2].DuplicateIds);
    }

    [Fact]
    public void Filters_apply_before_collapsing()
    {
        // Only the copies in the economy section are left; they still collapse, the other outlet's copy is not named.
        var results = _index.Search(new SearchRequest(Query) { Filters = new SearchFilters(Sections: ["اقتصاد"]) });

        Assert.Equal(3, results.Total);
        var story = Assert.Single(results.Hits, hit => WireIds.Contains(hit.Id));
        Assert.Equal(1, story.Duplicates);
        Assert.Equal(["wire-north", "wire-valley"], story.DuplicateIds!.Append(story.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Paging_counts_stories_not_copies()
    {
        var first = _index.Search(new SearchRequest(Query, PageSize: 1));
        var second = _index.Search(new SearchRequest(Query, Page: 2, PageSize: 1));
        var third = _index.Search(new SearchRequest(Query, Page: 3, PageSize: 1));

        Assert.Equal(
            _index.Search(new SearchRequest(Query)).Hits.Select(hit => hit.Id),
            first.Hits.Concat(second.Hits).Select(hit => hit.Id));
        Assert.Empty(third.Hits);
    }
}
