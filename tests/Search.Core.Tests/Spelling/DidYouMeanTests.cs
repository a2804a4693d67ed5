using Search.Core.Querying;

namespace Search.Core.Tests.Spelling;

/// <summary>
/// The <see cref="SearchResults.DidYouMean"/> of a search: the whole query with its slipped words corrected as the
/// articles write them, everything else as typed; none for a correctly spelt query.
/// </summary>
public sealed class DidYouMeanTests : IDisposable
{
    private readonly Search.Core.Indexing.NewsIndex _index = TestCorpus.InMemoryIndexOf(
        TestCorpus.Article("budget", "الحكومة تعلن الميزانية الجديدة", "أعلنت الحكومة اليوم ميزانية العام المقبل."),
        TestCorpus.Article("health", "وزارة الصحة تطلق حملة التطعيم", "أطلقت وزارة الصحة حملة تطعيم في المدارس."),
        TestCorpus.Article("study", "معدلات الانتحار في ارتفاع", "كشفت دراسة أن معدلات الانتحار ارتفعت في المدن الكبرى."),
        TestCorpus.Article("resign", "مسؤول في الوزارة يستقيل", "استقال مسؤول بارز في الوزارة بعد خلاف."),
        TestCorpus.Article("museum", "افتتاح المتحف في القاهرة", "افتتح المتحف الكبير في القاهرة أمام الزوار."),
        TestCorpus.Article("talent", "برنامج يكتشف موهبته", "شاب يكتشف موهبته في الغناء."));

    public void Dispose() => _index.Dispose();

    private string? DidYouMean(string query) => _index.Search(new SearchRequest(query)).DidYouMean;

    [Theory]
    [InlineData("الحكومة الميزانية")]
    [InlineData("وزارة الصحة")]
    [InlineData("مسؤول يستقيل")]
    [InlineData("\"معدلات الانتحار\"")]
    [InlineData("المتحف -القاهرة")]
    [InlineData("الحكومة -الحكوومة")] // an excluded slip is the user's business
    [InlineData("الحكوو*")] // so is a prefix
    [InlineData("تكتشف موهبتك")] // forms no article used, one inflection from موهبته and يكتشف: not slips
    [InlineData("الموهبة برتقال")] // a word with nothing close in the index
    public void A_correctly_spelt_query_gets_no_suggestion(string query)
    {
        Assert.Null(DidYouMean(query));
    }

    [Theory]
    [InlineData("الحكوومة الجديدة", "الحكومة الجديدة")] // written with ة, as the articles do, though the index folds it
    [InlineData("اعللنت الحكومة", "أعلنت الحكومة")] // and with its hamza
    [InlineData("مسوول في الوزارة", "مسؤول في الوزارة")]
    [InlineData("الحُكوومة", "الحكومة")] // vowel marks typed go with the slip
    [InlineData("معدلاتالانتحار", "معدلات الانتحار")] // two words run together
    [InlineData("المتحف فيالقاهرة", "المتحف في القاهرة")] // a stop word run into the next: kept as typed
    [InlineData("وزا رة الصحة", "وزارة الصحة")] // one word split in two
    [InlineData("hgld.hkdm hg[]d]m", "الميزانية الجديدة")] // typed with the keyboard on the Latin layout
    public void A_slipped_word_is_corrected_as_the_articles_write_it(string query, string expected)
    {
        Assert.Equal(expected, DidYouMean(query));
    }

    [Fact]
    public void Operators_quotes_and_other_words_stay_as_typed()
    {
        Assert.Equal("+الحكومة  -الميزانية \"وزارة الصحة\" حملة", DidYouMean("+الحكوومة  -الميزانية \"وزارة الصحة\" حملة"));
        Assert.Equal("\"حملة التطعيم\" الحكومة،", DidYouMean("\"حملة التطعيمم\" الحكومة،"));
        Assert.Equal("+الحكومة -الميزانية \"حملة التطعيم\"", DidYouMean("+الحكوومة -الميزانية \"حملة التطعيمم\""));
    }

    [Fact]
    public void A_corrected_query_finds_what_the_slipped_one_missed_and_needs_no_correction()
    {
        var corrected = DidYouMean("معدلاتالانتحار");

        var results = _index.Search(new SearchRequest(corrected));
        Assert.Equal("study", results.Hits[0].Id);
        Assert.Null(results.DidYouMean);
    }

    [Fact]
    public void A_rare_word_is_corrected_only_when_the_query_finds_little_and_a_far_more_common_spelling_exists()
    {
        var articles = Enumerable.Range(0, 100)
            .Select(i => TestCorpus.Article($"election-{i}", "الانتخابات البرلمانية", $"جرت الانتخابات في الدائرة رقم {i}."))
            .Append(TestCorpus.Article("slip", "الانتخاباث", "خطأ مطبعي في عنوان."))
            .Append(TestCorpus.Article("rare", "سلاح", "سلاح قديم."))
            .Append(TestCorpus.Article("common", "سلام", "سلام دائم."))
            .ToArray();
        using var index = TestCorpus.InMemoryIndexOf(articles);

        // One article holds the slip: the spelling a hundred articles use is suggested.
        Assert.Equal("الانتخابات", index.Search(new SearchRequest("الانتخاباث")).DidYouMean);

        // سلاح is as rare, but its neighbour سلام is not a hundred times more common: a real word, left alone.
        Assert.Null(index.Search(new SearchRequest("سلاح")).DidYouMean);

        // A query finding much is not second-guessed for its rare word.
        Assert.Null(index.Search(new SearchRequest("الانتخابات الانتخاباث")).DidYouMean);
    }

    [Theory]
    [InlineData("و29")] // "and 29": و25 is one letter away, but it is another number
    [InlineData("لـ28")] // ١٢٨ is one digit away
    [InlineData("الميزانية و29")]
    public void A_number_typed_is_never_corrected_into_another(string query)
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("rates", "أسعار الفائدة", "ارتفعت الأسعار بين 15 و25 بالمئة هذا العام."),
            TestCorpus.Article("seats", "جلسة البرلمان", "حضرها ٨٤ نائبا من أصل ١٢٨ في الجلسة."),
            TestCorpus.Article("budget", "الميزانية الجديدة", "أعلنت الحكومة الميزانية."));

        var results = index.Search(new SearchRequest(query));

        Assert.DoesNotContain(results.Hits, hit => hit.Id is "rates" or "seats");
        Assert.Null(results.DidYouMean);
    }

    [Theory]
    [InlineData("الم غرب", "المغرب")] // الم is a word, a hundred times rarer than المغرب
    [InlineData("حدود بري ة", "حدود برية")] // a letter alone is no word
    [InlineData("أبو ظبي", null)] // two words as common as the one they make
    public void One_word_split_around_a_rare_word_or_a_lone_letter_is_joined(string query, string? expected)
    {
        using var index = TestCorpus.SplitWordIndex();

        Assert.Equal(expected, index.Search(new SearchRequest(query)).DidYouMean);
    }
}
