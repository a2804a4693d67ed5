using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.LoadTest.Writes;

/// <summary>
/// The offline indexer on the same corpus, as a user runs it (<c>dotnet search-indexer.dll index … --index …</c>, its
/// default threads), into a fresh temporary folder, without the final merge. Its own figure covers reading, parsing,
/// analysis, indexing and the final commit; the wall time adds process start and JIT.
/// </summary>
internal static partial class OfflineIndexerRun
{
    /// <exception cref="InvalidOperationException">The indexer failed or printed no summary.</exception>
    public static OfflineIndexerResult Run(string indexerDll, IReadOnlyList<string> inputs)
    {
        var folder = Directory.CreateTempSubdirectory("write-bench-indexer-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(indexerDll);
            start.ArgumentList.Add("index");
            foreach (var input in inputs)
            {
                start.ArgumentList.Add(input);
            }

            start.ArgumentList.Add("--index");
            start.ArgumentList.Add(Path.Combine(folder, "index"));
            start.ArgumentList.Add("--max-segments");
            start.ArgumentList.Add("0");

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var wall = clock.Elapsed;
            var summary = Summary().Match(output);
            if (process.ExitCode is not (0 or 2) || !summary.Success)
            {
                throw new InvalidOperationException($"the indexer exited with code {process.ExitCode}:\n{output}\n{error.Result}");
            }

            var articles = int.Parse(summary.Groups["articles"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var rate = double.Parse(summary.Groups["rate"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            return new OfflineIndexerResult(articles, rate, wall);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // "Indexed 41,682 articles, skipped 0 in 11.2 s: 3,721 docs/s, …" (IndexCommand's summary line).
    [GeneratedRegex(@"Indexed (?<articles>[\d,]+) articles, skipped [\d,]+ in [\d.]+ s: (?<rate>[\d,]+) docs/s")]
    private static partial Regex Summary();
}
