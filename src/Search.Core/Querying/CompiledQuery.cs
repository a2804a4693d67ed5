using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>A user query turned into a Lucene query, with what to highlight. <see cref="Query"/> is null when nothing
/// searchable is left (only stop words, only exclusions).</summary>
public sealed record CompiledQuery(Query? Query, HighlightTerms Highlight);
