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

        return text.ToString();
    }
}
