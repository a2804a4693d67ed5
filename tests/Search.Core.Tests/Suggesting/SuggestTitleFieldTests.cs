using Search.Core.Documents;

namespace Search.Core.Tests.Suggesting;

/// <summary>The title copy suggestions read from doc values: whole when short, cut between words and marked when long.</summary>
public sealed class SuggestTitleFieldTests
{
    [Fact]
    public void A_headline_is_kept_whole()
    {
        const string title = "وزير الاتصالات يعلن بدء التشغيل التجاري لشبكات الجيل الخامس";

        Assert.Equal(title, NewsDocumentMapper.SuggestTitle(title));
    }

    [Fact]
    public void A_title_past_the_limit_is_cut_after_a_whole_word_and_marked()
    {
        var title = string.Join(' ', Enumerable.Repeat("كلمات", 80));

        var kept = NewsDocumentMapper.SuggestTitle(title);

        Assert.True(kept.Length <= NewsDocumentMapper.MaxSuggestTitleLength + 1);
        Assert.EndsWith("كلمات" + NewsDocumentMapper.SuggestTitleCut, kept, StringComparison.Ordinal);
        Assert.StartsWith(kept[..^1], title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_without_spaces_is_cut_at_the_limit_never_inside_a_surrogate_pair()
    {
        var title = new string('ب', NewsDocumentMapper.MaxSuggestTitleLength - 1) + string.Concat(Enumerable.Repeat("😀", 10));

        var kept = NewsDocumentMapper.SuggestTitle(title);

        Assert.Equal(NewsDocumentMapper.SuggestTitleCut, kept[^1]);
        Assert.False(char.IsHighSurrogate(kept[^2]));
        Assert.Equal(NewsDocumentMapper.MaxSuggestTitleLength - 1, kept.Length - 1);
    }
}
