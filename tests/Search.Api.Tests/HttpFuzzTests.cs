using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>
/// Thousands of seeded random requests (<see cref="RandomRequests"/>) against the service on the sample corpus: none may
/// answer 5xx, and every 4xx must be a problem-details body a client can read.
/// </summary>
[Collection(SampleIndexCollection.Name)]
public sealed class HttpFuzzTests(SearchApiFactory app, ITestOutputHelper output)
{
    private const int Seed = 20261203;
    private const int RequestCount = 3000;
    private const int Parallel = 4;

    /// <summary>Counted apart: a request the server itself refuses, which never reaches the service.</summary>
    private const int RefusedByServer = 0;

    [Fact]
    public async Task RandomRequestsNeverGetA5xxAndEvery4xxIsAProblem()
    {
        var requests = new RandomRequests(Seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        using var client = app.CreateClient();
        var clock = Stopwatch.StartNew();

        // Batches keep the sequence of addresses (and so the run) the same for a seed; cursors found feed later batches.
        for (var sent = 0; sent < RequestCount; sent += Parallel)
        {
            var batch = Enumerable.Range(0, Parallel).Select(_ => requests.Next()).ToList();
            foreach (var (path, status, problem, cursor) in await Task.WhenAll(batch.Select(path => SendAsync(client, path))))
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500 || problem is not null)
                {
                    failures.Add($"{status} {path[..Math.Min(path.Length, 300)]}: {problem}");
                }

                if (cursor is not null)
                {
                    requests.Cursors.Add(cursor);
                }
            }
        }

        output.WriteLine($"{RequestCount} requests in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", statuses.OrderBy(status => status.Key).Select(status => $"{status.Key} × {status.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, first ones:\n{string.Join('\n', failures.Take(20))}");
        Assert.True(statuses.GetValueOrDefault(200) > RequestCount / 10, "too few requests succeeded to exercise searching");
    }

    /// <returns>The status, what is wrong with an error body (null when it is a proper problem), and any next cursor.</returns>
    private static async Task<(string Path, int Status, string? Problem, string? Cursor)> SendAsync(HttpClient client, string path)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(new Uri(path, UriKind.Relative));
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // %00 in a path: the server refuses it before any application code runs (Kestrel answers a bare 400).
            return (path, RefusedByServer, null, null);
        }

        using var _ = response;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status < 400)
        {
            return (path, status, null, NextCursor(body));
        }

        if (response.Content.Headers.ContentType?.MediaType != ApiClientExtensions.ProblemJson)
        {
            return (path, status, $"content type {response.Content.Headers.ContentType}: {body[..Math.Min(body.Length, 200)]}", null);
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var statusMatches = root.TryGetProperty("status", out var written) && written.GetInt32() == status;
            var titled = root.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString());
            return (path, status, statusMatches && titled ? null : $"incomplete problem: {body[..Math.Min(body.Length, 200)]}", null);
        }
        catch (JsonException)
        {
            return (path, status, $"not JSON: {body[..Math.Min(body.Length, 200)]}", null);
        }
    }

    private static string? NextCursor(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String
                ? cursor.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
