using System.CommandLine;
using Search.Evaluation.Collections;
using Search.Evaluation.Slips;

namespace Search.Evaluation.Commands;

/// <summary>Runs <c>headlines</c>: builds the headline collection from the news and scores every configuration.</summary>
internal static class HeadlinesCommand
{
    public const int Success = 0;
    public const int Failed = 1;

    public static int Run(ParseResult parseResult)
    {
        var log = Console.Error;
        var inputs = parseResult.GetValue(HeadlinesCommandDefinition.News) ?? [];
        if (DataPaths.ResolveAll(inputs, log) is not { } paths)
        {
            return Failed;
        }

        var queryCount = parseResult.GetValue(HeadlinesCommandDefinition.QueryCount);
        var seed = parseResult.GetValue(HeadlinesCommandDefinition.Seed);
        log.WriteLine($"Reading news from {string.Join(", ", paths)} …");
        var corpus = NewsCorpusReader.Read(paths, log);
        TestCollection collection;
        try
        {
            collection = HeadlineCollection.Build(parseResult.GetValue(HeadlinesCommandDefinition.Name) ?? "headlines", corpus.Articles, queryCount, seed).Validate();
        }
        catch (InvalidDataException ex)
        {
            log.WriteLine($"error: {ex.Message}");
            return Failed;
        }

        var withoutBody = corpus.Articles.Count - collection.Documents.Count;
        var withCopies = collection.Qrels.QueryIds.Count(id => collection.Qrels.Relevant(id).Count > 1);
        log.WriteLine($"Read {corpus.Articles.Count:N0} articles ({corpus.Skipped:N0} records rejected by the reader, {corpus.DuplicateIds:N0} duplicate ids dropped); "
            + $"indexing {collection.Documents.Count:N0} with a body; {collection.Queries.Count:N0} headline queries (seed {seed}), {withCopies:N0} with copies of the same body");
        var notes = new List<string>
        {
            $"{corpus.Articles.Count} articles read from {string.Join(", ", paths.Select(Path.GetFileName))}; {corpus.Skipped} records rejected by the reader "
                + $"(e.g. empty title), {corpus.DuplicateIds} duplicate ids dropped",
            $"{collection.Documents.Count} indexed (title = first sentence of the body, body = body, no lead); {withoutBody} without a body left out",
            $"{collection.Queries.Count} queries: real headlines sampled with seed {seed}; {withCopies} of them have more than one relevant document (same trimmed body)",
        };

        var output = Directory.CreateDirectory(parseResult.GetValue(HeadlinesCommandDefinition.Output)!).FullName;

        // The sample as typed and its judgements, so another slip generator can work from them and score its copy with
        // --wording, and each query's rank be read from the run files.
        QueryFileWriter.Write(Path.Combine(output, collection.Name + ".queries.tsv"), collection.Queries);
        File.WriteAllLines(
            Path.Combine(output, collection.Name + ".qrels.txt"),
            collection.Qrels.QueryIds.SelectMany(id => collection.Qrels.Relevant(id).Order(StringComparer.Ordinal).Select(document => $"{id} 0 {document} 1")));
        if (parseResult.GetValue(HeadlinesCommandDefinition.Slips))
        {
            var slipSeed = parseResult.GetValue(HeadlinesCommandDefinition.SlipSeed);
            var slipped = SlippedQueries.Build(collection.Queries, slipSeed);
            collection = (collection with { OtherWordings = [new QuerySet("slipped", [.. slipped.Select(query => query.Query)])] }).Validate();
            SlippedQueries.Write(Path.Combine(output, collection.Name + ".slipped.tsv"), slipped);
            var counts = SlippedQueries.KindCounts(slipped);
            Console.WriteLine($"Slipped copy of the queries (seed {slipSeed}), queries per slip kind: {counts}");
            notes.Add($"slipped copy of the queries (seed {slipSeed}, in {collection.Name}.slipped.tsv), one slip a query: {counts}");
        }

        try
        {
            collection = (collection with { OtherWordings = [.. collection.OtherWordings, .. CommonOptions.ReadWordings(parseResult.GetValue(HeadlinesCommandDefinition.Wordings) ?? [])] }).Validate();
        }
        catch (InvalidDataException ex)
        {
            log.WriteLine($"error: {ex.Message}");
            return Failed;
        }

        ScoringRun.Execute(
            collection,
            parseResult.GetValue(HeadlinesCommandDefinition.Variants) ?? [],
            parseResult.GetValue(HeadlinesCommandDefinition.Baselines),
            parseResult.GetValue(HeadlinesCommandDefinition.Parallel),
            parseResult.GetValue(HeadlinesCommandDefinition.Output)!,
            notes,
            log);
        return Success;
    }
}
