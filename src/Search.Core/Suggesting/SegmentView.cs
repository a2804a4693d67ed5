using Lucene.Net.Index;

namespace Search.Core.Suggesting;

/// <summary>One segment as a query sees it: its suggestions, what its deleted articles added to them, and the factor
/// that brings its recency weights (summed against its newest story) to the query's time.</summary>
internal readonly record struct SegmentView(AtomicReader Reader, SegmentSuggestions Data, DeletedCounts Deleted, double Factor);
