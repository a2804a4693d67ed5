using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Search.Api.Tests;

/// <summary>Tests that measure the process's allocations, run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}

[Collection(MeasuredAloneCollection.Name)]
public sealed class BulkMemoryTests
{
    [Fact]
    public async Task A_bulk_of_bare_newlines_costs_memory_by_its_bytes_not_sixteen_bytes_a_line()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        const int Bytes = 8 * 1024 * 1024;
        var body = new byte[Bytes];
        Array.Fill(body, (byte)'\n');
        "{\"id\":\"only\",\"title\":\"خبر\"}"u8.CopyTo(body);
        using var warm = await client.PostAsync("/api/articles/_bulk", new StringContent("{\"id\":\"first\",\"title\":\"خبر\"}", Encoding.UTF8, "application/x-ndjson"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.PostAsync("/api/articles/_bulk", new ByteArrayContent(body) { Headers = { ContentType = new("application/x-ndjson") } });
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single((await response.Content.ReadFromJsonAsync<BulkBody>())!.Items);
        Assert.Equal(("only", 201), (item.Id, item.Status));
        // The body is held a few times over (the test client's copy, the endpoint's: 34 MB in all); a list of its
        // 8 million lines, and lists sized by it, took 450 MB.
        Assert.True(allocated < 10L * Bytes, $"allocated {allocated / (1024 * 1024)} MB for an {Bytes / (1024 * 1024)} MB body");
    }

    private sealed record BulkBody(IReadOnlyList<BulkItemBody> Items);

    private sealed record BulkItemBody(int Line, string? Id, int Status);
}
