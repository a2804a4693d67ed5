using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

public sealed class ArabicNewsStemmerTests
{
    private static string Stem(ArabicNewsStemmer stemmer, string word)
    {
        // Extra room after the word: the stemmer must only read [0..length).
        var buffer = (word + "xyz").ToCharArray();
        var length = stemmer.Stem(buffer, word.Length);
        return new string(buffer, 0, length);
    }

    [Theory]
    [InlineData("ال")]
    [InlineData("لا")]
    [InlineData("وه")]
    [InlineData("ها")]
    [InlineData("ي")]
    [InlineData("")]
    public void Stemmer_leaves_words_under_three_letters_untouched(string word)
    {
        Assert.Equal(word, Stem(new ArabicNewsStemmer(), word));
    }

    [Theory]
    [InlineData("covid")]
    [InlineData("theirs")]
    [InlineData("2024")]
    [InlineData("5g")]
    [InlineData("x-ray")]
    public void Stemmer_leaves_non_Arabic_tokens_untouched(string token)
    {
        Assert.Equal(token, Stem(new ArabicNewsStemmer(), token));
    }

    [Theory]
    [InlineData("والوزير", "وزير")]
    [InlineData("وبالكتاب", "كتاب")]
    [InlineData("فلسطينيون", "فلسطين")]
    [InlineData("مدرستها", "مدرس")]
    [InlineData("بيوتها", "بيوت")]
    [InlineData("اتصالات", "اتصال")]
    public void Stemmer_removes_article_and_suffixes_of_folded_words(string word, string stem)
    {
        Assert.Equal(stem, Stem(new ArabicNewsStemmer(), word));
    }

    [Theory]
    [InlineData("بالعم", "بالعم")] // بال must leave three letters
    [InlineData("الام", "ام")] // the bare article may leave two
    [InlineData("منها", "منها")] // a pronoun must leave three
    [InlineData("قري", "قري")] // the nisba ي must leave three
    [InlineData("كتابها", "كتاب")]
    public void Stemmer_never_cuts_below_the_minimum_stem(string word, string stem)
    {
        Assert.Equal(stem, Stem(new ArabicNewsStemmer(), word));
    }

    [Fact]
    public void Stemmer_honours_a_custom_protected_word_list()
    {
        var protectedWords = new FoldedWords(["مهرجانات"]);
        var custom = new ArabicNewsStemmer(protectedWords);

        Assert.Equal("مهرجانات", Stem(custom, "مهرجانات"));
        Assert.Equal("مهرجان", Stem(new ArabicNewsStemmer(), "مهرجانات"));
        Assert.Equal("مهرجانات", Stem(custom, "والمهرجانات"));
    }
}
