using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Navigation;

namespace Search.Core.Tests.Searching;

/// <summary><see cref="NewsIndex.Latest"/>: the newest stories for a home page, and every source and section to browse.</summary>
public sealed class LatestStoryTests : IDisposable
{
    private static readonly DateTimeOffset July = new(2024, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article("wire-north", "عقد لبناء محطة تحلية على الساحل الجنوبي", DuplicateTests.Wire, source: "وكالة الشمال", section: "اقتصاد", publishedAt: July),
        TestCorpus.Article("wire-coast", "محطة جديدة لمياه الشرب في الجنوب", DuplicateTests.Wire, source: "صحيفة الساحل", section: "محليات", publishedAt: July.AddHours(1)),
        TestCorpus.Article("north-plant", "افتتاح المرحلة الأولى من مشروع التحلية في الشمال", DuplicateTests.SameTopic, source: "وكالة الشمال", section: "اقتصاد", publishedAt: July.AddDays(1)),
        TestCorpus.Article("match-report", "فريق المدينة يفوز <بثلاثة> أهداف", DuplicateTests.Unrelated, source: "صحيفة الساحل", section: "رياضة", publishedAt: July.AddDays(2)),
        TestCorpus.Article("undated", "خبر بلا تاريخ عن معرض الكتاب", "افتتح معرض الكتاب أبوابه للزوار.", source: "إذاعة الوادي", section: "ثقافة"),
        TestCorpus.Article("old-book-fair", "معرض الكتاب في دورته الأولى", "بدأ معرض الكتاب بمشاركة عشر دور نشر.", source: "إذاعة الوادي", section: "ثقافة", publishedAt: July.AddYears(-3)),
    ];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Stories_come_newest_first_with_copies_collapsed_and_undated_ones_last()
    {
        var latest = _index.Latest(new LatestRequest());

        Assert.Equal(["match-report", "north-plant", "wire-coast", "old-book-fair", "undated"], latest.Hits.Select(hit => hit.Id));
        var wire = latest.Hits.Single(hit => hit.Id == "wire-coast");
        Assert.Equal(1, wire.Duplicates);
        Assert.Equal(["wire-north"], wire.DuplicateIds);
    }

    [Fact]
    public void Hits_carry_the_escaped_title_and_no_snippets()
    {
        var match = _index.Latest(new LatestRequest()).Hits[0];

        Assert.Equal("فريق المدينة يفوز &lt;بثلاثة&gt; أهداف", match.Highlights.Title);
        Assert.Empty(match.Highlights.Snippets);
    }

    [Fact]
    public void Size_caps_the_stories()
    {
        Assert.Equal(["match-report", "north-plant"], _index.Latest(new LatestRequest(Size: 2)).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void Filters_narrow_the_stories_but_not_the_counts_of_the_whole_index()
    {
        var everything = _index.Latest(new LatestRequest());
        var filtered = _index.Latest(new LatestRequest { Sources = ["إذاعة الوادي", "وكالة الشمال"], Sections = ["ثقافة", "رياضة"] });

        Assert.Equal(["old-book-fair", "undated"], filtered.Hits.Select(hit => hit.Id));
        Assert.Equal(everything.Sources, filtered.Sources);
        Assert.Equal(everything.Sections, filtered.Sections);
        Assert.Equal(
            [new FacetValue("إذاعة الوادي", 2), new FacetValue("صحيفة الساحل", 2), new FacetValue("وكالة الشمال", 2)],
            everything.Sources);
        Assert.Equal(
            [new FacetValue("اقتصاد", 2), new FacetValue("ثقافة", 2), new FacetValue("رياضة", 1), new FacetValue("محليات", 1)],
            everything.Sections);
    }

    [Fact]
    public void At_most_twenty_sources_are_listed_the_largest_first()
    {
        using var index = TestCorpus.InMemoryIndexOf([.. Enumerable.Range(0, 25).SelectMany(outlet =>
            Enumerable.Range(0, outlet == 24 ? 3 : 1).Select(copy =>
                TestCorpus.Article($"story-{outlet}-{copy}", $"خبر رقم {outlet} نسخة {copy}", source: $"مصدر {outlet:00}", publishedAt: July.AddHours(outlet))))]);

        var sources = index.Latest(new LatestRequest()).Sources;

        Assert.Equal(LatestRequest.MaxNavigationValues, sources.Count);
        Assert.Equal(new FacetValue("مصدر 24", 3), sources[0]);
        Assert.All(sources.Skip(1), source => Assert.Equal(1, source.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_size_outside_one_to_a_hundred_is_refused_naming_it(int size)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Latest(new LatestRequest(size)));

        Assert.Equal(["size"], error.Errors.Keys);
    }

    [Fact]
    public void More_than_a_hundred_values_of_a_filter_are_refused_naming_it()
    {
        var request = new LatestRequest { Sections = [.. Enumerable.Range(0, 101).Select(i => $"قسم {i}")] };

        Assert.Equal(["section"], request.Validate().Keys);
    }

    [Fact]
    public void An_empty_index_has_no_stories_and_nothing_to_browse()
    {
        using var empty = NewsIndex.InMemory();

        var latest = empty.Latest(new LatestRequest());

        Assert.Empty(latest.Hits);
        Assert.Empty(latest.Sources);
        Assert.Empty(latest.Sections);
    }
}
