using Search.Evaluation.Collections;
using Search.Evaluation.Reporting;
using Search.Evaluation.Running;
using Search.Evaluation.Systems;

namespace Search.Evaluation.Commands;

/// <summary>The end both commands share: score every configuration on the collection, print the table, write the files.</summary>
internal static class ScoringRun
{
    public static void Execute(TestCollection collection, RankingVariant[] variants, bool baselines, int parallel, string output, List<string> notes, TextWriter log)
    {
        var systems = SystemCatalog.For(variants, baselines);
        var folder = Path.GetFullPath(output);
        var report = new EvaluationRunner(log, parallel).Run(collection, systems, folder, Environment.GetCommandLineArgs().Skip(1).ToList(), notes);
        Console.WriteLine();
        Console.Write(ResultsTable.Format(report));
        Console.WriteLine();
        Console.WriteLine($"Wrote {Path.Combine(folder, collection.Name + ".json")} and {systems.Count} run files.");
    }
}
