namespace Search.Core.Suggesting;

/// <summary>
/// Occurrences weighted by how recent their stories are: a story adds 1 plus <see cref="SuggestionOptions.FreshStoryWeight"/>
/// × 2^(−age / half-life). Exponential decay keeps its shape when the clock moves (every weight shrinks by the same
/// factor), so a segment sums its stories' weights once, against the newest story it holds, and a query rescales that
/// sum by the segment's own age: no rebuild as time passes.
/// </summary>
internal static class Freshness
{
    /// <summary>2^((<paramref name="seconds"/> − <paramref name="referenceSeconds"/>) / half-life), at most 1: a time
    /// after the reference (a story dated in the future) counts as the reference.</summary>
    public static double Decay(long seconds, long referenceSeconds, TimeSpan halfLife) =>
        double.Exp2(Math.Min(0, seconds - referenceSeconds) / halfLife.TotalSeconds);

    /// <summary>The rank of something <paramref name="count"/> stories hold, whose weights at the query's time sum to
    /// <paramref name="freshness"/>.</summary>
    public static double Score(int count, double freshness, SuggestionOptions options) =>
        count + (options.FreshStoryWeight * freshness);
}
