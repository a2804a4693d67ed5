using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Suggesting;

namespace Search.Core.Indexing;

/// <summary>
/// Searches a serving index runs on itself when it opens, before it reports <see cref="NewsIndex.Warmed"/>: a fresh
/// process compiles the search path on its first searches, and loads each segment's doc values for facets and
/// collapsing. Measured on the 41,682 shared articles, a burst of 50 searches a second sent as soon as the service said
/// ready took 0.5–1.2 s a search for its first second (and was shed with 503s under admission control), ~15 ms after.
/// </summary>
internal static class SearchWarmup
{
    /// <summary>Enough passes for the runtime to compile the hot methods optimized (30 calls each, then a short delay).</summary>
    private const int Passes = 12;

    /// <summary>The most warming may take, so that a very large index does not hold readiness back for long.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>Runs every kind of request the search box sends, with words of the newest article; nothing on an empty index.</summary>
    /// <returns>The requests run.</returns>
    public static int Run(NewsIndex index, IndexSearcher searcher, CancellationToken cancellationToken)
    {
        if (WordsOfNewestTitle(searcher.IndexReader) is not { Count: > 0 } words)
        {
            return 0;
        }

        var first = words[0];
        var requests = new List<SearchRequest>
        {
            new(string.Join(' ', words)),
            new(string.Join(' ', words), PageSize: 20, Highlight: false),
            new($"ما هو {first}"),
            new($"{first}*"),
        };
        if (words.Count > 1)
        {
            requests.Add(new SearchRequest($"\"{words[0]} {words[1]}\""));
        }

        var clock = Stopwatch.StartNew();
        var ran = 0;
        for (var pass = 0; pass < Passes && clock.Elapsed < Budget; pass++)
        {
            try
            {
                foreach (var request in requests)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    index.Search(request);
                }

                index.Suggest(new SuggestRequest(first[..Math.Min(3, first.Length)]));
                index.Latest(new LatestRequest());
                ran += requests.Count + 2;
            }
            catch (InvalidSearchRequestException)
            {
                // A title whose words make no valid query (too short a prefix, say): warming is a best effort.
                break;
            }
        }

        return ran;
    }

    /// <summary>Up to three words of three letters or more from the title of the last document of the newest segment.</summary>
    private static List<string>? WordsOfNewestTitle(IndexReader reader)
    {
        for (var leafIndex = reader.Leaves.Count - 1; leafIndex >= 0; leafIndex--)
        {
            var leaf = reader.Leaves[leafIndex].AtomicReader;
            var live = leaf.LiveDocs;
            for (var doc = leaf.MaxDoc - 1; doc >= 0; doc--)
            {
                if (live is null || live.Get(doc))
                {
                    var title = leaf.Document(doc).Get(NewsFields.Title) ?? "";
                    return [.. title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Where(word => word.Length >= 3 && word.All(char.IsLetter))
                        .Take(3)];
                }
            }
        }

        return null;
    }
}
