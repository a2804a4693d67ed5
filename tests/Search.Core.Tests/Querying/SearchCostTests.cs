using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

public sealed class SearchCostTests
{
    [Theory]
    [InlineData("وزير", 10, SearchCost.Light)]
    [InlineData(null, 10, SearchCost.Light)]
    [InlineData("متى افتتح متحف الفن الحديث في العاصمة؟", 10, SearchCost.Light)]
    [InlineData("\"كرة القدم\" -مصر", 10, SearchCost.Light)]
    [InlineData("وزير", 100, SearchCost.Heavy)]
    [InlineData("اتصا*", 10, SearchCost.Heavy)]
    [InlineData("-أ -ب -ج -د وزير", 10, SearchCost.Heavy)]
    [InlineData("\"أ ب\" \"ج د\" \"هـ و\"", 10, SearchCost.Heavy)]
    [InlineData("-مصر", 10, SearchCost.Heavy)] // exclusions alone: every other article
    [InlineData("-مصر -ليبيا", 10, SearchCost.Heavy)]
    public void Searches_are_light_unless_long_or_shaped_to_be_costly(string? query, int pageSize, SearchCost expected) =>
        Assert.Equal(expected, SearchCostEstimate.Of(query, pageSize));

    [Fact]
    public void More_words_than_a_headline_make_a_search_heavy()
    {
        Assert.Equal(SearchCost.Light, SearchCostEstimate.Of(string.Join(' ', Enumerable.Repeat("كلمة", SearchCostEstimate.HeavyWords)), 10));
        Assert.Equal(SearchCost.Heavy, SearchCostEstimate.Of(string.Join(' ', Enumerable.Repeat("كلمة", SearchCostEstimate.HeavyWords + 1)), 10));
    }

    [Theory]
    [InlineData("a/")]
    [InlineData("وزير،")]
    [InlineData("部")]
    public void Words_joined_by_punctuation_or_written_without_spaces_count_one_by_one(string piece)
    {
        Assert.Equal(SearchCost.Light, SearchCostEstimate.Of(string.Concat(Enumerable.Repeat(piece, SearchCostEstimate.HeavyWords)), 10));
        Assert.Equal(SearchCost.Heavy, SearchCostEstimate.Of(string.Concat(Enumerable.Repeat(piece, SearchCostEstimate.HeavyWords + 1)), 10));
    }

    [Theory]
    [InlineData("وَزِيرُ الاتّصالات", 2)]
    [InlineData("كلمة0 covid-19", 3)]
    [InlineData("الحكومة.وقال «الوزير»", 3)]
    [InlineData("!!! *** ـَ", 1)]
    [InlineData("部长 あい カタカナ", 5)]
    public void Query_words_are_counted_at_the_tokenizers_boundaries_marks_kept_within_a_word(string text, int expected) =>
        Assert.Equal(expected, QueryWords.Count(text));

    [Theory]
    [InlineData(20, 50, SearchCost.Light)]
    [InlineData(21, 50, SearchCost.Heavy)]
    [InlineData(100, 10, SearchCost.Light)]
    [InlineData(101, 10, SearchCost.Heavy)]
    [InlineData(int.MaxValue, 50, SearchCost.Heavy)]
    public void A_page_ending_past_the_thousandth_hit_makes_a_search_heavy(int page, int pageSize, SearchCost expected) =>
        Assert.Equal(expected, SearchCostEstimate.Of("وزير", pageSize, page));
}
