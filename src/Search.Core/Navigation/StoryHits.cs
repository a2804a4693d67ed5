using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Navigation;

/// <summary>Turns a story (its best-ranked copy first) into the <see cref="SearchHit"/> that stands for all its copies.</summary>
internal static class StoryHits
{
    private const int MaxDuplicateIds = 10;

    public static SearchHit Create(IndexSearcher searcher, NewsArticle leader, List<ScoreDoc> copies, HitHighlights highlights)
    {
        var duplicateIds = copies.Count == 1
            ? null
            : copies.Skip(1).Take(MaxDuplicateIds).Select(copy => ArticleIds.Of(searcher.IndexReader, copy.Doc)).ToList();
        return new SearchHit(
            leader.Id,
            leader.Title,
            leader.Url,
            leader.Source,
            leader.Section,
            leader.PublishedAt,
            float.IsNaN(copies[0].Score) ? 0 : copies[0].Score,
            highlights,
            copies.Count - 1,
            duplicateIds);
    }
}
