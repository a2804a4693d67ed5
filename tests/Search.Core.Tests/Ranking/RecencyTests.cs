using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Ranking;

/// <summary><see cref="SearchRequest.RecencyHalfLife"/>: with relevance order, fresh stories score up to twice as much.</summary>
public sealed class RecencyTests : IDisposable
{
    private const string Query = "الفيضان";

    private const string Flood =
        "غمرت مياه الفيضان الأحياء المنخفضة في المدينة بعد أمطار غزيرة استمرت يومين، وأجلت فرق الدفاع المدني عشرات العائلات إلى المدارس.";

    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);

    /// <summary>Dates are relative to now, as the boost is.</summary>
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>One report four times, equally relevant: old, recent, undated and dated ahead; ids in that order.</summary>
    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(
        TestCorpus.Article("a-older", "الفيضان يغمر الأحياء المنخفضة", Flood, publishedAt: Now.AddDays(-200)),
        TestCorpus.Article("b-newer", "الفيضان يغمر الأحياء المنخفضة", Flood, publishedAt: Now.AddDays(-2)),
        TestCorpus.Article("c-undated", "الفيضان يغمر الأحياء المنخفضة", Flood),
        TestCorpus.Article("d-future", "الفيضان يغمر الأحياء المنخفضة", Flood, publishedAt: Now.AddDays(3)));

    public void Dispose() => _index.Dispose();

    private Dictionary<string, float> Scores(TimeSpan? halfLife) =>
        _index.Search(new SearchRequest(Query) { CollapseDuplicates = false, RecencyHalfLife = halfLife }).Hits.ToDictionary(hit => hit.Id, hit => hit.Score);

    [Fact]
    public void Without_the_boost_equal_scores_fall_back_to_id_order()
    {
        var results = _index.Search(new SearchRequest(Query) { CollapseDuplicates = false });

        Assert.Equal(["a-older", "b-newer", "c-undated", "d-future"], results.Hits.Select(hit => hit.Id));
        Assert.Single(results.Hits.Select(hit => hit.Score).Distinct());
    }

    [Fact]
    public void With_the_boost_the_newer_of_two_equal_stories_ranks_first()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("a-older", "الفيضان يغمر الأحياء المنخفضة", Flood, publishedAt: Now.AddDays(-200)),
            TestCorpus.Article("b-newer", "الفيضان يغمر الأحياء المنخفضة", Flood, publishedAt: Now.AddDays(-2)));

        var plain = index.Search(new SearchRequest(Query) { CollapseDuplicates = false });
        var boosted = index.Search(new SearchRequest(Query) { CollapseDuplicates = false, RecencyHalfLife = HalfLife });

        Assert.Equal(["a-older", "b-newer"], plain.Hits.Select(hit => hit.Id));
        Assert.Equal(["b-newer", "a-older"], boosted.Hits.Select(hit => hit.Id));
        Assert.True(boosted.Hits[0].Score > boosted.Hits[1].Score);
        Assert.Equal(SearchSort.Relevance, boosted.Sort);
    }

    [Fact]
    public void The_boost_multiplies_by_one_plus_two_to_the_minus_age_over_half_life()
    {
        var plain = Scores(null);
        var boosted = Scores(HalfLife);

        // Dated stories gain between ×1 (very old) and ×2 (published now); the two-day-old one most, then the 200-day-old.
        Assert.InRange(boosted["b-newer"] / plain["b-newer"], 1 + Math.Pow(2, -3.0 / 30), 1 + Math.Pow(2, -1.0 / 30));
        Assert.InRange(boosted["a-older"] / plain["a-older"], 1 + Math.Pow(2, -201.0 / 30), 1 + Math.Pow(2, -199.0 / 30));
        Assert.True(boosted["b-newer"] > boosted["a-older"]);
    }

    [Fact]
    public void Undated_stories_get_no_boost_and_future_ones_no_more_than_double()
    {
        var plain = Scores(null);
        var boosted = Scores(HalfLife);

        Assert.Equal(plain["c-undated"], boosted["c-undated"]);
        Assert.Equal(2 * plain["d-future"], boosted["d-future"], 4);
        Assert.Equal(["d-future", "b-newer", "a-older", "c-undated"], _index.Search(new SearchRequest(Query) { CollapseDuplicates = false, RecencyHalfLife = HalfLife }).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void With_the_boost_a_fresh_copy_leads_its_story()
    {
        var plain = Assert.Single(_index.Search(new SearchRequest(Query)).Hits);
        var boosted = Assert.Single(_index.Search(new SearchRequest(Query) { RecencyHalfLife = HalfLife }).Hits);

        Assert.Equal("a-older", plain.Id);
        Assert.Equal("d-future", boosted.Id);
        Assert.Equal(["b-newer", "a-older", "c-undated"], boosted.DuplicateIds);
    }

    [Fact]
    public void A_much_more_relevant_old_story_still_outranks_a_fresh_passing_mention()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("old-report", "الفيضان يغمر الأحياء المنخفضة", Flood, publishedAt: Now.AddDays(-365)),
            TestCorpus.Article(
                "fresh-mention",
                "المجلس البلدي يناقش موازنة الطرق",
                "ناقش المجلس البلدي موازنة صيانة الطرق والأرصفة في جلسته الأسبوعية، وتطرق الأعضاء إلى إصلاح الجسر القديم وتوسعة المدخل الشمالي للمدينة وتحسين إنارة الشوارع الرئيسية، وأشار أحدهم إلى أضرار الفيضان.",
                publishedAt: Now.AddDays(-1)));

        var plain = index.Search(new SearchRequest(Query)).Hits;
        var boosted = index.Search(new SearchRequest(Query) { RecencyHalfLife = HalfLife }).Hits;

        Assert.Equal(["old-report", "fresh-mention"], plain.Select(hit => hit.Id));
        Assert.True(plain[0].Score > 2 * plain[1].Score, $"{plain[0].Score} vs {plain[1].Score}");
        Assert.Equal(["old-report", "fresh-mention"], boosted.Select(hit => hit.Id));
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public void A_boost_with_a_date_order_is_invalid(SearchSort sort)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(Query) { Sort = sort, RecencyHalfLife = HalfLife }));

        Assert.Equal(["recencyHalfLifeDays"], error.Errors.Keys);
        Assert.NotEmpty(error.Errors["recencyHalfLifeDays"]);
    }

    [Fact]
    public void A_boost_on_a_browse_is_invalid_since_it_sorts_by_date()
    {
        var request = new SearchRequest(null) { Filters = new SearchFilters(From: Now.AddYears(-1)), RecencyHalfLife = HalfLife };

        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(request));

        Assert.Equal(["recencyHalfLifeDays"], error.Errors.Keys);
    }

    [Fact]
    public void A_boost_with_explicit_relevance_order_is_valid()
    {
        var results = _index.Search(new SearchRequest(Query) { Sort = SearchSort.Relevance, RecencyHalfLife = HalfLife, CollapseDuplicates = false });

        Assert.Equal("d-future", results.Hits[0].Id);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(36_501.0)]
    public void A_half_life_out_of_range_is_invalid(double days)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => _index.Search(new SearchRequest(Query) { RecencyHalfLife = TimeSpan.FromDays(days) }));

        Assert.Equal(["recencyHalfLifeDays"], error.Errors.Keys);
    }

    [Fact]
    public void The_longest_half_life_is_valid()
    {
        Assert.Empty(new SearchRequest(Query) { RecencyHalfLife = TimeSpan.FromDays(36_500) }.Validate());
    }
}
