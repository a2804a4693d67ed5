using Search.Core.Indexing;

namespace Search.Api.Hosting;

/// <summary>Runs the service until it is stopped, or refuses to start when another process writes its index.</summary>
public static partial class ServiceRunner
{
    /// <summary>The exit code of a service that found its index folder held by another process.</summary>
    public const int IndexLockedExitCode = 1;

    /// <returns>0 after a normal stop; <see cref="IndexLockedExitCode"/> when another process holds the index folder.</returns>
    public static async Task<int> RunNewsSearchAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IndexLockedException ex)
        {
            // The index opens as the host starts, before the port is bound: the host has logged the failure with its
            // stack trace; end with the reason alone and an exit code, not an unhandled-exception abort (134).
            LogIndexLocked(app.Logger, ex.Message);
            return IndexLockedExitCode;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The service cannot start: {Reason}")]
    private static partial void LogIndexLocked(ILogger logger, string reason);
}
