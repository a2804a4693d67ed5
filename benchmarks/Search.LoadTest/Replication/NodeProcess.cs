using System.Net;
using System.Net.Sockets;
using Search.LoadTest.Http;

namespace Search.LoadTest.Replication;

/// <summary>A search node of the benchmark: the built service on a free loopback port, its own empty index folder,
/// following the benchmark's PostgreSQL; ready (started by <see cref="ApiProcess"/>) once it has loaded the database.</summary>
internal sealed class NodeProcess : IDisposable
{
    public const string ApiKey = "replication-bench-key";

    private readonly ApiProcess _process;

    private NodeProcess(ApiProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IReadOnlyList<string> LastLines() => _process.LastLines();

    public static NodeProcess Start(string apiDll, string indexFolder, string connectionString, TimeSpan readyTimeout)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = ApiProcess.Start(apiDll, baseAddress, new Dictionary<string, string>
        {
            ["Search__IndexPath"] = indexFolder,
            ["Search__SampleDataPath"] = "",
            ["Search__ApiKeys__0"] = ApiKey,
            ["Search__Store"] = "postgres",
            ["Search__Postgres__ConnectionString"] = connectionString,
            ["Logging__LogLevel__Default"] = "Information",
        }, readyTimeout);
        return new NodeProcess(process, baseAddress);
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
