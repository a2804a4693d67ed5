using System.CommandLine;
using Search.Indexer.Push;

namespace Search.Indexer.Tests;

/// <summary>Runs the command line in process and captures what it prints.</summary>
internal static class Cli
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(ServiceConnection? service, params string[] args) =>
        RunAsync(service, CancellationToken.None, args);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(ServiceConnection? service, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new InvocationConfiguration
        {
            Output = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            ProcessTerminationTimeout = null,
        };
        var exit = await IndexerCli.Create(service).Parse(args).InvokeAsync(configuration, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
