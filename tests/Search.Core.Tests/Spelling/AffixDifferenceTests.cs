using Search.Core.Spelling;

namespace Search.Core.Tests.Spelling;

/// <summary>Differences that make another inflection of a word, which a "did you mean" must leave alone, against slips.</summary>
public sealed class AffixDifferenceTests
{
    [Theory]
    [InlineData("موهبتك", "موهبته")] // another pronoun
    [InlineData("سالحق", "الحق")] // the future س
    [InlineData("وساشتري", "وستشتري")] // first person / third person after و and س
    [InlineData("نكرهك", "تكرهك")] // another person of the present
    [InlineData("تهديدان", "تهديدات")] // dual / plural
    [InlineData("لغرابه", "للغرابه")] // with or without the article after ل
    [InlineData("تتصدع", "تصدع")] // a doubled first letter: a tense prefix
    [InlineData("وتتصارع", "وتصارع")] // and after و
    public void Another_inflection_is_only_affixes(string typed, string known)
    {
        Assert.True(AffixDifference.IsOnlyAffixes(typed, known));
    }

    [Theory]
    [InlineData("الحكوومه", "الحكومه")] // a letter doubled inside the word
    [InlineData("التطعيمم", "التطعيم")] // or at its end
    [InlineData("الحمومه", "الحكومه")] // a keyboard slip in the middle
    [InlineData("مسوول", "مسؤول")] // a hamza seat is no affix
    [InlineData("الانتخاباث", "الانتخابات")] // ث is no affix letter
    [InlineData("ذابح", "رابح")]
    public void A_slip_is_not_only_affixes(string typed, string known)
    {
        Assert.False(AffixDifference.IsOnlyAffixes(typed, known));
    }
}
