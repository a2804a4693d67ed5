using Search.Core.Indexing;
using Search.Core.Suggesting;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Suggesting;

/// <summary>Phrases that recur in titles and whole titles complete what was typed, as the titles write them.</summary>
public sealed class PhraseAndTitleSuggestionTests : IDisposable
{
    private readonly NewsIndex _index = InMemoryIndexOf(
        Article("p1", "الاتصالات السعودية تطلق خدمة جديدة"),
        Article("p2", "أرباح الاتصالات السعودية ترتفع"),
        Article("p3", "الاتصالات المصرية توقع اتفاقا"),
        Article("c1", "الرياض، جدة والدمام على موعد مع الأمطار"),
        Article("c2", "الرياض، جدة تستعدان للموسم"),
        Article("s1", "قمة في الرياض تبحث التجارة"),
        Article("s2", "قمة في الرياض تبحث الاستثمار"),
        Article("k1", "كأس العالم تنطلق الأسبوع المقبل"),
        Article("k2", "منتخبنا يستعد لكأس العالم بمعسكر مغلق"),
        Article("k3", "كأس العالم للأندية في المغرب"),
        Article("w1", "السعودية تعلن ميزانية العام"),
        Article("w2", "السعودية تعلن استضافة المعرض"),
        Article("w3", "السعودية والإمارات توقعان اتفاقية"),
        Article("w4", "السعودية تفتتح متحفا"),
        Article("q1", "قمة \"الرياض\" تبدأ اليوم & غدا <b>عاجل</b>"),
        Article("m1", "مهرجان الربيع يفتتح دورته العاشرة", publishedAt: new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero)),
        Article("m2", "مهرجان الربيع يفتتح دورته العاشرة", publishedAt: new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero)));

    public void Dispose() => _index.Dispose();

    [Fact]
    public void The_contract_example_completes_the_last_word_after_the_words_before_it_and_a_phrase_that_starts_with_it()
    {
        var suggestions = Suggest("اسعار الاتصا");

        var word = suggestions.First(suggestion => suggestion.Kind == SuggestionKind.Word);
        Assert.Equal("اسعار الاتصالات", word.Text);
        Assert.Equal("اسعار <mark>الاتصا</mark>لات", word.Highlighted);
        Assert.Equal(3, word.Count);
        Assert.Null(word.Id);

        var phrase = suggestions.First(suggestion => suggestion.Kind == SuggestionKind.Phrase);
        Assert.Equal("الاتصالات السعودية", phrase.Text);
        Assert.Equal("<mark>الاتصا</mark>لات السعودية", phrase.Highlighted);
        Assert.Equal(2, phrase.Count);
    }

    [Fact]
    public void A_phrase_only_one_title_holds_is_not_offered()
    {
        Assert.DoesNotContain(Suggest("الاتصالات ا"), suggestion => suggestion.Kind == SuggestionKind.Phrase && suggestion.Text == "الاتصالات المصرية");
    }

    [Fact]
    public void Phrases_never_span_punctuation_or_stop_words()
    {
        var phrases = Suggest("الرياض").Concat(Suggest("قمة")).Where(suggestion => suggestion.Kind == SuggestionKind.Phrase).ToList();

        Assert.NotEmpty(phrases);
        Assert.DoesNotContain(phrases, phrase =>
            phrase.Text.Contains("جدة", StringComparison.Ordinal) || phrase.Text.Contains(" في ", StringComparison.Ordinal) || phrase.Text == "قمة الرياض");
    }

    [Fact]
    public void After_a_finished_word_only_phrases_and_titles_that_go_on_from_it_are_offered()
    {
        var suggestions = Suggest("الاتصالات ");

        Assert.DoesNotContain(suggestions, suggestion => suggestion.Kind == SuggestionKind.Word);
        var phrase = Assert.Single(suggestions, suggestion => suggestion.Kind == SuggestionKind.Phrase);
        Assert.Equal("الاتصالات السعودية", phrase.Text);
        Assert.Equal("<mark>الاتصالات</mark> السعودية", phrase.Highlighted);
    }

    [Fact]
    public void After_a_word_the_words_that_follow_it_in_recurring_phrases_come_before_commoner_words()
    {
        var words = Suggest("كأس ال").Where(suggestion => suggestion.Kind == SuggestionKind.Word).ToList();

        Assert.Equal("كأس العالم", words[0].Text);
        Assert.Equal(2, words[0].Count);
        Assert.Contains(words, word => word.Text == "كأس السعودية" && word.Count == 6);
    }

    [Fact]
    public void A_title_starting_with_what_was_typed_is_offered_with_its_newest_copy_and_the_number_of_copies()
    {
        var title = Assert.Single(Suggest("مهرجان الربيع يف", SuggestRequest.MaxSize), suggestion => suggestion.Kind == SuggestionKind.Title);

        Assert.Equal("مهرجان الربيع يفتتح دورته العاشرة", title.Text);
        Assert.Equal("<mark>مهرجان الربيع يف</mark>تتح دورته العاشرة", title.Highlighted);
        Assert.Equal("m2", title.Id);
        Assert.Equal(2, title.Count);
    }

    [Fact]
    public void Titles_match_across_punctuation_and_their_highlight_escapes_html()
    {
        var title = Assert.Single(Suggest("قمة الرياض تب", SuggestRequest.MaxSize), suggestion => suggestion.Kind == SuggestionKind.Title);

        Assert.Equal("q1", title.Id);
        Assert.Equal("<mark>قمة &quot;الرياض&quot; تب</mark>دأ اليوم &amp; غدا &lt;b&gt;عاجل&lt;/b&gt;", title.Highlighted);
    }

    [Fact]
    public void A_long_title_is_offered_whole_and_typing_past_its_kept_key_still_has_to_match_it()
    {
        var words = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"كلمة{i}"));
        using var index = InMemoryIndexOf(Article("long", "عنوان طويل جدا " + words), Article("other", "عنوان طويل جدا " + words.Replace("كلمة9", "جملة9", StringComparison.Ordinal)));

        var titles = Titles(index, "عنوان طويل");
        Assert.Equal(2, titles.Count);
        Assert.Contains(titles, title => title.Id == "long" && title.Text == "عنوان طويل جدا " + words);

        var typedPastTheKey = "عنوان طويل جدا " + string.Join(' ', Enumerable.Range(0, 10).Select(i => $"كلمة{i}"));
        Assert.True(typedPastTheKey.Length > new SuggestionOptions().MaxTitleKeyLength);
        Assert.Equal(["long"], Titles(index, typedPastTheKey).Select(title => title.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void No_more_suggestions_than_asked_for_and_no_text_twice(int size)
    {
        var suggestions = Suggest("ال", size);

        Assert.Equal(size, suggestions.Count);
        Assert.Equal(suggestions.Count, suggestions.Select(suggestion => suggestion.Text).Distinct().Count());
    }

    [Fact]
    public void Kinds_come_in_order_words_then_phrases_then_titles()
    {
        var kinds = Suggest("السعو", SuggestRequest.MaxSize).Select(suggestion => suggestion.Kind).ToList();

        Assert.Contains(SuggestionKind.Word, kinds);
        Assert.Contains(SuggestionKind.Phrase, kinds);
        Assert.Contains(SuggestionKind.Title, kinds);
        Assert.Equal(kinds.Order(), kinds);
    }

    [Theory]
    [InlineData("ظظظظ")]
    [InlineData("؟؟")]
    [InlineData("ـــ")]
    public void Nothing_matching_gives_an_empty_list(string typed)
    {
        Assert.Empty(Suggest(typed));
    }

    private static List<Suggestion> Titles(NewsIndex index, string typed) =>
        [.. index.Suggest(new SuggestRequest(typed, SuggestRequest.MaxSize)).Suggestions.Where(suggestion => suggestion.Kind == SuggestionKind.Title)];

    private IReadOnlyList<Suggestion> Suggest(string typed, int size = SuggestRequest.DefaultSize) =>
        _index.Suggest(new SuggestRequest(typed, size)).Suggestions;
}
