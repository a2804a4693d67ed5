using System.Globalization;
using System.Text;

namespace Search.Evaluation.Reporting;

/// <summary>Formats a report as a Markdown table, ready to paste into RELEVANCE.md.</summary>
public static class ResultsTable
{
    public static string Format(EvaluationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Collection}: {report.Documents:N0} documents, {report.Queries:N0} queries, {report.JudgedQueries:N0} judged; {report.Engine}; {report.CreatedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("| configuration | MRR@10 | Success@1 | Success@10 | nDCG@10 | Recall@100 | no results | index s | search s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in report.Configurations)
        {
            var m = result.Metrics;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Name} | {m.Mrr10:F3} | {m.Success1:F3} | {m.Success10:F3} | {m.Ndcg10:F3} | {m.Recall100:F3} | {result.EmptyResults} | {result.IndexSeconds:F1} | {result.SearchSeconds:F1} |");
        }

        foreach (var wording in report.Configurations.SelectMany(result => result.OtherWordings).Select(result => result.Name).Distinct(StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.Collection}, queries as given and {wording}:");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"| configuration | MRR@10 | MRR@10 {wording} | ratio | Success@10 | Success@10 {wording} | no results {wording} | search s {wording} |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var result in report.Configurations)
            {
                if (result.OtherWordings.FirstOrDefault(other => other.Name == wording) is not { } other)
                {
                    continue;
                }

                var ratio = result.Metrics.Mrr10 > 0 ? other.Metrics.Mrr10 / result.Metrics.Mrr10 : 0;
                text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Name} | {result.Metrics.Mrr10:F4} | {other.Metrics.Mrr10:F4} | {ratio:P1} | {result.Metrics.Success10:F3} | {other.Metrics.Success10:F3} | {other.EmptyResults} | {other.SearchSeconds:F1} |");
            }
        }

        return text.ToString();
    }
}
