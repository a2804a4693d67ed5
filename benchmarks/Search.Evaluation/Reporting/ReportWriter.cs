using System.Text.Json;

namespace Search.Evaluation.Reporting;

/// <summary>Writes a report as indented camelCase JSON.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string path, EvaluationReport report) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
}
