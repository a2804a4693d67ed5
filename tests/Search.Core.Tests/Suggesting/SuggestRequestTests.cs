using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Suggesting;

namespace Search.Core.Tests.Suggesting;

/// <summary>The limits of a suggestion request, and the engine refusing one that breaks them.</summary>
public sealed class SuggestRequestTests
{
    public static TheoryData<string, int, string> InvalidRequests => new()
    {
        { "", 8, "q" },
        { "   \t", 8, "q" },
        { new string('ق', 101), 8, "q" },
        { string.Concat(Enumerable.Repeat("ب\u064E\u0651\u064F\u0652\u0650", 100)), 8, "q" },
        { "الاتصا", 0, "size" },
        { "الاتصا", 21, "size" },
        { "الاتصا", -1, "size" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void A_request_past_a_limit_names_the_parameter(string query, int size, string parameter)
    {
        var errors = new SuggestRequest(query, size).Validate();

        Assert.Equal([parameter], errors.Keys);
    }

    [Theory]
    [InlineData("ق", 1)]
    [InlineData("  الاتصا  ", 20)]
    public void Requests_within_the_limits_are_valid(string query, int size)
    {
        Assert.Empty(new SuggestRequest(query, size).Validate());
    }

    [Fact]
    public void A_hundred_letters_with_their_vowel_marks_count_as_a_hundred_characters()
    {
        Assert.Empty(new SuggestRequest(string.Concat(Enumerable.Repeat("بَ", 100))).Validate());
    }

    [Fact]
    public void The_engine_refuses_an_invalid_request_with_the_errors()
    {
        using var index = NewsIndex.InMemory();

        var refused = Assert.Throws<InvalidSearchRequestException>(() => index.Suggest(new SuggestRequest(" ", 0)));

        Assert.Equal(["q", "size"], refused.Errors.Keys.Order());
    }
}
