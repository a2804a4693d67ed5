namespace Search.Indexer.Push;

/// <summary>How an <see cref="ArticlePusher"/> batches.</summary>
/// <param name="BatchSize">Most articles in one bulk request.</param>
/// <param name="BatchBytes">Most bytes in one bulk request; a larger article is reported and not sent, since the service
/// may cut off such a request while it is still arriving.</param>
/// <param name="Concurrency">Bulk requests in flight at once.</param>
/// <param name="WaitForSearch">Answer the last request only once searches see everything sent.</param>
internal sealed record PushOptions(int BatchSize = 500, long BatchBytes = 8 * 1024 * 1024, int Concurrency = 2, bool WaitForSearch = false);
