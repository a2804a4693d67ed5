using System.Diagnostics;
using System.Globalization;
using Search.Evaluation.Collections;
using Search.Evaluation.Reporting;
using Search.Evaluation.Scoring;
using Search.Evaluation.Systems;

namespace Search.Evaluation.Running;

/// <summary>
/// Runs every configuration on a collection: index, run every query (top <see cref="Depth"/>), write the TREC run
/// file, score it against the qrels. Configurations run <paramref name="parallelism"/> at a time, each built fresh and
/// disposed when done, so at most that many indexes are in memory at once. Indexing is single-threaded per
/// configuration, so tie order (document order) and therefore every score is the same on every run.
/// </summary>
/// <param name="log">Progress lines; must be synchronized (Console.Error is).</param>
public sealed class EvaluationRunner(TextWriter log, int parallelism)
{
    public const int Depth = 100;

    public EvaluationReport Run(
        TestCollection collection,
        IReadOnlyList<SystemDefinition> systems,
        string outputDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyList<string> notes)
    {
        Directory.CreateDirectory(outputDirectory);
        var results = new ConfigurationResult[systems.Count];
        Parallel.For(
            0,
            systems.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => results[i] = RunOne(collection, systems[i], outputDirectory));

        var report = new EvaluationReport(
            collection.Name,
            DateTimeOffset.UtcNow,
            arguments,
            EngineFingerprint.Current,
            collection.Documents.Count,
            collection.Queries.Count,
            collection.Qrels.QueryIds.Count,
            notes,
            results);
        ReportWriter.Write(Path.Combine(outputDirectory, collection.Name + ".json"), report);
        return report;
    }

    private ConfigurationResult RunOne(TestCollection collection, SystemDefinition definition, string outputDirectory)
    {
        var clock = Stopwatch.StartNew();
        using var system = definition.Create();
        system.Index(collection.Documents, new IndexingProgress(definition.Name, collection.Documents.Count, log));
        var indexSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var queries = collection.Queries;
        var rankings = new IReadOnlyList<RankedDocument>[queries.Count];
        Parallel.For(0, queries.Count, i => rankings[i] = system.Search(queries[i].Text, Depth));
        var searchSeconds = clock.Elapsed.TotalSeconds;

        var runFile = Path.Combine(outputDirectory, $"{collection.Name}.{definition.Name}.run");
        TrecRunWriter.Write(runFile, definition.Name, queries.Select((query, i) => (query.Id, rankings[i])));

        var byQuery = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++)
        {
            byQuery[queries[i].Id] = [.. rankings[i].Select(hit => hit.Id)];
        }

        var metrics = Metrics.Average(byQuery, collection.Qrels);
        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{definition.Name}] indexed in {indexSeconds:F1} s, searched in {searchSeconds:F1} s: MRR@10 {metrics.Mrr10:F3}, nDCG@10 {metrics.Ndcg10:F3}"));
        return new ConfigurationResult(
            definition.Name,
            definition.Description,
            definition.Ranking,
            metrics,
            rankings.Count(ranking => ranking.Count == 0),
            indexSeconds,
            searchSeconds,
            runFile);
    }
}
