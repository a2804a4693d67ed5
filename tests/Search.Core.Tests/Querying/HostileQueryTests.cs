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
    [InlineData("FEFF FFFE 002A")] // the reported 500: a prefix mixing a presentation form with U+FFFE
    [InlineData("FEFB FFFE 002A")]
    [InlineData("FFFE FDF2 002A")]
    [InlineData("FEFB D800 002A")]
    [InlineData("FEFB FFFE")]
    [InlineData("0022 FEFB FFFE 0020 FDF2 0022")]
    [InlineData("002D FEFB FFFE 002A")]
    public void A_prefix_or_word_mixing_presentation_forms_with_unnormalizable_characters_searches_without_error(string query)
    {
        var results = _index.Search(new SearchRequest(CodeUnits.Parse(query)));

        Assert.Equal(0, results.Total);
    }
}
