using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>
/// Queries as newsroom readers type them find what the same words in another spelling or another typing habit find:
/// a hamza on another seat, words run against punctuation without a space, a stray markup tag.
/// </summary>
public sealed class ReaderSpellingTests : IDisposable
{
    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article("official-1", "تصريح مسؤول في الصحة", "قال مسؤول في دائرة الصحة إن الخطة جاهزة."),
        TestCorpus.Article("official-2", "المسئولون يجتمعون", "اجتمع المسئولين في القاهرة لبحث شئون الموازنة."),
        TestCorpus.Article("affairs-1", "شؤون المغتربين", "ناقش المجلس شؤون المغتربين في الخارج."),
        TestCorpus.Article("beach-1", "شاطىء المدينة", "افتتحت البلدية شاطىء المدينة للسباحة."),
        TestCorpus.Article("beach-2", "نظافة الشاطئ", "حملة لتنظيف الشاطئ من النفايات."),
        TestCorpus.Article("government-1", "الحكومة تقر الميزانية", "أقرت الحكومة الميزانية العامة للدولة."),
        TestCorpus.Article("ministry-1", "الوزارة تعلن خطة", "أعلنت الوزارة خطة جديدة للنقل."),
        TestCorpus.Article("weather-1", "طقس حار", "درجات الحرارة مرتفعة اليوم."),
    ];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    private List<string> Ids(string query) =>
        [.. _index.Search(new SearchRequest(query, PageSize: 20) { CollapseDuplicates = false }).Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("مسؤول")]
    [InlineData("مسئول")]
    [InlineData("المسؤولين")]
    [InlineData("المسئولون")]
    public void A_hamza_on_either_seat_finds_both_spellings(string query)
    {
        Assert.Equal(["official-1", "official-2"], Ids(query));
    }

    [Theory]
    [InlineData("شؤون")]
    [InlineData("شئون")]
    public void Affairs_spelt_with_either_seat_meet(string query)
    {
        Assert.Equal(["affairs-1", "official-2"], Ids(query));
    }

    [Theory]
    [InlineData("شاطئ")]
    [InlineData("شاطىء")]
    public void The_older_dotless_yeh_seat_meets_the_modern_spelling(string query)
    {
        Assert.Equal(["beach-1", "beach-2"], Ids(query));
    }

    [Theory]
    [InlineData("الحكومة،الوزارة")]
    [InlineData("الحكومة,الوزارة")]
    [InlineData("الحكومة/الوزارة")]
    [InlineData("الحكومة(الوزارة)")]
    public void Words_typed_against_punctuation_without_a_space_count_one_by_one(string query)
    {
        Assert.Equal(["government-1", "ministry-1"], Ids(query));
    }

    [Theory]
    [InlineData("<b>الحكومة</b>")]
    [InlineData("الحكومة<br>")]
    public void A_stray_markup_tag_does_not_hide_the_word_it_wraps(string query)
    {
        Assert.Equal(["government-1"], Ids(query));
    }

    [Fact]
    public void A_stray_markup_tag_ranks_the_word_it_wraps_as_the_word_alone()
    {
        // A tag's name, as a word, is rare: "b" outranked the word it wrapped.
        using var index = TestCorpus.InMemoryIndexOf(
        [
            TestCorpus.Article("government", "الحكومة تقر الميزانية", "أقرت الحكومة الميزانية العامة للدولة."),
            TestCorpus.Article("plan-b", "الخطة b", "خطة بديلة تسمى الخطة b أعلنتها الحكومة في بيان قصير عن الحكومة وعن الميزانية العامة."),
            TestCorpus.Article("weather", "طقس", "طقس حار."),
        ]);

        Assert.Equal(
            index.Search(new SearchRequest("الحكومة") { CollapseDuplicates = false }).Hits.Select(hit => hit.Id),
            index.Search(new SearchRequest("<b>الحكومة</b>") { CollapseDuplicates = false }).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void Pieces_standing_together_still_rank_first()
    {
        using var index = TestCorpus.InMemoryIndexOf(
        [
            TestCorpus.Article("apart", "تقرير", "الحكومة أقرت الخطة، ثم رحبت الوزارة بالقرار."),
            TestCorpus.Article("together", "تقرير", "بيان مشترك من الحكومة الوزارة صدر اليوم."),
        ]);

        var hits = index.Search(new SearchRequest("الحكومة/الوزارة") { CollapseDuplicates = false }).Hits;
        Assert.Equal(["together", "apart"], hits.Select(hit => hit.Id));
    }

    [Fact]
    public void A_required_or_excluded_split_word_still_means_its_pieces_together()
    {
        Assert.Empty(Ids("+الحكومة/الوزارة"));
        Assert.Equal(["government-1", "ministry-1"], Ids("الحكومة الوزارة -الحكومة/الوزارة"));
    }
}
