using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Indexing;

public sealed class NewsIndexTests
{
    [Fact]
    public void Upserting_an_id_twice_keeps_one_article_the_second_version()
    {
        using var index = NewsIndex.InMemory();
        index.Upsert(TestCorpus.Article("x", "افتتاح جسر المشاة الجديد في وسط المدينة", "بدأ العمل في الجسر منذ عامين."));
        index.WaitFor(index.Upsert(TestCorpus.Article("x", "تأجيل افتتاح النفق البحري إلى الربيع", "أعلنت البلدية تأجيل الافتتاح.")));

        Assert.Equal(1, index.Count);
        Assert.Equal("تأجيل افتتاح النفق البحري إلى الربيع", index.Find("x")?.Title);
        Assert.Equal(0, index.Search(new SearchRequest("جسر المشاة")).Total);
        var hit = Assert.Single(index.Search(new SearchRequest("النفق")).Hits);
        Assert.Equal("x", hit.Id);
    }

    [Fact]
    public void Delete_removes_the_article_from_find_count_and_search()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("keep", "مهرجان الموسيقى العربية يختتم دورته"),
            TestCorpus.Article("gone", "مهرجان المسرح التجريبي يعلن جوائزه"));

        index.WaitFor(index.Delete("gone"));

        Assert.Null(index.Find("gone"));
        Assert.NotNull(index.Find("keep"));
        Assert.Equal(1, index.Count);
        Assert.Equal(["keep"], index.Search(new SearchRequest("مهرجان")).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void Contains_finds_ids_in_every_segment_and_not_deleted_ones()
    {
        // No background refresh: nothing remembers recent writes, so every answer comes from the segments themselves.
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)") { MaxRefreshDelay = null });
        index.Upsert(TestCorpus.Article("first", "خبر في المقطع الأول"));
        index.Commit();
        index.Upsert(TestCorpus.Article("second", "خبر في المقطع الثاني"));
        index.Upsert(TestCorpus.Article("first", "نسخة جديدة من الخبر الأول"));
        index.Commit();
        index.Upsert(TestCorpus.Article("third", "خبر ثالث"));
        index.Delete("third");
        index.Delete("second");
        index.Commit();

        Assert.True(index.Contains("first"));
        Assert.False(index.Contains("second"));
        Assert.False(index.Contains("third"));
        Assert.False(index.Contains("FIRST"));
        Assert.False(index.Contains("never"));
    }

    [Fact]
    public void Find_of_an_unknown_id_is_null()
    {
        using var index = TestCorpus.InMemoryIndexOf(TestCorpus.Article("a", "خبر"));

        Assert.Null(index.Find("b"));
        Assert.Null(index.Find(""));
        Assert.Null(index.Find("A"));
    }

    [Fact]
    public void WaitFor_the_generation_of_a_write_makes_it_searchable()
    {
        using var index = NewsIndex.InMemory();
        Assert.Equal(0, index.Count);

        var generation = index.Upsert(TestCorpus.Article("new", "إطلاق قمر صناعي عربي لرصد المناخ"));
        index.WaitFor(generation);

        Assert.Equal(1, index.Count);
        Assert.Equal("new", Assert.Single(index.Search(new SearchRequest("قمر صناعي")).Hits).Id);
    }

    [Fact]
    public void Refresh_makes_every_write_so_far_searchable()
    {
        using var index = NewsIndex.InMemory();
        index.Upsert(TestCorpus.Article("a", "افتتاح مكتبة عامة في الحي القديم"));
        index.Upsert(TestCorpus.Article("b", "مكتبة متنقلة تجوب القرى"));

        index.Refresh();

        Assert.Equal(2, index.Count);
        Assert.Equal(2, index.Search(new SearchRequest("مكتبة")).Total);
    }

    [Fact]
    public void Find_returns_every_stored_field()
    {
        var published = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(3));
        var article = new NewsArticle
        {
            Id = "full-1",
            Title = "افتتاح معرض الكتاب الدولي",
            Lead = "افتتح المعرض أبوابه للزوار.",
            Body = "الفقرة الأولى.\nالفقرة الثانية.",
            Url = "https://example.com/full-1",
            Source = "الرصد",
            Section = "ثقافة",
            Author = "محرر الثقافة",
            Tags = ["كتاب", "معرض"],
            PublishedAt = published,
        };
        using var index = TestCorpus.InMemoryIndexOf(article);

        var found = index.Find("full-1");

        Assert.NotNull(found);
        Assert.Equal(article with { Tags = [] }, found with { Tags = [] });
        Assert.Equal(article.Tags, found.Tags);
        Assert.Equal(published.Offset, found.PublishedAt!.Value.Offset);
    }

    [Fact]
    public void Search_hit_carries_the_articles_metadata()
    {
        var published = new DateTimeOffset(2024, 11, 5, 8, 15, 0, TimeSpan.FromHours(2));
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("m", "تفعيل اللجنة العليا المشتركة", section: "سياسة", source: "شبكة الأفق", publishedAt: published) with { Url = "https://example.com/m" });

        var hit = Assert.Single(index.Search(new SearchRequest("اللجنة")).Hits);

        Assert.Equal(("m", "تفعيل اللجنة العليا المشتركة", "https://example.com/m", "شبكة الأفق", "سياسة", (DateTimeOffset?)published),
            (hit.Id, hit.Title, hit.Url, hit.Source, hit.Section, hit.PublishedAt));
        Assert.True(hit.Score > 0);
    }
}
