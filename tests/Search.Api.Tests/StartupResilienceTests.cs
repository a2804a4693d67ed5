using System.Net;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

public sealed class StartupResilienceTests
{
    [Fact]
    public async Task A_corrupt_index_folder_leaves_the_service_up_not_ready_and_answering_every_request_with_the_reason()
    {
        await using var factory = SearchApiFactory.WithWrites();
        Directory.CreateDirectory(factory.IndexPath);
        await File.WriteAllBytesAsync(Path.Combine(factory.IndexPath, "segments_1"), Encoding.ASCII.GetBytes("not a lucene commit"));
        await File.WriteAllTextAsync(Path.Combine(factory.IndexPath, "segments.gen"), "garbage");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);

        using var live = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        }

        using var search = await client.GetAsync("/api/search?q=متحف");
        var problem = await search.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("index_unavailable", problem.GetProperty("code").GetString());
        using var put = await client.PutAsync("/api/articles/a", new StringContent("""{"title":"عنوان"}""", Encoding.UTF8, "application/json"));
        Assert.Equal("index_unavailable", (await put.AssertProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_read_only_service_serves_searches_and_refuses_writes()
    {
        var index = Directory.CreateTempSubdirectory("search-read-only-").FullName;
        await using (var writer = SearchApiFactory.WithWrites(("Search:IndexPath", index)))
        {
            using var client = writer.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);
            using var put = await client.PutAsync("/api/articles/museum", new StringContent("""{"title":"افتتاح متحف الفن الحديث"}""", Encoding.UTF8, "application/json"));
            put.EnsureSuccessStatusCode();
        }

        try
        {
            await using var factory = SearchApiFactory.WithWrites(("Search:IndexPath", index), ("Search:ReadOnly", "true"));
            using var reader = factory.CreateClient();
            reader.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);

            var results = await reader.SearchOkAsync("متحف");
            Assert.Equal(["museum"], results.Ids);
            using var put = await reader.PutAsync("/api/articles/a", new StringContent("""{"title":"عنوان"}""", Encoding.UTF8, "application/json"));
            Assert.Equal("read_only", (await put.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
            await factory.WarmedAsync();
            using var ready = await reader.GetAsync("/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("read-only", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(index, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_write_ahead_log_keeps_searches_working_refuses_writes_and_says_so_in_ready()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var log = Path.Combine(factory.IndexPath, "translog");
        Directory.CreateDirectory(log);
        await File.WriteAllBytesAsync(Path.Combine(log, "0000000000000000001.log"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
        await File.WriteAllBytesAsync(Path.Combine(log, "0000000000000000002.log"), []);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);

        var results = await client.SearchOkAsync("الاتصالات");
        Assert.Equal(0, results.Total);
        using var put = await client.PutAsync("/api/articles/a", new StringContent("""{"title":"عنوان"}""", Encoding.UTF8, "application/json"));
        Assert.Equal("index_unavailable", (await put.AssertProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("code").GetString());
        await factory.WarmedAsync();
        using var ready = await client.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
    }
}
