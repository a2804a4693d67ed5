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
    /// <summary>Other wordings of <see cref="Queries"/> (a copy with typing slips), scored on the same index.</summary>
    public IReadOnlyList<QuerySet> OtherWordings { get; init; } = [];

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

        foreach (var wording in OtherWordings)
        {
            if (wording.Queries.Count != Queries.Count || !wording.Queries.Select(query => query.Id).ToHashSet(StringComparer.Ordinal).SetEquals(queryIds))
            {
                throw new InvalidDataException($"query set '{wording.Name}' does not hold exactly the collection's query ids");
            }
        }

        return this;
    }
}
