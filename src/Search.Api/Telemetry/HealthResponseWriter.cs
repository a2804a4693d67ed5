using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Search.Api.Telemetry;

/// <summary>Writes a health report as JSON: the overall status, the article count when a check reports one, and each
/// check's status, description and data.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var articles = report.Entries.Values.Select(entry => entry.Data.TryGetValue("articles", out var count) ? count : null).FirstOrDefault(count => count is not null);
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["articles"] = articles,
            ["durationMs"] = report.TotalDuration.TotalMilliseconds,
            ["checks"] = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new Dictionary<string, object?>
                {
                    ["status"] = entry.Value.Status.ToString(),
                    ["description"] = entry.Value.Description,
                    ["data"] = entry.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
