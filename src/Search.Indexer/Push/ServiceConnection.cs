namespace Search.Indexer.Push;

/// <summary>How the commands reach a running service: the HTTP transport and the waits between retries. Tests pass
/// an in-process server's handler and short waits.</summary>
public sealed class ServiceConnection
{
    /// <summary>About 7.5 s in all: long enough for a service to restart, short enough to fail a run that cannot go on.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly HttpMessageHandler? _handler;

    /// <param name="handler">The transport; a new socket handler per client when null. Not disposed here.</param>
    /// <param name="retryDelays">The wait before each retry of a batch; as many retries as waits.</param>
    public ServiceConnection(HttpMessageHandler? handler = null, IReadOnlyList<TimeSpan>? retryDelays = null)
    {
        _handler = handler;
        RetryDelays = retryDelays ?? DefaultRetryDelays;
    }

    public IReadOnlyList<TimeSpan> RetryDelays { get; }

    internal ServiceClient Connect(Uri baseAddress, string apiKey)
    {
        var http = _handler is null ? new HttpClient() : new HttpClient(_handler, disposeHandler: false);

        // Relative paths resolve under the address only when it ends with a slash (http://host/search/ + api/...).
        http.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        http.Timeout = TimeSpan.FromMinutes(2);
        return new ServiceClient(http, apiKey, RetryDelays);
    }
}
