using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Answers and the page are compressed when the client asks, and only then.</summary>
public sealed class CompressedResponseTests
{
    private const string Search = "/api/search?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA";

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("br, gzip", "gzip")]
    public async Task A_search_asked_for_compressed_comes_compressed_and_reads_as_the_plain_answer(string accepted, string expected)
    {
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        using var client = factory.CreateClient();

        using var plain = await client.GetAsync(Search);
        using var request = new HttpRequestMessage(HttpMethod.Get, Search);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);
        using var compressed = await client.SendAsync(request);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([expected], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var plainBody = await plain.Content.ReadAsByteArrayAsync();
        var compressedBody = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(compressedBody.Length * 2 < plainBody.Length, $"{compressedBody.Length} bytes compressed against {plainBody.Length}");
        using var hits = JsonDocument.Parse(Decompress(compressedBody, expected));
        Assert.True(hits.RootElement.GetProperty("total").GetInt32() > 0);
        Assert.Equal(JsonDocument.Parse(plainBody).RootElement.GetProperty("hits").GetRawText(), hits.RootElement.GetProperty("hits").GetRawText());
    }

    [Theory]
    [InlineData("/search.js")]
    [InlineData("/")]
    [InlineData("/api/search?page=0")]
    public async Task The_page_and_problems_come_compressed_too(string path)
    {
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");

        using var response = await client.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.NotEmpty(Decompress(await response.Content.ReadAsByteArrayAsync(), "gzip"));
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
