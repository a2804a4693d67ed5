using Search.Core.Analysis;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>A name or borrowed word spelt two ways (<see cref="ArabicNameSpellings"/>) finds the articles of both
/// spellings, those of the spelling typed first.</summary>
public sealed class NameSpellingsTests
{
    private static readonly ArabicNewsStemmer Stemmer = new();

    private static string Stem(string word)
    {
        var buffer = ArabicOrthography.Fold(word).ToCharArray();
        return new string(buffer, 0, Stemmer.Stem(buffer, buffer.Length));
    }

    [Fact]
    public void Every_group_spells_one_word_in_stems_the_stemmer_keeps_apart()
    {
        // A group whose spellings stem alike adds nothing; one that shares a stem with another group would join them.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ArabicNameSpellings.Groups.Count; i++)
        {
            var stems = ArabicNameSpellings.Groups[i].Select(Stem).Distinct(StringComparer.Ordinal).ToList();
            Assert.True(stems.Count >= 2, $"{string.Join(" / ", ArabicNameSpellings.Groups[i])} stem alike");
            foreach (var stem in stems)
            {
                Assert.True(seen.TryAdd(stem, i) || seen[stem] == i, $"{stem} is in two groups");
            }
        }
    }

    [Fact]
    public void The_other_spellings_of_a_stem_are_those_of_its_group()
    {
        var spellings = new NameSpellings([["غوغل", "جوجل", "قوقل"], ["أمريكي", "أميركي"]], Stem);

        Assert.Equal(["جوجل", "قوقل"], spellings.Of("غوغل"));
        Assert.Equal([Stem("أمريكي")], spellings.Of(Stem("الأميركية")));
        Assert.Empty(spellings.Of("وزير"));
    }

    private static readonly Documents.NewsArticle[] Corpus =
    [
        TestCorpus.Article("long", "قمة في سنغافورة", "التقى الرئيس ترامب الزعيم الكوري."),
        TestCorpus.Article("short", "قمة تاريخية", "التقى الرئيس ترمب الزعيم الكوري."),
        TestCorpus.Article("adjective", "عقوبات", "فرضت الإدارة الأميركية عقوبات جديدة."),
        TestCorpus.Article("country", "زيارة", "وصل الوفد إلى أمريكا."),
        TestCorpus.Article("other", "الطقس", "أمطار في الشمال."),
    ];

    private static List<string> Ids(NewsIndex index, string query) =>
        [.. index.Search(new SearchRequest(query, PageSize: 20) { CollapseDuplicates = false }).Hits.Select(hit => hit.Id)];

    [Fact]
    public void A_name_finds_the_articles_of_its_other_spelling_after_its_own()
    {
        using var index = TestCorpus.InMemoryIndexOf(Corpus);

        Assert.Equal(["long", "short"], Ids(index, "ترامب"));
        Assert.Equal(["short", "long"], Ids(index, "ترمب"));
        Assert.Equal(["adjective"], Ids(index, "الأمريكية"));

        var other = index.Search(new SearchRequest("ترامب") { CollapseDuplicates = false }).Hits.Single(hit => hit.Id == "short");
        Assert.Contains("<mark>ترمب</mark>", Assert.Single(other.Highlights.Snippets), StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_weight_for_other_spellings_a_name_finds_only_its_own()
    {
        using var index = TestCorpus.InMemoryIndexOf(new RankingOptions { OtherSpellingWeight = 0, CorrectUnknownWords = false }, Corpus);
        Assert.Equal(["long"], Ids(index, "ترامب"));
        Assert.Empty(Ids(index, "الأمريكية"));
    }
}
