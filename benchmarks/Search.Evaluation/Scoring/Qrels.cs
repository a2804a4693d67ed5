using System.Globalization;

namespace Search.Evaluation.Scoring;

/// <summary>Relevance judgements: for each judged query, the documents that are relevant to it. Only queries with at
/// least one relevant document are kept; they are the ones every metric averages over.</summary>
public sealed class Qrels(IReadOnlyDictionary<string, IReadOnlySet<string>> relevant)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>Judged query ids, in ordinal order.</summary>
    public IReadOnlyList<string> QueryIds { get; } = [.. relevant.Where(pair => pair.Value.Count > 0).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    public IReadOnlySet<string> Relevant(string queryId) => relevant.TryGetValue(queryId, out var documents) ? documents : None;

    /// <summary>Reads TREC qrels, <c>qid iteration docid relevance</c> per line; relevance above 0 counts as relevant.</summary>
    /// <exception cref="InvalidDataException">A line does not have four fields or an integer relevance.</exception>
    public static Qrels Load(string path)
    {
        var relevant = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length != 4 || !int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 'qid 0 docid relevance'");
            }

            if (!relevant.TryGetValue(fields[0], out var documents))
            {
                relevant[fields[0]] = documents = new HashSet<string>(StringComparer.Ordinal);
            }

            if (grade > 0)
            {
                documents.Add(fields[2]);
            }
        }

        return new Qrels(relevant.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal));
    }
}
