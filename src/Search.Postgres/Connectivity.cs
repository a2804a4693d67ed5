using System.Net.Sockets;
using Npgsql;

namespace Search.Postgres;

/// <summary>Which failures mean the database is out of reach for now (restarting, failing over, a network cut), as
/// opposed to a statement the database refused. Treated as out of reach, a failure is retried with a growing pause;
/// anything else is reported to the writer, or stops the node following.</summary>
internal static class Connectivity
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) // admin shutdown, crash shutdown, cannot connect now
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
            || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction, // a standby answered while failing over
        // Every other Npgsql failure is the client's side of a connection: refused, reset, timed out, or "No suitable
        // host was found" while a failover leaves no read-write host for a moment (seen in the failover test).
        NpgsqlException => true,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// A refusal an operator fixes on the database's side while the node runs: the database does not exist yet
    /// (created after the nodes, as containers often start), the password or the role is wrong, a grant is missing.
    /// The node asks again with a growing pause instead of stopping for good.
    /// </summary>
    public static bool IsFixableRefusal(PostgresException exception) => exception.SqlState is
        PostgresErrorCodes.InvalidCatalogName // 3D000: no such database
        or PostgresErrorCodes.InvalidPassword // 28P01
        or PostgresErrorCodes.InvalidAuthorizationSpecification // 28000: no such role, or pg_hba refuses it
        or PostgresErrorCodes.InsufficientPrivilege; // 42501: a grant the schema needs is missing

    /// <summary>
    /// A failure that passes on the database's side while the node waits: the database out of reach
    /// (<see cref="IsTransient"/>), a refusal an operator fixes (<see cref="IsFixableRefusal"/>: a password rotated, a
    /// grant revoked), or a statement the database cancelled (57014: a statement timeout while maintenance holds a
    /// table, or an operator's <c>pg_cancel_backend</c>). Reading the change log waits these out: taken as final, one of
    /// them stopped a node's following until a restart, while its liveness stayed healthy.
    /// </summary>
    public static bool IsPassing(Exception exception) =>
        IsTransient(exception)
        || exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
        || exception is PostgresException refusal && IsFixableRefusal(refusal);
}
