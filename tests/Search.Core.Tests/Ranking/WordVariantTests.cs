using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>
/// Forms a query word meets beyond its stem when the index vouches for them: a present-tense verb meets its past forms,
/// a word meets itself behind a proclitic; a noun that merely starts with the same letter does not.
/// </summary>
public sealed class WordVariantTests : IDisposable
{
    private static readonly NewsArticle[] Corpus =
    [
        TestCorpus.Article("announce-1", "الحكومة تنشر ميزانية العام", "أعلن وزير المالية أرقام الميزانية الجديدة أمام البرلمان."),
        TestCorpus.Article("announce-2", "مجلس المدينة يناقش النقل", "أعلن المجلس خطة للنقل العام وأعلن موعد التنفيذ."),
        TestCorpus.Article("announce-3", "اتحاد الكرة والموسم المقبل", "أعلن الاتحاد مواعيد الموسم المقبل للدوري."),
        TestCorpus.Article("thanks-1", "رسالة من الرئيس", "شكر الرئيس المتطوعين على جهودهم في الإغاثة."),
        TestCorpus.Article("thanks-2", "حفل للمتطوعين", "شكر المحافظ فرق الدفاع المدني."),
        TestCorpus.Article("reveal-1", "دراسة عن النوم", "كشفت دراسة حديثة أن النوم المبكر يحسن الذاكرة."),
        TestCorpus.Article("reveal-2", "تقرير عن المياه", "كشفت الهيئة عن نقص في مخزون المياه."),
        TestCorpus.Article("statement-1", "تصريح الوزير", "أدلى الوزير بتصريح عن الأسعار، وقال تصريح آخر للمتحدث إن الأمر قيد الدرس."),
        TestCorpus.Article("statement-2", "تصريح جديد", "صدر تصريح رسمي عن الوزارة."),
        TestCorpus.Article("plain-1", "كلام صريح", "قال المدرب كلاما صريحا للاعبين."),
    ];

    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(Corpus);

    public void Dispose() => _index.Dispose();

    private static List<string> Ids(NewsIndex index, string query) =>
        [.. index.Search(new SearchRequest(query, PageSize: 20) { CollapseDuplicates = false }).Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("يعلن", new[] { "announce-1", "announce-2", "announce-3" })] // أعلن
    [InlineData("يشكر", new[] { "thanks-1", "thanks-2" })] // شكر
    [InlineData("تكشف", new[] { "reveal-1", "reveal-2" })] // كشفت
    public void A_present_tense_verb_finds_stories_that_tell_it_in_the_past(string query, string[] expected)
    {
        Assert.Equal(expected, Ids(_index, query));
    }

    [Fact]
    public void A_noun_starting_with_a_present_tense_letter_does_not_meet_its_rarer_remainder()
    {
        // صريح is rarer here than تصريح, so تصريح stays itself.
        Assert.Equal(["statement-1", "statement-2"], Ids(_index, "تصريح"));
    }

    [Fact]
    public void Without_verb_variants_a_present_tense_verb_finds_only_itself()
    {
        // Corrections off too: يعلن, unknown without its past forms, is one edit from أعلن.
        using var index = TestCorpus.InMemoryIndexOf(new RankingOptions { VerbVariants = false, CorrectUnknownWords = false }, Corpus);

        Assert.Empty(Ids(index, "يعلن"));
        Assert.Equal(["announce-1", "announce-2", "announce-3"], Ids(index, "أعلن"));
    }

    private static readonly NewsArticle[] Duals =
    [
        TestCorpus.Article("sides-1", "الطرفان يتفقان", "اتفق الطرفان على هدنة."),
        TestCorpus.Article("sides-2", "وساطة", "دعا الوسيط الطرفين إلى الحوار."),
        TestCorpus.Article("side-3", "رفض", "رفض الطرف الآخر المقترح."),
        TestCorpus.Article("cities-1", "توأمة", "وقعت مدينتان اتفاقية توأمة."),
        TestCorpus.Article("cities-2", "زيارة", "زار الوفد المدينتين."),
        TestCorpus.Article("city-3", "المدينة القديمة", "ترميم أسوار المدينة."),
        TestCorpus.Article("name-1", "استقبال", "استقبل سلمان الوفد."),
        TestCorpus.Article("peace-1", "السلم الأهلي", "دعوة إلى السلم."),
        TestCorpus.Article("peace-2", "الرواتب", "سلم جديد للرواتب."),
        TestCorpus.Article("turn-1", "دوران الأرض", "دوران الأرض حول الشمس."),
        TestCorpus.Article("turn-2", "الدوران", "سرعة الدوران ثابتة."),
        TestCorpus.Article("turn-3", "عجلة", "تتوقف العجلة عن الدوران ليلا."),
        TestCorpus.Article("roles-1", "مسرح", "لعب الممثل دورين في المسرحية."),
        TestCorpus.Article("role-2", "دور", "دور الشباب في المجتمع."),
        TestCorpus.Article("role-3", "دور", "دور المرأة في السياسة."),
        TestCorpus.Article("role-4", "دور", "دور المدرسة والأسرة."),
    ];

