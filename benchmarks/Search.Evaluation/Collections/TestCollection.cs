using Search.Evaluation.Scoring;

namespace Search.Evaluation.Collections;

/// <summary>Documents to index, queries to run and the judgements that score them.</summary>
/// <param name="Name">Names the output files (<c>&lt;name&gt;.json</c>, <c>&lt;name&gt;.&lt;configuration&gt;.run</c>).</param>
public sealed record TestCollection(
    string Name,
    IReadOnlyList<EvaluationDocument> Documents,
    IReadOnlyList<EvaluationQuery> Queries,
    Qrels Qrels)
{
    /// <summary>Throws when two documents or two queries share an id, or an id would break a TREC line.</summary>
    /// <exception cref="InvalidDataException">The collection is not usable as it is.</exception>
    public TestCollection Validate()
    {
        var documentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in Documents)
        {
            if (document.Id.Length == 0 || document.Id.Any(char.IsWhiteSpace))
            {
                throw new InvalidDataException($"document id '{document.Id}' is empty or contains whitespace");
            }

            if (!documentIds.Add(document.Id))
            {
                throw new InvalidDataException($"document id '{document.Id}' occurs twice");
            }
        }

        var queryIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in Queries)
        {
            if (!queryIds.Add(query.Id))
            {
                throw new InvalidDataException($"query id '{query.Id}' occurs twice");
            }
        }

        return this;
    }
}
