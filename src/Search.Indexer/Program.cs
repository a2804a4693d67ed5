using System.CommandLine;
using Search.Indexer;

// Ctrl+C (or SIGTERM) cancels the command's token: it commits, or finishes the batches in flight, and exits 130 or,
// watching, 0. Only when that takes over a minute does the process end regardless.
return await IndexerCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) });
