namespace Search.Evaluation.Collections;

/// <summary>Writes queries as <see cref="QueryFileReader"/> reads them: one <c>qid&lt;TAB&gt;query</c> per line.</summary>
public static class QueryFileWriter
{
    public static void Write(string path, IEnumerable<EvaluationQuery> queries) =>
        File.WriteAllLines(path, queries.Select(query => $"{query.Id}\t{query.Text.ReplaceLineEndings(" ").Replace('\t', ' ')}"));
}
