using Search.Core.Indexing;
using Search.Core.Suggesting;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Suggesting;

/// <summary>Suggestions follow the index as articles arrive, change and are deleted, across segments and merges.</summary>
public sealed class LiveSuggestionTests : IDisposable
{
    private readonly NewsIndex _index = NewsIndex.InMemory(new NewsIndexOptions("(memory)"));

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_new_article_s_word_is_suggested_once_searches_see_the_write()
    {
        Write(Article("a", "افتتاح متحف الفن الحديث"));
        Assert.DoesNotContain("الزمرد", WordTexts("الزم"));

        Write(Article("b", "اكتشاف منجم الزمرد في الصحراء"));

        Assert.Contains("الزمرد", WordTexts("الزم"));
    }

    [Fact]
    public void Deleting_the_only_article_with_a_word_removes_its_suggestion_and_deleting_one_of_two_lowers_its_count()
    {
        Write(Article("a", "منجم الزمرد يفتح أبوابه"), Article("b", "أسعار الزمرد ترتفع"), Article("c", "الزعفران يغزو الأسواق"));
        Assert.Equal(2, Word("الزم")!.Count);

        Await(_index.Delete("a"));
        Assert.Equal(1, Word("الزم")!.Count);

        Await(_index.Delete("c"));
        Assert.Null(Word("الزعف"));
        Assert.DoesNotContain(_index.Suggest(new SuggestRequest("الزعفران يغ")).Suggestions, suggestion => suggestion.Kind == SuggestionKind.Title);
    }

    [Fact]
    public void Replacing_an_article_replaces_the_words_it_offers()
    {
        Write(Article("a", "منجم الزمرد يفتح أبوابه"));

        Write(Article("a", "منجم الياقوت يفتح أبوابه"));

        Assert.Null(Word("الزم"));
        Assert.Equal(1, Word("اليا")!.Count);
    }

    [Fact]
    public void Counts_add_up_over_segments_and_stay_right_after_a_merge()
    {
        for (var segment = 0; segment < 4; segment++)
        {
            Write(Article($"a{segment}", $"الزمرد في المعرض رقم {segment}"), Article($"b{segment}", $"منجم جديد رقم {segment}"));
            _index.Commit();
        }

        Await(_index.Delete("a0"));
        Assert.Equal(3, Word("الزم")!.Count);

        _index.Optimize();
        _index.Refresh();

        Assert.Equal(1, _index.PrepareSuggestions().Segments);
        Assert.Equal(3, Word("الزم")!.Count);
    }

    [Fact]
    public void A_phrase_counts_live_articles_only_also_where_a_large_segment_keeps_recurring_phrases_alone()
    {
        // Every segment counts as large here, so the build takes the path that first counts phrases roughly.
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)") { Suggestions = new SuggestionOptions { PrunePhrasesFromDocs = 1 } });
        var generation = 0L;
        foreach (var article in new[]
        {
            Article("a", "سوق الذهب يغلق مرتفعا"), Article("b", "سوق الذهب يشهد إقبالا"), Article("c", "سوق السمك يفتح"),
        })
        {
            generation = index.Upsert(article);
        }

        index.WaitFor(generation);
        Assert.Equal(1, index.PrepareSuggestions().Segments);
        Assert.Equal(["سوق الذهب"], Phrases(index, "سوق"));

        index.WaitFor(index.Delete("a"));

        Assert.Empty(Phrases(index, "سوق"));
    }

    [Fact]
    public void A_serving_index_builds_new_and_merged_segments_before_anyone_asks_and_never_twice()
    {
        for (var segment = 0; segment < 3; segment++)
        {
            Write(Article($"a{segment}", $"الزمرد في المعرض رقم {segment}"));
            _index.Commit();
        }

        _index.Refresh();
        var afterRefreshes = _index.SuggestionBuilds;
        Assert.True(afterRefreshes >= 3, $"{afterRefreshes} builds after three refreshed segments");

        _index.Optimize();
        Assert.Equal(afterRefreshes + 1, _index.SuggestionBuilds);

        _index.Refresh();
        Assert.Equal(3, Word("الزم")!.Count);
        Assert.Equal(afterRefreshes + 1, _index.SuggestionBuilds);
    }

    [Fact]
    public void With_building_ahead_off_a_segment_is_built_by_the_first_suggestion_that_needs_it()
    {
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)") { Suggestions = new SuggestionOptions { BuildAhead = false } });
        index.WaitFor(index.Upsert(Article("a", "منجم الزمرد يفتح أبوابه")));
        Assert.Equal(0, index.SuggestionBuilds);

        Assert.Contains(index.Suggest(new SuggestRequest("الزم")).Suggestions, suggestion => suggestion.Text == "الزمرد");

        Assert.Equal(1, index.SuggestionBuilds);
    }

    [Fact]
    public void Suggestions_report_what_they_hold()
    {
        Write(Article("a", "منجم الزمرد يفتح أبوابه"), Article("b", "منجم الزمرد يغلق أبوابه"));

        var statistics = _index.PrepareSuggestions();

        Assert.Equal(2, statistics.Documents);
        Assert.Equal(2, statistics.Titles);
        Assert.True(statistics.Words >= 5);
        Assert.True(statistics.Phrases >= 2);
        Assert.True(statistics.MemoryBytes > 0);
    }

    private static List<string> Phrases(NewsIndex index, string typed) =>
        [.. index.Suggest(new SuggestRequest(typed)).Suggestions.Where(suggestion => suggestion.Kind == SuggestionKind.Phrase).Select(suggestion => suggestion.Text)];

    private void Write(params Search.Core.Documents.NewsArticle[] articles)
    {
        var generation = 0L;
        foreach (var article in articles)
        {
            generation = _index.Upsert(article);
        }

        Await(generation);
    }

    private void Await(long generation) => _index.WaitFor(generation);

    private Suggestion? Word(string typed) =>
        _index.Suggest(new SuggestRequest(typed)).Suggestions.FirstOrDefault(suggestion => suggestion.Kind == SuggestionKind.Word);

    private List<string> WordTexts(string typed) =>
        [.. _index.Suggest(new SuggestRequest(typed)).Suggestions.Where(suggestion => suggestion.Kind == SuggestionKind.Word).Select(suggestion => suggestion.Text)];
}
