namespace Search.Core.Suggesting;

/// <summary>How suggestions are ranked and how much of the index they keep in memory.</summary>
public sealed record SuggestionOptions
{
    /// <summary>A story this old adds half as much freshness to the words of its title as one published now.</summary>
    public TimeSpan RecencyHalfLife { get; init; } = TimeSpan.FromDays(7);

    /// <summary>What a story published now adds on top of the 1 every story adds: with 9, a fresh story counts ten
    /// times one long past, so a name in today's headlines outranks a word merely common over the years.</summary>
    public double FreshStoryWeight { get; init; } = 9;

    /// <summary>Folded characters of a title kept for prefix lookup; a longer typed text is checked against the stored
    /// title. Bounds the memory titles take (most headlines are shorter).</summary>
    public int MaxTitleKeyLength { get; init; } = 64;

    /// <summary>How many articles must share a phrase before it is offered: a phrase is worth offering when it recurs.</summary>
    public int MinPhraseCount { get; init; } = 2;

    /// <summary>Segments with at least this many articles keep only phrases that occur at least
    /// <see cref="MinPhraseCount"/> times in them: most two- and three-word sequences of a headline occur once, and
    /// keeping them all would take several times the memory of everything else. Smaller segments (the newest
    /// articles, flushed every second) keep every phrase, so a phrase shared by new stories appears before a merge.</summary>
    public int PrunePhrasesFromDocs { get; init; } = 1_000;

    /// <summary>
    /// Build segments' suggestions before anyone asks, while the index refreshes in the background (serving): the index
    /// as opened in a background task, merged segments in the merge thread, new segments after each refresh. Turn it
    /// off for a bulk load that refreshes only to flush (the indexer CLI on one thread): nobody asks there, and each
    /// build reads every title of its segment.
    /// </summary>
    public bool BuildAhead { get; init; } = true;

    /// <summary>The clock recency is measured on; a test may substitute its own.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
