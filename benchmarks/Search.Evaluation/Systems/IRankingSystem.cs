using Search.Evaluation.Collections;

namespace Search.Evaluation.Systems;

/// <summary>One configuration under test: it indexes a collection once, then answers queries. Search must be
/// thread-safe; indexing is called once, before any search.</summary>
public interface IRankingSystem : IDisposable
{
    /// <param name="progress">Told the number of documents indexed so far.</param>
    void Index(IReadOnlyList<EvaluationDocument> documents, IProgress<int> progress);

    /// <summary>The best <paramref name="depth"/> documents for the query, best first.</summary>
    IReadOnlyList<RankedDocument> Search(string query, int depth);
}
