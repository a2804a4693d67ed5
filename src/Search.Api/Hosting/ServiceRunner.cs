using Microsoft.Extensions.Options;
using Search.Core.Indexing;

namespace Search.Api.Hosting;

/// <summary>Runs the service until it is stopped, or refuses to start when another process writes its index or a
/// setting is invalid.</summary>
public static partial class ServiceRunner
{
    /// <summary>The exit code of a service that found its index folder held by another process.</summary>
    public const int IndexLockedExitCode = 1;

    /// <summary>The exit code of a service whose settings are invalid (a postgres store without a connection string…).</summary>
    public const int InvalidSettingsExitCode = 1;

    /// <returns>0 after a normal stop; <see cref="IndexLockedExitCode"/> when another process holds the index folder;
    /// <see cref="InvalidSettingsExitCode"/> when a setting is invalid.</returns>
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
            LogCannotStart(app.Logger, ex.Message);
            return IndexLockedExitCode;
        }
        catch (OptionsValidationException ex)
        {
            // Likewise: the reasons, one a line, and an exit code, not an abort.
            LogCannotStart(app.Logger, string.Join(Environment.NewLine, ex.Failures));
            return InvalidSettingsExitCode;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The service cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
