using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Ranking;

/// <summary>
/// A query with a typing slip still finds what the query without it finds: a word the index does not know matches its
/// likeliest corrections, two words run together match both, and an excluded or known word is never widened.
/// </summary>
public sealed class SlipToleranceTests : IDisposable
{
    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(
        TestCorpus.Article("study", "معدلات الانتحار في ارتفاع", "كشفت دراسة أن معدلات الانتحار ارتفعت في المدن الكبرى."),
        TestCorpus.Article("visit", "نتانياهو يزور واشنطن", "وصل نتانياهو إلى واشنطن في زيارة رسمية."),
        TestCorpus.Article("budget", "الحكومة تعلن الميزانية", "أعلنت الحكومة ميزانية العام المقبل."),
        TestCorpus.Article("extremism", "مكافحة التطرف في المدارس", "برنامج جديد لمكافحة التطرف بين الطلاب."),
        TestCorpus.Article("sides", "اتفاق بين الطرف الأول والطرف الثاني", "وقع الطرف الأول العقد مع الطرف الثاني."),
        TestCorpus.Article("sides-2", "الطرف الآخر يرفض", "رفض الطرف الآخر العرض."));

    public void Dispose() => _index.Dispose();

    private static List<string> Ids(NewsIndex index, string query) =>
        [.. index.Search(new SearchRequest(query, PageSize: 20) { CollapseDuplicates = false }).Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("معدلاتالانتحار", "study")] // two words run together
    [InlineData("تانياهو", "visit")] // the first letter dropped
    [InlineData("نتانياهوو", "visit")] // a letter doubled
    [InlineData("نتانيهاو", "visit")] // two letters swapped
    [InlineData("الحكونة", "budget")] // م replaced by its keyboard neighbour ن
    [InlineData("الميزانيه", "budget")] // ة typed as ه: the index folds them, so this is no slip at all
    public void A_slipped_word_finds_the_story_of_the_word_meant(string query, string expected)
    {
        Assert.Contains(expected, Ids(_index, query));
    }

    [Fact]
    public void Words_run_together_are_highlighted_as_the_two_words()
    {
        var hit = Assert.Single(_index.Search(new SearchRequest("معدلاتالانتحار")).Hits);

        Assert.Equal("<mark>معدلات</mark> <mark>الانتحار</mark> في ارتفاع", hit.Highlights.Title);
    }

    [Fact]
    public void A_slip_matches_more_than_its_single_likeliest_correction()
    {
        // اتلطرف is one edit from الطرف (in two articles) and from التطرف (in one): the less common one, which the other
        // words of a query may point to, is matched too.
        Assert.Equal(["extremism", "sides", "sides-2"], Ids(_index, "اتلطرف"));
        Assert.Equal("extremism", _index.Search(new SearchRequest("مكافحة اتلطرف المدارس")).Hits[0].Id);
    }

    [Fact]
    public void An_excluded_slip_is_not_widened()
    {
        // -الحكوومة excludes what holds الحكوومة (nothing), not what holds الحكومة.
        Assert.Contains("budget", Ids(_index, "الميزانية -الحكوومة"));
    }

    [Fact]
    public void An_unseen_form_of_a_stem_a_typo_put_in_the_index_also_matches_the_far_more_common_word()
    {
        // One article misspells الغوطة as الغوطت, so the stem غوطت is known; الغوطت typed is then no unknown word, yet a
        // form one edit away is ten times as common.
        var articles = Enumerable.Range(0, 10)
            .Select(i => TestCorpus.Article($"ghouta-{i}", $"تقرير رقم {i} من الغوطة", "قصف على الغوطة الشرقية."))
            .Append(TestCorpus.Article("typo", "خبر قصير", "وصل الوفد إلى غوطت."))
            .ToArray();
        using var index = TestCorpus.InMemoryIndexOf(articles);

        var found = Ids(index, "الغوطت");

        Assert.Contains("typo", found);
        Assert.Contains("ghouta-0", found);
        Assert.Equal(11, found.Count);
    }

    [Theory]
    [InlineData("الم غرب", "morocco-")] // الم is a word, but one a hundred times rarer than المغرب
    [InlineData("بري ة", "border")] // a letter alone (ة) is no word
    public void A_word_typed_with_a_space_inside_is_searched_as_the_word(string query, string expected)
    {
        using var index = TestCorpus.SplitWordIndex();

        Assert.StartsWith(expected, index.Search(new SearchRequest(query)).Hits[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_words_each_as_common_as_their_joined_form_stay_two_words()
    {
        using var index = TestCorpus.SplitWordIndex();

        Assert.Contains("apart", Ids(index, "أبو ظبي"));
        Assert.Contains("west", Ids(index, "رياح غرب"));
    }

    [Fact]
    public void A_word_typed_with_the_keyboard_on_the_latin_layout_finds_the_story_of_the_arabic_word()
    {
        // hgld.hkdm is الميزانية typed on the US layout.
        Assert.Equal("budget", _index.Search(new SearchRequest("hgld.hkdm")).Hits[0].Id);
        Assert.Equal("budget", _index.Search(new SearchRequest("hgp;,lm تعلن")).Hits[0].Id);
    }

    [Fact]
    public void A_latin_word_the_articles_use_is_searched_as_typed()
    {
        // fifa on the Arabic layout is بهبش; an index holding fifa itself means the Latin word.
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("fifa", "fifa تعلن القرار", "أعلن الاتحاد fifa قراره."),
            TestCorpus.Article("nonsense", "بهبش", "بهبش."));

        Assert.Equal(["fifa"], Ids(index, "fifa"));
    }

    [Theory]
    [InlineData("والحكومة")] // و no article put on it
    [InlineData("الحكومة")] // the word as written: the same story first
    public void A_word_with_a_proclitic_no_article_put_on_it_earns_the_exact_form_bonus_of_the_word_without_it(string query)
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("plural", "حكومات حكومات جديدة", "حكومات المنطقة."),
            TestCorpus.Article("exact", "الحكومة تقرر", "قرار جديد."));

        Assert.Equal("exact", index.Search(new SearchRequest(query)).Hits[0].Id);
    }

    [Fact]
    public void A_two_letter_word_no_article_holds_matches_the_three_letter_words_it_may_have_lost_a_letter_from()
    {
        // قع is تقع with its first letter dropped; مع, a word, is left as typed.
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("location", "تقع المدينة على النهر", "وصف."),
            TestCorpus.Article("other", "المدينة المدينة", "وصف."));

        Assert.Equal("location", index.Search(new SearchRequest("قع المدينة")).Hits[0].Id);
        Assert.Null(index.Search(new SearchRequest("قع المدينة")).DidYouMean);
    }
}
