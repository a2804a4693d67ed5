using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Search.Postgres.Tests.Cluster;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a temporary folder, <c>pg_ctl</c> on a free loopback port, trust
/// authentication, no Unix socket. initdb refuses to run as root, so under root (CI) every server program runs as the
/// unprivileged <c>postgres</c> user when it exists, else <c>nobody</c>, through <c>runuser</c>. Also makes a
/// synchronous standby of itself (<c>pg_basebackup</c>) and promotes one.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly string? RunAs = NativeUid.Euid() == 0 ? (UserExists("postgres") ? "postgres" : "nobody") : null;

    private readonly string _root;
    private readonly Action<string>? _log;

    private PostgresServer(string root, string dataFolder, int port, Action<string>? log)
    {
        _root = root;
        DataFolder = dataFolder;
        Port = port;
        _log = log;
    }

    public int Port { get; }

    public string DataFolder { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=5";

    /// <summary>Creates and starts a server in a fresh temporary folder.</summary>
    /// <param name="log">Told the last lines of the server's log when it is disposed (a test's output).</param>
    /// <param name="durable">fsync on, as a deployment runs (benchmarks); off for tests.</param>
    public static async Task<PostgresServer> CreateAsync(Action<string>? log = null, bool durable = false)
    {
        var root = Directory.CreateTempSubdirectory("search-postgres-tests-").FullName;
        if (RunAs is not null && !OperatingSystem.IsWindows())
        {
            // The server user must reach its folder and own it.
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await RunAsync("chown", [RunAs, root], asServerUser: false);
        }

        var server = new PostgresServer(root, Path.Combine(root, "primary"), FreePort(), log);
        await RunAsync(PostgresBinaries.Program("initdb"), ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        server.Configure(
            // fsync off: the tests kill processes, not the machine, and the page cache outlives a process. Left on for
            // benchmarks, which measure what a deployment would see.
            $"fsync = {(durable ? "on" : "off")}",
            "wal_level = replica",
            "max_wal_senders = 4",
            "synchronous_commit = on",
            "shared_buffers = 64MB",
            "max_connections = 100");
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync() =>
        await RunAsync(PostgresBinaries.Program("pg_ctl"), ["start", "-D", DataFolder, "-w", "-t", "60", "-l", Path.Combine(DataFolder, "server.log")]);

    /// <param name="immediate">Like a crash (no checkpoint, clients cut off at once) rather than a clean stop.</param>
    public async Task StopAsync(bool immediate = false) =>
        await RunAsync(PostgresBinaries.Program("pg_ctl"), ["stop", "-D", DataFolder, "-w", "-t", "60", "-m", immediate ? "immediate" : "fast"]);

    /// <summary>
    /// Makes a standby of this server with <c>pg_basebackup</c>, starts it streaming on its own port, and makes this
    /// server wait for it at every commit (synchronous replication): a commit acknowledged here is on the standby too.
    /// </summary>
    public async Task<PostgresServer> AddSynchronousStandbyAsync(string name = "standby1")
    {
        var standby = new PostgresServer(_root, Path.Combine(_root, name), FreePort(), _log);
        await RunAsync(PostgresBinaries.Program("pg_basebackup"), ["-D", standby.DataFolder, "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-X", "stream", "-R", "--no-sync"]);
        standby.Configure(
            $"primary_conninfo = 'host=127.0.0.1 port={Port} user=postgres application_name={name}'",
            "hot_standby = on");
        await standby.StartAsync();
        Configure($"synchronous_standby_names = '{name}'");
        await ExecuteAsync("SELECT pg_reload_conf()");

        // Synchronous from here: wait until the primary sees the standby as such.
        var clock = Stopwatch.StartNew();
        while ((string?)await ScalarAsync($"SELECT sync_state FROM pg_stat_replication WHERE application_name = '{name}'") != "sync")
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The standby {name} did not become synchronous within 30 s.");
            }

            await Task.Delay(100);
        }

        return standby;
    }

    /// <summary>Turns this standby into a primary that accepts writes.</summary>
    public async Task PromoteAsync() => await RunAsync(PostgresBinaries.Program("pg_ctl"), ["promote", "-D", DataFolder, "-w", "-t", "60"]);

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    /// <summary>Every row a query returns, mapped.</summary>
    public async Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Stops the server (and any standby made from it, which shares its folder) and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var data in Directory.EnumerateDirectories(_root))
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    await RunAsync(PostgresBinaries.Program("pg_ctl"), ["stop", "-D", data, "-w", "-t", "30", "-m", "immediate"]);
                }
                catch (InvalidOperationException)
                {
                    // Not running (a stale pid file): nothing to stop.
                }
            }
        }

        if (_log is not null && File.Exists(Path.Combine(DataFolder, "server.log")))
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(DataFolder, "server.log"));
            _log($"--- PostgreSQL on port {Port}, last lines of its log:");
            _log(string.Join('\n', lines.TakeLast(40)));
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held must not hide the test's own outcome.
        }
    }

    private void Configure(params string[] settings) =>
        File.AppendAllText(Path.Combine(DataFolder, "postgresql.auto.conf"), string.Join('\n', [
            "",
            .. settings,
            $"port = {Port}",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "",
        ]));

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo(asServerUser && RunAs is not null ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServerUser && RunAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(RunAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }
    }

    private static bool UserExists(string name) => File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
