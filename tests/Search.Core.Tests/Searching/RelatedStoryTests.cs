using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Searching;
using Search.Core.Tests.Navigation;

namespace Search.Core.Tests.Searching;

/// <summary><see cref="NewsIndex.Related"/>: stories that share an article's vocabulary, without the article or its copies.</summary>
public sealed class RelatedStoryTests : IDisposable
{
    private const string Target = "plant-south";

    private const string WaterCuts =
        "تتكرر انقطاعات المياه في المدن الساحلية كل صيف، ويقول السكان إن مياه الآبار صارت أكثر ملوحة من أي وقت مضى. " +
        "وطالب نواب المنطقة وزارة المياه بتسريع بناء محطة لتحلية مياه البحر، وبإصلاح شبكة الأنابيب القديمة التي تهدر ثلث مياه الشرب. " +
        "وردت الوزارة بأن المحطة الجديدة على الساحل الجنوبي ستنهي الأزمة خلال ثلاث سنوات.";

    private const string BookFair =
        "افتتح معرض الكتاب السنوي أبوابه للزوار بمشاركة مئتي دار نشر من عشرين بلدا، وتتصدر روايات الشباب قائمة المبيعات في أيامه الأولى. " +
        "وخصص المنظمون جناحا لكتب الأطفال وورشا للرسم والحكاية، فيما تستضيف القاعة الكبرى أمسيات شعرية كل مساء.";

