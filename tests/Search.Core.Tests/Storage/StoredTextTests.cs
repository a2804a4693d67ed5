using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Documents;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Storage;

/// <summary>The lead and body are stored as UTF-8 bytes, and read back the same whichever way a segment stored them.</summary>
public sealed class StoredTextTests
{
    private const string Lead = "ملخّص الخبر: الوزير يفتتح المعرض 🎉 اليوم";
    private const string Body = "قال الوزير إنّ المعرضَ يضمّ ٢٠٠ جناح.\nوأضاف: «نرحّب بالزوار» — 𝔸𝔹 ﷺ ـــ.";

    [Fact]
    public void Lead_and_body_are_stored_as_their_utf8_bytes_and_read_back_as_written()
    {
        using var directory = new RAMDirectory();
        Write(directory, NewsDocumentMapper.ToDocument(Article("a-1", "الوزير يفتتح المعرض", body: Body, lead: Lead)));

        using var reader = DirectoryReader.Open(directory);
        var stored = reader.Document(0);
        Assert.NotNull(stored.GetField(NewsFields.Body).GetBinaryValue());
        Assert.NotNull(stored.GetField(NewsFields.Lead).GetBinaryValue());
        var article = NewsDocumentMapper.ToArticle(stored);
        Assert.Equal(Body, article.Body);
        Assert.Equal(Lead, article.Lead);
        Assert.Equal("الوزير يفتتح المعرض", article.Title);
    }

    [Fact]
    public void A_segment_that_stored_them_as_strings_reads_the_same()
    {
        using var directory = new RAMDirectory();
        var document = NewsDocumentMapper.ToDocument(Article("a-1", "الوزير يفتتح المعرض", body: Body, lead: Lead));
        document.RemoveField(NewsFields.Body);
        document.RemoveField(NewsFields.Lead);
        document.Add(new StoredField(NewsFields.Lead, Lead));
        document.Add(new StoredField(NewsFields.Body, Body));
        Write(directory, document);

        using var reader = DirectoryReader.Open(directory);
        var stored = reader.Document(0);
        Assert.Null(stored.GetField(NewsFields.Body).GetBinaryValue());
        var article = NewsDocumentMapper.ToArticle(stored);
        Assert.Equal(Body, article.Body);
        Assert.Equal(Lead, article.Lead);
    }

    [Fact]
    public void An_article_without_lead_or_body_reads_back_without_them()
    {
        using var directory = new RAMDirectory();
        Write(directory, NewsDocumentMapper.ToDocument(Article("a-1", "عنوان فقط")));

        using var reader = DirectoryReader.Open(directory);
        var article = NewsDocumentMapper.ToArticle(reader.Document(0));
        Assert.Null(article.Body);
        Assert.Null(article.Lead);
    }

    private static void Write(Lucene.Net.Store.Directory directory, Document document)
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        writer.AddDocument(document);
    }
}
