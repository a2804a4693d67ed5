using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using static Search.Postgres.SqlCommands;

namespace Search.Postgres.Schema;

/// <summary>
/// Brings the database's schema up to the version this build knows, from the numbered SQL scripts embedded in the
/// assembly (<c>Schema/Migrations/NNNN_name.sql</c>), each applied once, in order, in its own transaction with its row
/// in <c>search_schema_version</c>. Nodes starting at once take turns through an advisory lock, so a script never runs
/// twice; a database already migrated further than this build knows is refused rather than written with an old shape.
/// </summary>
public static partial class SchemaMigrator
{
    public const string VersionTable = "search_schema_version";

    /// <summary>The scripts this build carries, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>The version this build brings a database to.</summary>
    public static int LatestVersion => Scripts[^1].Version;

    /// <returns>The scripts applied now (0 when the schema was current).</returns>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this build.</exception>
    public static async Task<int> MigrateAsync(NpgsqlDataSource database, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, AdvisoryLocks.Migration).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
            var version = await ScalarAsync<int>(connection, $"SELECT coalesce(max(version), 0) FROM {VersionTable}", cancellationToken).ConfigureAwait(false);
            if (version > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database's search schema is at version {version}, newer than this service knows ({LatestVersion}): a newer service migrated it. Run that version of the service.");
            }

            var applied = 0;
            foreach (var (scriptVersion, name, sql) in Scripts.Where(script => script.Version > version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"INSERT INTO {VersionTable} (version, name) VALUES ($1, $2)", cancellationToken, scriptVersion, name).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogApplied(logger, scriptVersion, name);
                applied++;
            }

            return applied;
        }
        finally
        {
            // Also released when the connection drops, so a node that dies here does not block the others.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, AdvisoryLocks.Migration).ConfigureAwait(false);
        }
    }

    private static List<(int, string, string)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith("Migrations/", StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource["Migrations/".Length..]);
            var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Item1 != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3 … without gaps; found {scripts[i].Item2} at place {i + 1}.");
            }
        }

        return scripts;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the search schema to version {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
