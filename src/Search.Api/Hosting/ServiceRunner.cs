using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Search.Core.Indexing;

namespace Search.Api.Hosting;

/// <summary>Runs the service until it is stopped, or refuses to start, with the reason and exit code 1, when another
/// process writes its index or a setting cannot work.</summary>
public static partial class ServiceRunner
{
    /// <summary>The exit code of a service that found its index folder held by another process.</summary>
    public const int IndexLockedExitCode = 1;

    /// <summary>The exit code of a service started with a setting that cannot work (validated as the host starts).</summary>
    public const int InvalidSettingsExitCode = 1;

    /// <returns>0 after a normal stop; <see cref="IndexLockedExitCode"/> when another process holds the index folder;
    /// <see cref="InvalidSettingsExitCode"/> for a setting that cannot work.</returns>
    public static async Task<int> RunNewsSearchAsync(this WebApplication app)
    {
        // Under Mvc.Testing the entry point must fail as it would unhandled: its host waits for a start that an entry
        // point returning a code never makes, and the tests read the reason from the exception.
        var inTestServer = app.Services.GetService<IServer>()?.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";
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
        catch (OptionsValidationException ex) when (!inTestServer)
        {
            LogInvalidSettings(app.Logger, ex.Message);
            return InvalidSettingsExitCode;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The service cannot start, a setting cannot work: {Reason}")]
    private static partial void LogInvalidSettings(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The service cannot start: {Reason}")]
    private static partial void LogIndexLocked(ILogger logger, string reason);
}
