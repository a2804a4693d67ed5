using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>Queries built to break the engine: each must give results or none, never an exception.</summary>
public sealed class HostileQueryTests : IDisposable
{
    private readonly NewsIndex _index = TestCorpus.InMemoryIndexOf(
        TestCorpus.Article("a", "وزير الاتصالات يفتتح معرضا", body: "لا تعليق على الخبر"));

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("FEFF FFFE 002A", 0)] // the reported 500: a prefix mixing a presentation form with U+FFFE
    [InlineData("FEFB FFFE 002A", 0)]
    [InlineData("FFFE FDF2 002A", 0)]
    [InlineData("FEFB D800 002A", 0)]
    [InlineData("FEFB FFFE", 0)]
    [InlineData("0022 FEFB FFFE 0020 FDF2 0022", 0)]
    [InlineData("002D FEFB FFFE 002A", 1)] // excluded, alone: every article but those it matches (none)
    public void A_prefix_or_word_mixing_presentation_forms_with_unnormalizable_characters_searches_without_error(string query, int expected)
    {
        var results = _index.Search(new SearchRequest(CodeUnits.Parse(query)));

        Assert.Equal(expected, results.Total);
    }
}
