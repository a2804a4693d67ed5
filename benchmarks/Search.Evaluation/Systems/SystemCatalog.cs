using System.Globalization;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Evaluation.Systems;

/// <summary>The configurations every run compares: two stock Lucene baselines, the service as shipped, and any
/// ranking variants asked for.</summary>
public static class SystemCatalog
{
    public const string Standard = "standard";
    public const string StockArabic = "stock-arabic";
    public const string Ours = "ours";

    /// <param name="baselines">False leaves out the two stock Lucene baselines.</param>
    public static IReadOnlyList<SystemDefinition> For(IEnumerable<RankingVariant> variants, bool baselines = true) =>
    [
        .. baselines ? Baselines() : [],
        Service(Ours, new RankingOptions()),
        .. variants.Select(variant => Service(variant.Name, variant.Ranking)),
    ];

    private static SystemDefinition[] Baselines() =>
    [
        new(
            Standard,
            "Lucene StandardAnalyzer (LUCENE_48), BM25 k1=1.2 b=0.75, OR of the analyzed words over title and body",
            null,
            () => new LuceneBaselineSystem(new StandardAnalyzer(LuceneVersion.LUCENE_48))),
        new(
            StockArabic,
            "Lucene ArabicAnalyzer (LUCENE_48), BM25 k1=1.2 b=0.75, OR of the analyzed words over title and body",
            null,
            () => new LuceneBaselineSystem(new ArabicAnalyzer(LuceneVersion.LUCENE_48))),
    ];

    private static SystemDefinition Service(string name, RankingOptions ranking) => new(
        name,
        string.Create(CultureInfo.InvariantCulture, $"NewsIndex.InMemory, {RankingText(ranking)}"),
        ranking,
        () => new NewsIndexSystem(ranking));

    /// <summary>"TitleBoost = 1, ExactFormBoost = 1, …": the record's own listing, without the braces, in invariant culture.</summary>
    private static string RankingText(RankingOptions ranking)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            return ranking.ToString().Replace(nameof(RankingOptions), string.Empty, StringComparison.Ordinal).Trim(' ', '{', '}');
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
