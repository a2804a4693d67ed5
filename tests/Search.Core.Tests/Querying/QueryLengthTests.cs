using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>The 1,000-character limit counts characters as a reader sees them, not UTF-16 code units.</summary>
public sealed class QueryLengthTests
{
    [Theory]
    [InlineData("\U0001D400", 1000)] // outside the BMP: two code units each
    [InlineData("😀", 1000)]
    [InlineData("👨‍👩‍👧", 363)] // a family emoji is one character of 8 code units: 363 of them fit in 4,000 units
    [InlineData("ﷺ", 1000)]
    [InlineData("بَّ", 1000)] // letter, shadda, fatha: one character, three code units
    [InlineData("ب", 1000)]
    public void A_query_of_at_most_1000_characters_and_4000_code_units_is_valid(string character, int count)
    {
        var request = new SearchRequest(string.Concat(Enumerable.Repeat(character, count)));

        Assert.Empty(request.Validate());
    }

    [Theory]
    [InlineData("\U0001D400", 1001, "it has 1001.")]
    [InlineData("ب", 1001, "it has 1001.")]
    [InlineData("بَّ", 1001, "it has 1001.")]
    [InlineData("👨‍👩‍👧", 501, "it has 4008 code units.")] // 501 characters, but 4,008 code units
    [InlineData("ب\u064E\u064E\u064E\u064E", 900, "it has 4500 code units.")] // marks piled on one letter
    public void A_longer_query_is_refused_under_q_with_its_length(string character, int count, string ending)
    {
        var errors = new SearchRequest(string.Concat(Enumerable.Repeat(character, count))).Validate();

        var message = Assert.Single(Assert.Single(errors, error => error.Key == "q").Value);
        Assert.EndsWith(ending, message, StringComparison.Ordinal);
    }
}
