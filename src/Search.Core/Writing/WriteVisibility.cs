namespace Search.Core.Writing;

/// <summary>When a write returns, relative to searches seeing it.</summary>
public enum WriteVisibility
{
    /// <summary>Once durable and applied: reads by id see it at once, searches within one refresh interval.</summary>
    Default,

    /// <summary>Once searches see it too (Elasticsearch's <c>refresh=wait_for</c>).</summary>
    WaitForSearch,
}