    [Theory]
    [InlineData("الطرفان", new[] { "side-3", "sides-1", "sides-2" })]
    [InlineData("مدينتان", new[] { "cities-1", "cities-2", "city-3" })]
    public void A_dual_finds_its_singular_and_its_other_case(string query, string[] expected)
    {
        using var index = TestCorpus.InMemoryIndexOf(Duals);
        Assert.Equal(expected, Ids(index, query));
    }

    [Fact]
    public void A_word_merely_ending_in_the_dual_letters_keeps_to_itself()
    {
        // سلم is as common as سلمان, but no سلمين says سلمان is a dual.
        using var index = TestCorpus.InMemoryIndexOf(Duals);
        Assert.Equal(["name-1"], Ids(index, "سلمان"));

        // دور is commoner than دوران and دورين exists, but far rarer than دوران: دوران is no dual of دور.
        Assert.Equal(["turn-1", "turn-2", "turn-3"], Ids(index, "دوران"));
    }

    [Fact]
    public void Without_dual_variants_a_dual_finds_only_itself()
    {
        using var index = TestCorpus.InMemoryIndexOf(new RankingOptions { DualVariants = false, CorrectUnknownWords = false }, Duals);
        Assert.Equal(["sides-1"], Ids(index, "الطرفان"));
    }

    private static readonly NewsArticle[] AlifEndings =
    [
        TestCorpus.Article("member-1", "انتخابات المجلس", "انتخب عضوا في المجلس البلدي."),
        TestCorpus.Article("member-2", "استقالة", "قدم العضو استقالته."),
        TestCorpus.Article("member-3", "البرلمان", "تحدث عضو البرلمان عن الميزانية."),
        TestCorpus.Article("syria-1", "زيارة", "زار الوفد سوريا أمس."),
        TestCorpus.Article("syria-2", "الحكومة", "أعلنت الحكومة السورية خطة جديدة."),
        TestCorpus.Article("syria-3", "الحدود", "الحدود بين سورية والعراق."),
        TestCorpus.Article("canada-1", "الهجرة", "استقبلت كندا مهاجرين جددا."),
        TestCorpus.Article("canada-2", "الثلوج", "تساقطت الثلوج في كندا."),
    ];

    [Theory]
    [InlineData("عضوا", new[] { "member-1", "member-2", "member-3" })] // the accusative meets عضو
    [InlineData("سوريا", new[] { "syria-1", "syria-2", "syria-3" })] // meets سورية and السورية (stem سوري)
    [InlineData("كندا", new[] { "canada-1", "canada-2" })] // no كند: the ا is its own
    public void A_word_ending_in_alif_meets_the_word_without_it_when_the_index_vouches_for_it(string query, string[] expected)
    {
        using var index = TestCorpus.InMemoryIndexOf(AlifEndings);
        Assert.Equal(expected, Ids(index, query));
    }

    [Fact]
    public void Without_alif_ending_variants_a_word_ending_in_alif_finds_only_itself()
    {
        using var index = TestCorpus.InMemoryIndexOf(new RankingOptions { AlifEndingVariants = false, CorrectUnknownWords = false }, AlifEndings);
        Assert.Equal(["member-1"], Ids(index, "عضوا"));
        Assert.Equal(["syria-1"], Ids(index, "سوريا"));
    }

    [Fact]
    public void A_word_the_index_has_never_seen_matches_words_one_edit_away()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("emperor", "تاريخ أسرة يوان", "حكم الإمبراطور جيجين خان لمدة عامين فقط."),
            TestCorpus.Article("other", "تاريخ الصين", "حكم الإمبراطور قوبلاي خان الصين."));

        Assert.Equal(["emperor"], Ids(index, "جيجن")); // جيجين (stem جيج), one letter off
        Assert.Equal(["other"], Ids(index, "قبلاي")); // قوبلاي, one letter short

        // The word found is highlighted, as any other match.
        var hit = Assert.Single(index.Search(new SearchRequest("جيجن")).Hits);
        Assert.Contains("<mark>جيجين</mark>", Assert.Single(hit.Highlights.Snippets), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_the_index_knows_is_not_widened_to_its_neighbours()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("short", "زيارة", "وصل جبر إلى العاصمة."),
            TestCorpus.Article("long", "زيارة", "وصل جبير إلى العاصمة."));

        // Two names one letter apart; spellings of one name (بوتين / بوتن) are NameSpellingsTests' matter.
        Assert.Equal(["short"], Ids(index, "جبر"));
        Assert.Equal(["long"], Ids(index, "جبير"));
    }

    [Fact]
    public void Without_fuzzy_matching_an_unknown_word_finds_nothing()
    {
        using var index = NewsIndex.InMemory(new RankingOptions { CorrectUnknownWords = false });
        index.WaitFor(index.Upsert(TestCorpus.Article("emperor", "تاريخ أسرة يوان", "حكم الإمبراطور جيجين خان لمدة عامين فقط.")));

        Assert.Empty(Ids(index, "جيجن"));
    }
}
