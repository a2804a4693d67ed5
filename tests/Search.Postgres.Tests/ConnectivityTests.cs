using Npgsql;

namespace Search.Postgres.Tests;

/// <summary>What is retried as the database being out of reach, and what is not.</summary>
public sealed class ConnectivityTests
{
    [Fact]
    public void Connection_failures_and_a_failover_without_a_primary_are_retried()
    {
        Assert.True(Connectivity.IsTransient(new NpgsqlException("No suitable host was found.", new AggregateException(new NpgsqlException("Failed to connect")))));
        Assert.True(Connectivity.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(Connectivity.IsTransient(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(Connectivity.IsTransient(new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction)));
    }

    [Fact]
    public void A_statement_the_database_refuses_is_not_retried()
    {
        Assert.False(Connectivity.IsTransient(new PostgresException("index row size exceeds maximum", "ERROR", "ERROR", PostgresErrorCodes.ProgramLimitExceeded)));
        Assert.False(Connectivity.IsTransient(new PostgresException("relation \"change_log\" does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable)));
        Assert.False(Connectivity.IsTransient(new InvalidDataException("The index holds changes the database does not")));
    }
}