    private const string BreadPrices =
        "رفعت المخابز سعر ربطة الخبز بعد زيادة كلفة الطحين والوقود، وقالت نقابة الخبازين إن الزيادة لا تغطي كل الخسائر. " +
        "ودعت جمعية حماية المستهلك إلى دعم الطحين للمخابز الصغيرة في الأحياء الشعبية.";

    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article(Target, "عقد لبناء محطة تحلية على الساحل الجنوبي", DuplicateTests.Wire, source: "وكالة الشمال", section: "اقتصاد", publishedAt: new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero)),
        TestCorpus.Article("plant-south-copy", "محطة جديدة لمياه الشرب في الجنوب", DuplicateTests.Wire, source: "صحيفة الساحل", section: "محليات"),
        TestCorpus.Article("plant-south-edited", "الوزارة توقع عقد محطة التحلية", DuplicateTests.Edited, source: "إذاعة الوادي", section: "اقتصاد"),
        TestCorpus.Article("plant-north", "افتتاح المرحلة الأولى من مشروع التحلية في الشمال", DuplicateTests.SameTopic, source: "وكالة الشمال", section: "اقتصاد", publishedAt: new DateTimeOffset(2024, 7, 2, 9, 0, 0, TimeSpan.Zero)),
        TestCorpus.Article("plant-north-copy", "مياه الشمال المحلاة تصل إلى القرى الجبلية", DuplicateTests.SameTopic, source: "صحيفة الساحل", section: "محليات"),
        TestCorpus.Article("water-cuts", "انقطاع المياه يعود إلى المدن الساحلية", WaterCuts, source: "إذاعة الوادي", section: "محليات"),
        TestCorpus.Article("match-report", "فريق المدينة يفوز بثلاثة أهداف", DuplicateTests.Unrelated, source: "صحيفة الساحل", section: "رياضة"),
        TestCorpus.Article("book-fair", "معرض الكتاب يفتح أبوابه", BookFair, source: "وكالة الشمال", section: "ثقافة"),
        TestCorpus.Article("bread-prices", "ارتفاع سعر الخبز في المخابز", BreadPrices, source: "إذاعة الوادي", section: "اقتصاد"),
    ];

    private static readonly string[] TargetAndCopies = [Target, "plant-south-copy", "plant-south-edited"];
    private static readonly string[] NorthPlant = ["plant-north", "plant-north-copy"];
    private static readonly string[] UnrelatedIds = ["match-report", "book-fair", "bread-prices"];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    private List<string> RelatedIds(string id, int count = 10) => [.. _index.Related(id, count).Select(hit => hit.Id)];

    [Fact]
    public void Stories_sharing_the_vocabulary_rank_above_unrelated_ones()
    {
        var ids = RelatedIds(Target);

        var water = ids.IndexOf("water-cuts");
        var north = ids.FindIndex(id => NorthPlant.Contains(id));
        Assert.True(water >= 0, string.Join(", ", ids));
        Assert.True(north >= 0, string.Join(", ", ids));
        foreach (var unrelated in UnrelatedIds.Where(ids.Contains))
        {
            Assert.True(ids.IndexOf(unrelated) > Math.Max(water, north), $"{unrelated} ranks above a related story: {string.Join(", ", ids)}");
        }
    }

    [Fact]
    public void An_unrelated_story_that_shares_a_few_words_comes_last()
    {
        var ids = RelatedIds("water-cuts");

        var south = ids.FindIndex(id => TargetAndCopies.Contains(id));
        var north = ids.FindIndex(id => NorthPlant.Contains(id));
        Assert.True(south >= 0 && north >= 0, string.Join(", ", ids));
        foreach (var unrelated in UnrelatedIds.Where(ids.Contains))
        {
            Assert.True(ids.IndexOf(unrelated) > Math.Max(south, north), $"{unrelated} ranks above a related story: {string.Join(", ", ids)}");
        }
    }

    [Fact]
    public void Hits_are_ordered_by_descending_score()
    {
        var hits = _index.Related(Target);

        Assert.NotEmpty(hits);
        for (var i = 1; i < hits.Count; i++)
        {
            Assert.True(hits[i - 1].Score >= hits[i].Score, $"hit {i - 1} scores below hit {i}");
        }
    }

    [Theory]
    [InlineData(Target)]
    [InlineData("plant-south-copy")]
    [InlineData("plant-south-edited")]
    public void Neither_the_article_nor_any_copy_of_it_is_related(string id)
    {
        var hits = _index.Related(id);

        Assert.NotEmpty(hits);
        Assert.Empty(hits.Select(hit => hit.Id).Intersect(TargetAndCopies));
        Assert.Empty(hits.SelectMany(hit => hit.DuplicateIds ?? []).Intersect(TargetAndCopies));
    }

    [Fact]
    public void Copies_among_the_results_collapse_into_one_hit()
    {
        var hits = _index.Related(Target);

        var north = Assert.Single(hits, hit => NorthPlant.Contains(hit.Id));
        Assert.Equal(1, north.Duplicates);
        Assert.Equal(NorthPlant.Except([north.Id]), north.DuplicateIds);
        Assert.All(hits.Where(hit => hit != north), hit => Assert.Equal((0, null), (hit.Duplicates, hit.DuplicateIds)));
    }

    [Fact]
    public void The_related_story_of_the_related_story_is_the_target()
    {
        var ids = RelatedIds("water-cuts");

        Assert.Single(ids, id => TargetAndCopies.Contains(id));
        Assert.DoesNotContain("water-cuts", ids);
    }

    [Fact]
    public void Count_caps_the_hits_and_keeps_the_best()
    {
        var all = RelatedIds(Target);

        Assert.True(all.Count >= 2);
        Assert.Equal(all[..1], RelatedIds(Target, 1));
        Assert.Equal(all[..2], RelatedIds(Target, 2));
        Assert.Equal(all, RelatedIds(Target, RelatedStoryFinder.MaxCount));
    }

    [Fact]
    public void Hits_carry_the_stored_fields_and_an_opening_snippet()
    {
        var water = _index.Related(Target).Single(hit => hit.Id == "water-cuts");

        Assert.Equal(("انقطاع المياه يعود إلى المدن الساحلية", "إذاعة الوادي", "محليات"), (water.Title, water.Source, water.Section));
        var snippet = Assert.Single(water.Highlights.Snippets);
        Assert.StartsWith("تتكرر انقطاعات المياه", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_alone_in_its_topic_has_no_related_copies_of_itself()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("only", "عقد لبناء محطة تحلية على الساحل الجنوبي", DuplicateTests.Wire),
            TestCorpus.Article("only-copy", "محطة جديدة لمياه الشرب في الجنوب", DuplicateTests.Wire));

        Assert.Empty(index.Related("only"));
    }

    [Fact]
    public void An_unknown_id_throws_article_not_found()
    {
        var error = Assert.Throws<ArticleNotFoundException>(() => _index.Related("no-such-story"));

        Assert.Equal("no-such-story", error.Id);
        Assert.Equal("article_not_found", ArticleNotFoundException.Code);
    }

    [Fact]
    public void A_deleted_article_is_unknown()
    {
        using var index = TestCorpus.InMemoryIndexOf(Corpus);
        index.WaitFor(index.Delete("water-cuts"));

        Assert.Throws<ArticleNotFoundException>(() => index.Related("water-cuts"));
        Assert.DoesNotContain("water-cuts", index.Related(Target).Select(hit => hit.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(RelatedStoryFinder.MaxCount + 1)]
    public void A_count_out_of_range_is_refused(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _index.Related(Target, count));
    }
}
