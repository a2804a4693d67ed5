namespace Search.Client.Tests;

/// <summary>Passes requests on to the service and notes what each carried.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public List<(HttpMethod Method, string Path, string? ApiKey)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues("X-Api-Key", out var values) ? string.Join(",", values) : null;
        Requests.Add((request.Method, request.RequestUri!.AbsolutePath, key));
        return base.SendAsync(request, cancellationToken);
    }
}
