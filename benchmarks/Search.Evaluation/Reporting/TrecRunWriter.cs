using System.Globalization;
using System.Text;
using Search.Evaluation.Systems;

namespace Search.Evaluation.Reporting;

/// <summary>Writes rankings as a TREC run file: <c>qid Q0 docid rank score tag</c>, ranks from 1.</summary>
public static class TrecRunWriter
{
    public static void Write(string path, string tag, IEnumerable<(string QueryId, IReadOnlyList<RankedDocument> Ranking)> runs)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        foreach (var (queryId, ranking) in runs)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queryId} Q0 {ranking[i].Id} {i + 1} {ranking[i].Score:0.######} {tag}"));
            }
        }
    }
}
