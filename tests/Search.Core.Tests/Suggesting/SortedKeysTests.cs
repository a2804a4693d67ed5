using Search.Core.Suggesting;

namespace Search.Core.Tests.Suggesting;

/// <summary>Prefix ranges and exact lookups over sorted packed keys.</summary>
public sealed class SortedKeysTests
{
    private static readonly string[] Keys = ["اب", "ابن", "ابن", "ابناء", "اتصال", "الاتصالات", "الاتصالات السعوديه", "ب"];

    private readonly SortedKeys _keys = new(StringPool.Pack(Keys.Length, i => Keys[i]));

    [Theory]
    [InlineData("اب", 0, 4)]
    [InlineData("ابن", 1, 4)]
    [InlineData("ابنا", 3, 4)]
    [InlineData("الاتصالات", 5, 7)]
    [InlineData("الاتصالات ", 6, 7)]
    [InlineData("", 0, 8)]
    [InlineData("ت", 8, 8)]
    [InlineData("آ", 0, 0)]
    [InlineData("بب", 8, 8)]
    public void A_prefix_range_holds_exactly_the_keys_that_start_with_the_prefix(string prefix, int start, int end)
    {
        Assert.Equal((start, end), _keys.PrefixRange(prefix));
        for (var i = 0; i < Keys.Length; i++)
        {
            Assert.Equal(i >= start && i < end, Keys[i].StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ابن", 1)]
    [InlineData("ب", 7)]
    [InlineData("اتص", -1)]
    [InlineData("بب", -1)]
    public void IndexOf_finds_the_first_of_equal_keys_or_none(string key, int expected)
    {
        Assert.Equal(expected, _keys.IndexOf(key));
    }
}
