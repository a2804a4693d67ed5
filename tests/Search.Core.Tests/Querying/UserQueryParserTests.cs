using System.Text;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

public sealed class UserQueryParserTests
{
    public static TheoryData<string> MalformedQueries { get; } = new()
    {
        "\"unbalanced",
        "\"وزير الاتصالات",
        "a AND",
        "(copy",
        "*",
        "-",
        "OR",
        "OR OR a",
        "a OR",
        "::",
        "~^{}[]\\/!",
        "\"\"",
        "-\"\"",
        "- - -",
        "**",
        "وزير*~2^3",
        "title:وزير",
        "a OR OR OR b",
        "-a OR b",
        "\u2212وزير",
        "«وزير الاتصالات",
        RandomText(1000, seed: 20240521),
        RandomText(1000, seed: 7),
    };

    private static string Describe(UserQuery query) => string.Join(" ; ", query.Groups.Select(group =>
        string.Join(" | ", group.Alternatives.Select(part =>
            (part.Excluded ? "-" : "") + (part.IsPhrase ? $"\"{part.Text}\"" : part.Text) + (part.IsPrefix ? "*" : "")))));

    [Theory]
    [InlineData("وزير", "وزير")]
    [InlineData("وزير الاتصالات", "وزير ; الاتصالات")]
    [InlineData("  وزير   الاتصالات  ", "وزير ; الاتصالات")]
    [InlineData("\"وزير الاتصالات\"", "\"وزير الاتصالات\"")]
    [InlineData("«وزير الاتصالات» مصر", "\"وزير الاتصالات\" ; مصر")]
    [InlineData("مصر -السودان", "مصر ; -السودان")]
    [InlineData("مصر -\"كرة القدم\"", "مصر ; -\"كرة القدم\"")]
    [InlineData("مصر OR لبنان", "مصر | لبنان")]
    [InlineData("مصر OR لبنان OR الأردن غاز", "مصر | لبنان | الأردن ; غاز")]
    [InlineData("مصر or لبنان", "مصر ; or ; لبنان")] // only upper-case OR is the operator
    [InlineData("اتصا*", "اتصا*")]
    [InlineData("-اتصا*", "-اتصا*")]
    [InlineData("ا*", "ا")] // a one-letter prefix is searched as a word
    [InlineData("covid-19", "covid-19")]
    [InlineData("<b>الحكومة</b>", "الحكومة")] // markup typed or pasted by mistake
    [InlineData("الحكومة<br/>الوزارة", "الحكومة ; الوزارة")]
    [InlineData("<span class=\"x\">وزير</span> الاتصالات", "وزير ; الاتصالات")]
    [InlineData("وزير&nbsp;الاتصالات", "وزير ; الاتصالات")]
    [InlineData("<script>alert(1)</script>", "alert(1)")]
    [InlineData("سعر < 5", "سعر ; < ; 5")] // no tag: a letter must follow <
    public void Parser_reads_search_box_syntax(string text, string expected)
    {
        Assert.Equal(expected, Describe(UserQueryParser.Parse(text)));
    }

    [Fact]
    public void Markup_is_blanked_in_place_so_offsets_still_point_into_the_query_as_typed()
    {
        var part = Assert.Single(Assert.Single(UserQueryParser.Parse("<b>وزير</b>").Groups).Alternatives);
        Assert.Equal(("وزير", 3), (part.Text, part.Offset));
    }

    [Theory]
    [InlineData("\"unbalanced", "\"unbalanced\"")]
    [InlineData("a AND", "a ; AND")]
    [InlineData("(copy", "(copy")]
    [InlineData("*", "")]
    [InlineData("-", "")]
    [InlineData("OR", "")]
    [InlineData("OR OR a", "a")]
    [InlineData("a OR", "a")]
    [InlineData("a OR OR OR b", "a | b")]
    [InlineData("-a OR b", "-a ; b")] // an exclusion never joins an OR group
    [InlineData("\"\"", "")]
    public void Parser_recovers_from_stray_operators_and_quotes(string text, string expected)
    {
        Assert.Equal(expected, Describe(UserQueryParser.Parse(text)));
    }

    [Fact]
    public void Exclusions_alone_leave_no_positive_part()
    {
        Assert.False(UserQueryParser.Parse("-مصر -\"كرة القدم\"").HasPositiveParts);
        Assert.True(UserQueryParser.Parse("-مصر لبنان").HasPositiveParts);

        Assert.True(UserQueryParser.Parse("-مصر -\"كرة القدم\"").OnlyExclusions);
        Assert.False(UserQueryParser.Parse("-مصر لبنان").OnlyExclusions);
        Assert.False(UserQueryParser.Parse("؟!").OnlyExclusions); // no part at all: nothing to list but nothing excluded either
    }

    [Theory]
    [MemberData(nameof(MalformedQueries))]
    public void Malformed_input_never_throws_in_the_parser_or_in_a_search(string text)
    {
        var parsed = UserQueryParser.Parse(text);
        Assert.NotNull(parsed);

        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("a", "وزير الاتصالات يزور القرية الذكية", "قال وزير الاتصالات إن العمل يجري على قدم وساق."),
            TestCorpus.Article("b", "مباراة حاسمة في الدوري", "a b copy AND OR unbalanced"));

        // Past a complexity cap the one error allowed is the validation error naming the cap.
        var request = new SearchRequest(text);
        if (request.Validate().TryGetValue("q", out var tooMuch))
        {
            var refused = Assert.Throws<InvalidSearchRequestException>(() => index.Search(request));
            Assert.Equal(tooMuch, refused.Errors["q"]);
            return;
        }

        var results = index.Search(request);

        Assert.True(results.Total >= 0);
        Assert.True(results.Hits.Count <= results.Total);
    }

    private static string RandomText(int length, int seed)
    {
        const string alphabet = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة ٠١٢٣٤٥٦٧٨٩ـًٌٍَُِّْٰ abcXYZ0123456789 \"\"«»“”-−*?~^:(){}[]\\/!&|+<>'.,،؛؟\t\n";
        var random = new Random(seed);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
