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

        var main = Score(system, new QuerySet(collection.Name, collection.Queries), collection.Qrels, outputDirectory, definition.Name);
        var wordings = collection.OtherWordings
            .Select(wording => Score(system, wording with { Name = $"{collection.Name}.{wording.Name}" }, collection.Qrels, outputDirectory, definition.Name) with { Name = wording.Name })
            .ToList();
        var wordingScores = string.Concat(wordings.Select(wording => FormattableString.Invariant($"; {wording.Name} MRR@10 {wording.Metrics.Mrr10:F3}")));
        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{definition.Name}] indexed in {indexSeconds:F1} s, searched in {main.SearchSeconds:F1} s: MRR@10 {main.Metrics.Mrr10:F3}, nDCG@10 {main.Metrics.Ndcg10:F3}{wordingScores}"));
        return new ConfigurationResult(
            definition.Name,
            definition.Description,
            definition.Ranking,
            main.Metrics,
            main.EmptyResults,
            indexSeconds,
            main.SearchSeconds,
            main.RunFile)
        {
            OtherWordings = wordings,
        };
    }

    /// <summary>Runs every query (top <see cref="Depth"/>), writes the TREC run file
    /// (<c>&lt;set name&gt;.&lt;configuration&gt;.run</c>) and scores it.</summary>
    private static WordingResult Score(IRankingSystem system, QuerySet set, Qrels qrels, string outputDirectory, string tag)
    {
        var queries = set.Queries;
        var runFile = Path.Combine(outputDirectory, $"{set.Name}.{tag}.run");
        var clock = Stopwatch.StartNew();
        var rankings = new IReadOnlyList<RankedDocument>[queries.Count];
        var suggestions = new string?[queries.Count];
        if (system is ISuggestingSystem suggesting)
        {
            Parallel.For(0, queries.Count, i => (rankings[i], suggestions[i]) = suggesting.SearchWithSuggestion(queries[i].Text, Depth));
        }
        else
        {
            Parallel.For(0, queries.Count, i => rankings[i] = system.Search(queries[i].Text, Depth));
        }

        var searchSeconds = clock.Elapsed.TotalSeconds;
        TrecRunWriter.Write(runFile, tag, queries.Select((query, i) => (query.Id, rankings[i])));
        if (system is ISuggestingSystem)
        {
            // qid, the query as run, the "did you mean" offered (empty when none): how often it gives back what was meant.
            File.WriteAllLines(
                Path.ChangeExtension(runFile, ".didyoumean.tsv"),
                queries.Select((query, i) => $"{query.Id}\t{Flat(query.Text)}\t{Flat(suggestions[i] ?? string.Empty)}"));
        }

        var byQuery = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++)
        {
            byQuery[queries[i].Id] = [.. rankings[i].Select(hit => hit.Id)];
        }

        return new WordingResult(set.Name, Metrics.Average(byQuery, qrels), rankings.Count(ranking => ranking.Count == 0), searchSeconds, runFile);
    }

    private static string Flat(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');
}
