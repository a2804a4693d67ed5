namespace Search.Evaluation.Collections;

/// <summary>Reads a query file: one <c>qid&lt;TAB&gt;query</c> per line.</summary>
public static class QueryFileReader
{
    /// <exception cref="InvalidDataException">A line has no tab.</exception>
    public static List<EvaluationQuery> ReadFile(string path)
    {
        var queries = new List<EvaluationQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 'qid<TAB>query'");
            }

            queries.Add(new EvaluationQuery(line[..tab].Trim(), line[(tab + 1)..]));
        }

        return queries;
    }
}
