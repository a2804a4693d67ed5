using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Search.Process.Tests;

/// <summary>The write endpoints hold a bounded sum of request bodies: past it a write is refused at once with 503 and
/// <c>Retry-After</c>, before its body is read, instead of every write waiting longer and the service growing.</summary>
public sealed class WriteAdmissionTests(ITestOutputHelper log)
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task Writes_past_the_bodies_held_at_once_get_a_503_with_retry_after_and_are_let_in_once_room_is_made()
    {
        using var folder = new TempFolder();
        var options = new ServiceOptions(folder.Combine("index"))
        {
            Environment = new Dictionary<string, string>
            {
                ["Search__Writes__MaxPendingBytes"] = Limit.ToString(),
                ["Search__Writes__MaxBulkBytes"] = Limit.ToString(),
            },
        };
        await using var service = await ServiceProcess.StartAsync(options, log);

        // A bulk as large as the bound, its first line sent and the rest still to come, as a slow client's. The
        // service takes it in once its handler runs, which the client cannot see: until then a PUT fits, and a PUT
        // still running then leaves the bulk no room, so the bulk is refused and sent again.
        var firstLine = Encoding.UTF8.GetBytes("""{"id":"held","title":"خبر طويل"}""" + "\n");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        TcpClient? slow = null;
        HttpResponseMessage refused;
        for (var attempt = 0; ; attempt++)
        {
            if (slow is null || slow.Available > 0)
            {
                slow?.Dispose();
                slow = await StartBulkAsync(service, options.ApiKey, firstLine);
            }

            refused = await PutAsync(service, $"early-{attempt}");
            if (refused.StatusCode != HttpStatusCode.Created || DateTime.UtcNow > deadline)
            {
                break;
            }

            refused.Dispose();
            await Task.Delay(20);
        }

        using var held = slow;
        var stream = held.GetStream();
        using (refused)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
            Assert.Contains("\"code\":\"writes_overloaded\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await stream.WriteAsync(Enumerable.Repeat((byte)'\n', Limit - firstLine.Length).ToArray());
        await stream.FlushAsync();
        var answer = new byte[256];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);

        using var accepted = await PutAsync(service, "after");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    private static async Task<TcpClient> StartBulkAsync(ServiceProcess service, string apiKey, byte[] firstLine)
    {
        var client = new TcpClient();
        await client.ConnectAsync(service.BaseAddress.Host, service.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/articles/_bulk HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {apiKey}\r\nContent-Type: application/x-ndjson\r\nContent-Length: {Limit}\r\n\r\n"));
        await stream.WriteAsync(firstLine);
        await stream.FlushAsync();
        return client;
    }

    private static async Task<HttpResponseMessage> PutAsync(ServiceProcess service, string id)
    {
        using var content = new StringContent($$"""{"title":"خبر {{id}}"}""", Encoding.UTF8, "application/json");
        return await service.Client.PutAsync(new Uri($"/api/articles/{id}", UriKind.Relative), content);
    }
}
