using System.Net.Sockets;
using Npgsql;

namespace Search.Postgres;

/// <summary>Which failures mean the database is out of reach for now (restarting, failing over, a network cut), as
/// opposed to a statement the database refused.</summary>
internal static class Connectivity
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) // admin shutdown, crash shutdown, cannot connect now
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
            || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction, // a standby answered while failing over
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
