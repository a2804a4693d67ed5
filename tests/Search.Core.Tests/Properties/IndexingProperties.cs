using FsCheck.Xunit;
using Search.Core.Tests.Storage;

namespace Search.Core.Tests.Properties;

/// <summary>Whatever the text, the stems the codec writes from exact forms are those indexing both tokens gives.</summary>
[Properties(Arbitrary = [typeof(HostileInput)], MaxTest = 150)]
public sealed class IndexingProperties
{
    [Property]
    public void Any_texts_index_as_with_both_tokens_of_every_word(HostileText[] texts, bool titles)
    {
        var articles = texts.Select((text, i) => TestCorpus.Article(
            $"doc-{i}",
            titles ? text.Value : "خبر",
            body: titles ? null : text.Value + " " + string.Join(' ', HostileInput.Words))).ToList();

        // Postings handed to the flush's writing thread a few at a time, so that hostile texts go through it too.
        StemsFromExactFormsTests.AssertIndexedAsBothTokens(articles, flushEvery: 3, postingsChunkBytes: 16);
    }
}
