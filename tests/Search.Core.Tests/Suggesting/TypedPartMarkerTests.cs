using Search.Core.Suggesting;

namespace Search.Core.Tests.Suggesting;

/// <summary>The typed part of a suggestion is found in its written text by folding, and marked whole letters at a time.</summary>
public sealed class TypedPartMarkerTests
{
    [Theory]
    [InlineData("الإتصالات", 6, "<mark>الإتصا</mark>لات")]
    [InlineData("الاتّصالات", 4, "<mark>الاتّ</mark>صالات")]
    [InlineData("الاتـــصالات", 4, "<mark>الاتـــ</mark>صالات")]
    [InlineData("مستشفى الجامعة", 9, "<mark>مستشفى ال</mark>جامعة")]
    [InlineData("مستشفى الجامعة", 7, "<mark>مستشفى</mark> الجامعة")]
    [InlineData("قمة: \"الرياض\"", 6, "<mark>قمة: &quot;ال</mark>رياض&quot;")]
    [InlineData("«كأس» العالم", 3, "«<mark>كأس</mark>» العالم")]
    [InlineData("الاتصالات", 9, "<mark>الاتصالات</mark>")]
    [InlineData("الاتصالات", 0, "الاتصالات")]
    [InlineData("a < b & c", 3, "<mark>a &lt; b</mark> &amp; c")]
    public void The_mark_covers_the_written_letters_that_fold_to_what_was_typed(string text, int typedFoldedLength, string expected)
    {
        Assert.Equal(expected, TypedPartMarker.Mark("", text, typedFoldedLength));
    }

    [Fact]
    public void Text_before_the_completion_is_escaped_and_never_marked()
    {
        Assert.Equal("&quot;أسعار&quot; <mark>الاتصا</mark>لات", TypedPartMarker.Mark("\"أسعار\" ", "الاتصالات", 6));
    }
}
