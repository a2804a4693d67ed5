using System.CommandLine;
using Search.Evaluation.Collections;
using Search.Evaluation.Scoring;

namespace Search.Evaluation.Commands;

/// <summary>Runs <c>eval</c>: reads the passages, distractors, queries and qrels, then scores every configuration.</summary>
internal static class EvalCommand
{
    public const int Success = 0;
    public const int Failed = 1;

    public static int Run(ParseResult parseResult)
    {
        var log = Console.Error;
        var inputs = new[]
        {
            parseResult.GetRequiredValue(EvalCommandDefinition.Passages),
            parseResult.GetRequiredValue(EvalCommandDefinition.Queries),
            parseResult.GetRequiredValue(EvalCommandDefinition.Qrels),
        };
        var distractorInputs = parseResult.GetValue(EvalCommandDefinition.Distractors) ?? [];
        if (DataPaths.ResolveAll([.. inputs, .. distractorInputs], log) is not { } resolved)
        {
            return Failed;
        }

        var (passagesPath, queriesPath, qrelsPath) = (resolved[0], resolved[1], resolved[2]);
        var distractorPaths = resolved.Skip(inputs.Length).ToList();
        var name = parseResult.GetValue(EvalCommandDefinition.Name)
            ?? Path.GetFileName(Path.GetDirectoryName(passagesPath))! + (distractorPaths.Count > 0 ? "-distractors" : string.Empty);

        TestCollection collection;
        var notes = new List<string>();
        try
        {
            var documents = PassageReader.ReadFile(passagesPath);
            log.WriteLine($"Read {documents.Count:N0} passages from {passagesPath}");
            notes.Add($"{documents.Count} passages from {Path.GetFileName(passagesPath)}");
            if (distractorPaths.Count > 0)
            {
                log.WriteLine($"Reading distractors from {string.Join(", ", distractorPaths)} …");
                var corpus = NewsCorpusReader.Read(distractorPaths, log);
                documents.AddRange(DistractorDocuments.From(corpus.Articles));
                log.WriteLine($"Read {corpus.Articles.Count:N0} distractor articles ({corpus.Skipped:N0} records rejected by the reader, {corpus.DuplicateIds:N0} duplicate ids dropped)");
                notes.Add($"{corpus.Articles.Count} distractor articles (title + body, lead only when the body is empty) from "
                    + $"{string.Join(", ", distractorPaths.Select(Path.GetFileName))}; {corpus.Skipped} records rejected by the reader, "
                    + $"{corpus.DuplicateIds} duplicate ids dropped");
            }

            collection = new TestCollection(name, documents, QueryFileReader.ReadFile(queriesPath), Qrels.Load(qrelsPath))
            {
                OtherWordings = CommonOptions.ReadWordings(parseResult.GetValue(EvalCommandDefinition.Wordings) ?? []),
            }.Validate();
        }
        catch (InvalidDataException ex)
        {
            log.WriteLine($"error: {ex.Message}");
            return Failed;
        }

        ReportUnknownJudgements(collection, log, notes);
        ScoringRun.Execute(
            collection,
            parseResult.GetValue(EvalCommandDefinition.Variants) ?? [],
            parseResult.GetValue(EvalCommandDefinition.Baselines),
            parseResult.GetValue(EvalCommandDefinition.Parallel),
            parseResult.GetValue(EvalCommandDefinition.Output)!,
            notes,
            log);
        return Success;
    }

    /// <summary>Judged queries without query text, or relevant documents not in the index, cap what any system can score.</summary>
    private static void ReportUnknownJudgements(TestCollection collection, TextWriter log, List<string> notes)
    {
        var queryIds = collection.Queries.Select(query => query.Id).ToHashSet(StringComparer.Ordinal);
        var documentIds = collection.Documents.Select(document => document.Id).ToHashSet(StringComparer.Ordinal);
        var unrun = collection.Qrels.QueryIds.Count(id => !queryIds.Contains(id));
        var unknownDocuments = collection.Qrels.QueryIds.SelectMany(collection.Qrels.Relevant).Distinct(StringComparer.Ordinal).Count(id => !documentIds.Contains(id));
        var unjudged = collection.Queries.Count(query => collection.Qrels.Relevant(query.Id).Count == 0);
        foreach (var (count, what) in new[]
        {
            (unrun, "judged queries have no query text and score 0"),
            (unknownDocuments, "relevant documents are not in the collection"),
            (unjudged, "queries have no relevant document and are not scored"),
        })
        {
            if (count > 0)
            {
                log.WriteLine($"warning: {count:N0} {what}");
                notes.Add($"{count} {what}");
            }
        }
    }
}
