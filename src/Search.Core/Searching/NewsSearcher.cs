using System.Diagnostics;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Highlighting;
using Search.Core.Navigation;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Spelling;

namespace Search.Core.Searching;

/// <summary>
/// Runs a <see cref="SearchRequest"/> on an <see cref="IndexSearcher"/> it is lent for the call: builds the query,
/// applies filters, sort, recency and cursor, counts facets in the same pass, collapses copies of one story and turns
/// the page into highlighted <see cref="SearchHit"/>s. Thread-safe.
/// </summary>
internal sealed class NewsSearcher(
    NewsQueryBuilder queryBuilder,
    NewsHighlighter highlighter,
    DidYouMean didYouMean,
    SegmentValueCache segmentValues,
    TimeSpan? timeout,
    Counter? timeoutClock = null)
{
    /// <summary>Stored fields a hit without snippets shows: not the lead and body, the bulk of a stored article.</summary>
    private static readonly ISet<string> ListingFields = new HashSet<string>(StringComparer.Ordinal)
    {
        NewsFields.Id, NewsFields.Title, NewsFields.Url, NewsFields.Source, NewsFields.Section, NewsFields.PublishedAtText,
    };

    private const int SnippetCount = 2;
    private const int SnippetLength = 180;

    /// <param name="request">A request that passed <see cref="SearchRequest.Validate()"/>.</param>
    /// <param name="parsed">Its query, as validation parsed it; null for a browse.</param>
    /// <param name="cursor">The request's <see cref="SearchRequest.After"/>, decoded.</param>
    /// <param name="keepSnapshot">Keeps the searcher for cursors and gives the version it is kept under; called only when
    /// the answer hands out a cursor, so that a search without a next page pins no snapshot. Null when not kept.</param>
    public SearchResults Search(IndexSearcher searcher, SearchRequest request, UserQuery? parsed, SearchCursor? cursor, Func<long>? keepSnapshot = null)
    {
        var clock = Stopwatch.StartNew();
        var sort = request.EffectiveSort;
        var requestTime = cursor?.RequestTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        HighlightTerms? terms = null;
        Query query = new MatchAllDocsQuery();
        var inDocumentOrder = true;
        CompiledQuery? compiled = null;
        parsed ??= request.Query is null ? null : UserQueryParser.Parse(request.Query);

        // Cheap until a word needs it: the vocabulary opens its terms on first lookup.
        var corrector = queryBuilder.CorrectorFor(searcher.IndexReader);
        if (request.Query is not null)
        {
            compiled = queryBuilder.Build(parsed!, searcher.IndexReader, corrector);
            if (compiled.Query is null)
            {
                return new SearchResults(request.Query, 0, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, sort, [], null,
                    request.IncludeFacets ? FacetCounts.Empty : null)
                {
                    OnlyStopWords = compiled.OnlyStopWords,
                };
            }

            query = compiled.Query;
            terms = request.Highlight ? compiled.Highlight : null;
            // A disjunction, short or long, scores fastest a window of documents at a time (WindowedDisjunctionScorer):
            // measured against Lucene's document-order scorer, two common words 0.89 -> 0.75 ms p50 (benchmarks/README.md).
            inDocumentOrder = false;
        }

        var built = clock.Elapsed.TotalMilliseconds;
        if (request.RecencyHalfLife is { } halfLife)
        {
            query = new RecencyBoostQuery(query, halfLife, DateTimeOffset.FromUnixTimeSeconds(requestTime));
        }

        var offset = cursor is null ? (request.Page - 1) * request.PageSize : 0;
        var wanted = offset + request.PageSize;

        // Collapsing copies needs more candidates than hits shown; three times the page is ample for news, where a story
        // rarely has more than a handful of copies. One more than the window tells whether anything follows.
        var window = request.CollapseDuplicates ? (wanted * 3) + 20 : wanted;

        var collector = TopFieldCollector.Create(ToLuceneSort(sort), window + 1, cursor?.ToFieldDoc(), fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: inDocumentOrder);
        var facets = request.IncludeFacets ? new FacetCollector(segmentValues) : null;
        ICollector collecting = facets is null ? collector : MultiCollector.Wrap(collector, facets);
        var timedOut = false;
        var budgetClock = timeoutClock ?? TimeLimitingCollector.GlobalCounter;
        var budgetStart = timeout is null ? 0 : budgetClock.Value;
        if (timeout is { } budget)
        {
            collecting = new TimeLimitingCollector(collecting, budgetClock, (long)budget.TotalMilliseconds);
        }

        if (sort == SearchSort.Relevance && cursor is null)
        {
            // The best scores so far tell the scorer which documents' proximity bonus cannot matter (measured: long
            // questions' p99 in benchmarks/README.md, fourteenth session). After a cursor the collector keeps others.
            collecting = new CompetitiveScoreCollector(collecting, window + 1);
        }

        try
        {
            searcher.Search(query, request.Filters.ToFilter(), collecting);
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            // What was collected so far stands: a partial answer now beats a complete one after the client gave up.
            timedOut = true;
        }

        compiled?.GiveBackPostings();

        var top = collector.GetTopDocs();
        var matched = clock.Elapsed.TotalMilliseconds;
        var hasMore = !timedOut && top.ScoreDocs.Length > window;
        var candidates = hasMore ? top.ScoreDocs[..window] : top.ScoreDocs;

        var shownBefore = cursor?.ShownStories ?? [];
        var groups = request.CollapseDuplicates
            ? DuplicateCollapser.Collapse(searcher.IndexReader, segmentValues, candidates, shownBefore)
            : [.. candidates.Select(hit => new StoryGroup(null, [hit]))];
        var page = groups.Skip(offset).Take(request.PageSize).ToList();
        var listing = new ListingReader(segmentValues);
        // Snippets too keep to the time budget: past it, the page's other hits show their opening, which reads no more
        // than the article (100 hits of 1 MB articles had taken 3.9 s to mark under a write flood).
        var hits = page.Select(group => ToHit(searcher, group.Copies, terms, listing, OverBudget())).ToList();
        var shown = shownBefore.Concat(groups.Take(offset + page.Count).Select(group => group.Hash).OfType<long>());
        var next = NextCursorPosition(candidates, groups, offset + page.Count, hasMore);
        var suggestion = compiled is not null && !timedOut && DidYouMean.IsWanted(compiled.HasUnseenWords, top.TotalHits)
            ? didYouMean.For(request.Query!, parsed!, searcher, corrector, compiled.UnknownWords, top.TotalHits, compiled.RetypedWords)
            : null;
        bool OverBudget() => timeout is { } budget && budgetClock.Value - budgetStart > (long)budget.TotalMilliseconds;

        return new SearchResults(
            request.Query,
            top.TotalHits,
            request.Page,
            request.PageSize,
            clock.Elapsed.TotalMilliseconds,
            sort,
            hits,
            next is null ? null : SearchCursor.After(request, next, keepSnapshot?.Invoke(), requestTime, shown).Encode(),
            facets?.Result())
        {
            TimedOut = timedOut,
            Timings = new SearchTimings(built, matched - built, clock.Elapsed.TotalMilliseconds - matched),
            DidYouMean = suggestion,
        };
    }

    /// <summary>
    /// The last hit consumed: just before the first story not shown, so copies of shown stories between are skipped;
    /// null when nothing follows.
    /// </summary>
    private static FieldDoc? NextCursorPosition(ScoreDoc[] candidates, List<StoryGroup> groups, int shownGroups, bool hasMore)
    {
        if (shownGroups == 0)
        {
            return null;
        }

        if (groups.Count > shownGroups)
        {
            var nextLeader = Array.IndexOf(candidates, groups[shownGroups].Copies[0]);
            return (FieldDoc)candidates[nextLeader - 1];
        }

        return hasMore ? (FieldDoc)candidates[^1] : null;
    }

    public static Sort ToLuceneSort(SearchSort sort)
    {
        var byId = new SortField(NewsFields.Id, new IdTieBreakSource());
        if (sort == SearchSort.Relevance)
        {
            return new Sort(SortField.FIELD_SCORE, byId);
        }

        // Undated articles sort last either way.
        var byDate = new SortField(NewsFields.PublishedAt, SortFieldType.INT64, reverse: sort == SearchSort.Newest);
        byDate.SetMissingValue(sort == SearchSort.Newest ? long.MinValue : long.MaxValue);
        return new Sort(byDate, byId);
    }

    private SearchHit ToHit(IndexSearcher searcher, List<ScoreDoc> group, HighlightTerms? terms, ListingReader listing, bool overBudget)
    {
        var article = terms is null
            ? listing.Read(searcher.IndexReader, group[0].Doc) ?? NewsDocumentMapper.ToArticle(searcher.Doc(group[0].Doc, ListingFields))
            : NewsDocumentMapper.ToArticle(searcher.Doc(group[0].Doc));
        var highlights = terms is null ? new HitHighlights(HtmlEscaper.Escape(article.Title), [])
            : overBudget ? new HitHighlights(highlighter.HighlightAll(article.Title, terms), Opening(article))
            : new HitHighlights(highlighter.HighlightAll(article.Title, terms), Snippets(article, terms));
        return StoryHits.Create(searcher, article, group, highlights);
    }

    /// <summary>Passages of the body that match; else of the lead; else the opening, so a hit always shows some text.</summary>
    private IReadOnlyList<string> Snippets(NewsArticle article, HighlightTerms terms)
    {
        foreach (var text in new[] { article.Body, article.Lead })
        {
            if (!string.IsNullOrEmpty(text) && highlighter.Snippets(text, terms, SnippetCount, SnippetLength) is { Count: > 0 } snippets)
            {
                return snippets;
            }
        }

        return Opening(article);
    }

    private static IReadOnlyList<string> Opening(NewsArticle article)
    {
        var opening = article.Lead ?? article.Body;
        return string.IsNullOrEmpty(opening) ? [] : [NewsHighlighter.Opening(opening, SnippetLength)];
    }
}
