using Lucene.Net.Search;

namespace Search.Core.Navigation;

/// <summary>Ranked hits that are copies of one story, best first; <see cref="Hash"/> is the story's near-duplicate hash.</summary>
internal sealed record StoryGroup(long? Hash, List<ScoreDoc> Copies);
