using Search.Core.Spelling;

namespace Search.Core.Tests.Spelling;

/// <summary>Neighbours on the standard Arabic (101) keyboard, read off the keys.</summary>
public sealed class ArabicKeyboardTests
{
    [Theory]
    [InlineData('م', "نكخحوز")] // L: K ; O P , .
    [InlineData('ش', "سضصئ")] // A: S Q W Z
    [InlineData('ض', "صش")] // Q: W A
    [InlineData('ظ', "زكط")] // /: . ; '
    public void A_key_touches_its_row_neighbours_and_the_overlapping_keys_above_and_below(char letter, string expected)
    {
        Assert.Equal(expected.Order(), ArabicKeyboard.NeighboursOf(letter).Order());
    }

    [Fact]
    public void The_lam_alef_key_separates_ra_and_alef_maqsura()
    {
        Assert.False(ArabicKeyboard.AreNeighbours('ر', 'ى'));
        Assert.True(ArabicKeyboard.AreNeighbours('ر', 'ؤ'));
        Assert.Empty(ArabicKeyboard.NeighboursOf('x'));
        Assert.False(ArabicKeyboard.AreNeighbours('م', 'م'));
    }
}
