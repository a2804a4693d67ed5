using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

public sealed class QuestionFormTests
{
    [Theory]
    [InlineData("متى افتتح المتحف الوطني؟")]
    [InlineData("ما هي عاصمة الإقليم")]
    [InlineData("أين يقع المتحف")]
    [InlineData("كم عدد سكان المدينة")]
    [InlineData("هل تنجح الخطة?")]
    [InlineData("\u200Fما اسم المدرب")]
    [InlineData("  لماذا ارتفعت الأسعار  ")]
    [InlineData("مالذي يسببه العقاب البدني")] // ما and الذي typed as one word
    [InlineData("\"من فاز بالكأس؟\"")]
    public void A_question_mark_or_an_opening_interrogative_makes_a_question(string query)
    {
        Assert.True(QuestionForm.IsQuestion(query));
        Assert.True(UserQueryParser.Parse(query).IsQuestion);
    }

    [Theory]
    [InlineData("من أجل ترامب.. كيم يشكر الصين")] // من opens headlines as often as questions
    [InlineData("وزير الصحة يفتتح المستشفى")]
    [InlineData("ماراثون المدينة")] // starts with ما, but is one word
    [InlineData("اقتصا*")]
    [InlineData("")]
    [InlineData("   ")]
    public void Keywords_and_headlines_are_not_questions(string query)
    {
        Assert.False(QuestionForm.IsQuestion(query));
        Assert.False(UserQueryParser.Parse(query).IsQuestion);
    }

    [Fact]
    public void A_question_ranks_the_article_where_its_words_stand_together_first_and_keywords_do_not()
    {
        // The same words, title and length: only the distance between مكتبة and الجامعة differs.
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("a-apart", "خبر ثقافي", "مكتبة في المدينة القديمة افتتحت أبوابها للطلاب بعد ترميم مبنى الجامعة"),
            TestCorpus.Article("b-together", "خبر ثقافي", "في المدينة القديمة افتتحت مكتبة الجامعة أبوابها للطلاب بعد ترميم مبنى"));
        List<string> Ids(string query) =>
            [.. index.Search(new SearchRequest(query) { CollapseDuplicates = false }).Hits.Select(hit => hit.Id)];

        Assert.Equal(["b-together", "a-apart"], Ids("متى افتتحت مكتبة الجامعة؟"));
        Assert.Equal(["a-apart", "b-together"], Ids("مكتبة الجامعة")); // a tie, broken by id
    }
}
