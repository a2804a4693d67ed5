using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>Quoted phrases inside longer queries: a bonus for the phrase, and each word still counts as typed.</summary>
public sealed class QuotedPhraseTests
{
    [Fact]
    public void A_phrase_in_a_longer_query_still_finds_articles_that_word_it_differently()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("apart", "جولة ميدانية", "افتتح الوزير اليوم المعرض ثم زار الجديد من المصانع."),
            TestCorpus.Article("other", "أخبار الطقس", "أمطار غزيرة على المدن الساحلية."));

        var results = index.Search(new SearchRequest("\"الوزير الجديد\" المعرض"));

        Assert.Equal(["apart"], results.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void A_word_of_a_phrase_earns_the_exact_form_bonus_for_the_form_typed_not_its_stem()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("stem-only", "جولة ميدانية", "استقبل وزير الوفد في مكتبه."),
            TestCorpus.Article("exact-form", "جولة ميدانية", "استقبل الوزير الوفد في مكتبه."));

        // Neither article holds the phrase; both hold the stem وزير, only one the form typed, الوزير.
        var results = index.Search(new SearchRequest("\"الوزير الجديد\" زيارة") { CollapseDuplicates = false });

        Assert.Equal(["exact-form", "stem-only"], results.Hits.Select(hit => hit.Id));
    }
}
