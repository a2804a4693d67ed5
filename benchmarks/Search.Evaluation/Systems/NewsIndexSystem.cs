using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Evaluation.Collections;

namespace Search.Evaluation.Systems;

/// <summary>
/// The service itself: an in-memory <see cref="NewsIndex"/> with the given ranking, each document upserted as a
/// <see cref="NewsArticle"/> with a title and a body, and each query sent as the search box would send it. Queries
/// longer than <see cref="SearchRequest.MaxQueryLength"/> are cut to that length, as the box would refuse them.
/// Copies of one story are not collapsed and facets are not counted: collapsing only regroups the same ranking for
/// display, and would hide relevant copies from Recall@100 and nDCG@10.
/// </summary>
public sealed class NewsIndexSystem(RankingOptions ranking) : ISuggestingSystem
{
    private const int ProgressEvery = 1000;

    private readonly NewsIndex _index = NewsIndex.InMemory(ranking);

    public void Index(IReadOnlyList<EvaluationDocument> documents, IProgress<int> progress)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            _index.Upsert(new NewsArticle
            {
                Id = document.Id,
                Title = document.Title,
                Body = string.IsNullOrWhiteSpace(document.Body) ? null : document.Body,
            });
            if ((i + 1) % ProgressEvery == 0)
            {
                progress.Report(i + 1);
            }
        }

        _index.Refresh();
        progress.Report(documents.Count);
    }

    public IReadOnlyList<RankedDocument> Search(string query, int depth) => SearchWithSuggestion(query, depth).Hits;

    public (IReadOnlyList<RankedDocument> Hits, string? DidYouMean) SearchWithSuggestion(string query, int depth)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ([], null);
        }

        var typed = query.Length > SearchRequest.MaxQueryLength ? query[..SearchRequest.MaxQueryLength] : query;
        var request = new SearchRequest(typed, Page: 1, PageSize: Math.Min(depth, SearchRequest.MaxPageSize), Highlight: false)
        {
            CollapseDuplicates = false,
            IncludeFacets = false,
        };
        var results = _index.Search(request);
        return ([.. results.Hits.Select(hit => new RankedDocument(hit.Id, hit.Score))], results.DidYouMean);
    }

    public void Dispose() => _index.Dispose();
}
