namespace Search.Core.Feeds;

/// <summary>One feed the service polls.</summary>
/// <param name="Url">The RSS 2.0 or Atom document, http or https; it names the feed in logs and statistics.</param>
/// <param name="Source">The source given to its articles when the feed names none.</param>
/// <param name="Interval">Time between polls while the feed answers; failures back off from it.</param>
/// <param name="Section">The section given to its articles when an item has no category.</param>
public sealed record FeedSubscription(Uri Url, string Source, TimeSpan Interval, string? Section = null);
