using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Highlighting;

public sealed partial class HighlightingTests
{
    private const int SnippetLength = 180;
    private const int MaxSnippets = 2;

    private static SearchHit OnlyHit(NewsIndex index, string query) => Assert.Single(index.Search(new SearchRequest(query)).Hits);

    private static string WithoutMarks(string html) => html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

    private static int CountMarks(IEnumerable<string> html) => html.Sum(text => MarkOpen().Count(text));

    [Fact]
    public void Title_highlight_marks_the_whole_surface_word_of_a_stem_match()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("a", "تعاون بين البريد والاتصالات في الخدمات الرقمية", "وقع الطرفان اتفاقا لتطوير الخدمات."));

        var hit = OnlyHit(index, "الاتصالات");

        Assert.Equal("تعاون بين البريد <mark>والاتصالات</mark> في الخدمات الرقمية", hit.Highlights.Title);
    }

    [Fact]
    public void Highlight_marks_diacritized_and_tatweel_words_whole()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("a", "تحسين الصِّحَّة العامّة في الـمـدن", "خطة لتحسين الخدمات الصحية في المدن الكبرى."));

        var hit = OnlyHit(index, "صحة المدن");

        Assert.Equal("تحسين <mark>الصِّحَّة</mark> العامّة في <mark>الـمـدن</mark>", hit.Highlights.Title);
    }

    [Fact]
    public void Highlights_escape_html_in_the_article_and_keep_Arabic_readable()
    {
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article(
            "x",
            "وزير الصحة يتفقد مستشفى <المدينة> & الريف",
            "تفقد وزير الصحة أقسام المستشفى <script>alert(1)</script> وقال إن الخدمات & الأدوية متوفرة للمرضى."));

        var hit = OnlyHit(index, "المستشفى");

        Assert.Equal("وزير الصحة يتفقد <mark>مستشفى</mark> &lt;المدينة&gt; &amp; الريف", hit.Highlights.Title);
        var snippet = Assert.Single(hit.Highlights.Snippets);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("الخدمات &amp; الأدوية", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>المستشفى</mark>", snippet, StringComparison.Ordinal);
        foreach (var html in hit.Highlights.Snippets.Append(hit.Highlights.Title))
        {
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
            Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<", WithoutMarks(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_hit_matched_only_in_the_title_still_shows_the_opening_escaped()
    {
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article(
            "x", "قمة المناخ تختتم أعمالها", "اختتمت <b>القمة</b> أعمالها ببيان ختامي & توصيات."));

        var hit = OnlyHit(index, "المناخ");

        var snippet = Assert.Single(hit.Highlights.Snippets);
        Assert.StartsWith("اختتمت &lt;b&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_are_at_most_two_passages_of_about_180_characters()
    {
        var body = new StringBuilder();
        for (var i = 1; i <= 40; i++)
        {
            body.Append(i % 7 == 0
                ? $"وأشار التقرير رقم {i} إلى أن الطاقة الشمسية أصبحت أرخص مصادر الكهرباء في المنطقة. "
                : $"وتناولت الفقرة {i} تفاصيل إضافية عن المشروعات والبرامج والخطط المحلية المقترحة للعام المقبل. ");
        }

        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article("long", "تقرير عن مصادر الكهرباء", body.ToString()));

        var hit = OnlyHit(index, "الشمسية");

        Assert.InRange(hit.Highlights.Snippets.Count, 1, MaxSnippets);
        Assert.All(hit.Highlights.Snippets, snippet =>
        {
            Assert.Contains("<mark>الشمسية</mark>", snippet, StringComparison.Ordinal);
            Assert.InRange(WithoutMarks(snippet).Trim('…').Length, 1, SnippetLength);
        });
        Assert.True(hit.Highlights.Snippets.Sum(snippet => WithoutMarks(snippet).Length) <= (MaxSnippets * SnippetLength) + 4);
    }

    [Fact]
    public void Snippets_cut_between_words()
    {
        var body = string.Concat(Enumerable.Repeat("تواصل الفرق الهندسية العمل في الموقع على مدار الساعة لإنجاز المرحلة الأولى ", 8))
            + "ثم يبدأ تركيب التوربينات الجديدة في محطة الرياح الساحلية "
            + string.Concat(Enumerable.Repeat("ويتوقع المسؤولون أن يكتمل المشروع قبل نهاية العام الجاري وفق الجدول الزمني ", 8));
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article("w", "محطة جديدة", body));

        var snippet = Assert.Single(OnlyHit(index, "التوربينات").Highlights.Snippets);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        var inner = WithoutMarks(snippet).Trim('…');
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.All(inner.Split(' ', StringSplitOptions.RemoveEmptyEntries), word => Assert.Contains(word, words));
    }

    [Fact]
    public void A_phrase_query_marks_only_the_adjacent_occurrence()
    {
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article(
            "p",
            "لقاءات حكومية في العاصمة",
            "التقى وزير الاتصالات نظيره الأردني. وفي وقت لاحق زار وزير الصحة المستشفى، فيما واصل قطاع الاتصالات نموه."));

        var hit = OnlyHit(index, "\"وزير الاتصالات\"");

        var snippet = Assert.Single(hit.Highlights.Snippets);
        Assert.Contains("<mark>وزير</mark> <mark>الاتصالات</mark> نظيره", snippet, StringComparison.Ordinal);
        Assert.Contains("زار وزير الصحة", snippet, StringComparison.Ordinal);
        Assert.Contains("قطاع الاتصالات نموه", snippet, StringComparison.Ordinal);
        Assert.Equal(2, CountMarks(hit.Highlights.Snippets));
        Assert.DoesNotContain("<mark>", hit.Highlights.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_query_marks_the_words_it_matched()
    {
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article(
            "p", "الزيتون والزيتية", "ارتفع إنتاج الزيتون هذا العام."));

        var hit = OnlyHit(index, "الزيت*");

        Assert.Contains("<mark>الزيتون</mark>", hit.Highlights.Title, StringComparison.Ordinal);
        Assert.Contains("<mark>الزيتون</mark>", Assert.Single(hit.Highlights.Snippets), StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_of_more_words_than_its_length_suggests_is_marked_to_its_last_word()
    {
        // Digits one apart: far more words than a fifth of the characters, which the word list is first sized for.
        var numbers = string.Join(' ', Enumerable.Range(0, 600).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article("n", "أرقام النتائج", numbers + " والميزانية " + numbers + " الميزانية"));

        var hit = OnlyHit(index, "الميزانية");

        var snippets = hit.Highlights.Snippets;
        Assert.Equal(2, snippets.Count);
        Assert.Contains("<mark>والميزانية</mark>", snippets[0], StringComparison.Ordinal);
        Assert.EndsWith("<mark>الميزانية</mark>", snippets[1], StringComparison.Ordinal);
        Assert.Equal(2, CountMarks(snippets));
    }

    [GeneratedRegex("<mark>")]
    private static partial Regex MarkOpen();
}
