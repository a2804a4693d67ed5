using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ranking;
using Search.Core.Storage;

namespace Search.Core.Tests.Ranking;

/// <summary>The forms <see cref="WordForms"/> offers for a stem, read straight from a small index of titles.</summary>
public sealed class WordFormsTests
{
    private static IReadOnlyList<string> FormsOf(string stem, string[] titles, RankingOptions? ranking = null)
    {
        using var directory = new RAMDirectory();
        var config = NewsWriterConfig.Create();
        config.Similarity = new BM25Similarity();
        using (var writer = new IndexWriter(directory, config))
        {
            var id = 0;
            foreach (var title in titles)
            {
                writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article($"doc-{id++}", title)));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        return new WordForms(new TermLookup(reader), ranking ?? new RankingOptions()).Of(stem);
    }

    private static readonly string[] Russia = ["زار الوفد روسيا", "الوزير الروسي في دمشق", "الشركات الروسية تتوسع", "وفد روسي"];

    [Fact]
    public void A_place_name_ending_in_ya_meets_the_stem_of_its_nisba()
    {
        // الروسي، الروسية، روسي all stem to روس, commoner than روسيا, and روسي is written.
        Assert.Equal(["روسيا", "روس"], FormsOf("روسيا", Russia));
        Assert.Equal(["روسيا"], FormsOf("روسيا", Russia, new RankingOptions { AlifEndingVariants = false }));
    }

    [Fact]
    public void An_adverb_in_ya_meets_its_nisba_only_where_the_nisba_is_written()
    {
        // ماليا (financially) is المالي's adverb; مال alone (money) does not vouch for it.
        string[] money = ["دعم الشركة ماليا", "جمع المال للجمعية", "المال والأعمال"];
        Assert.Equal(["ماليا"], FormsOf("ماليا", money));
        Assert.Equal(["ماليا", "مال"], FormsOf("ماليا", [.. money, "الوضع المالي للدولة"]));
    }

    [Fact]
    public void An_unknown_word_ending_in_alif_is_left_to_the_corrector()
    {
        // البوذيساتفا is in no article; cutting it to بوذيساتف (البوذيساتفي's stem) would make it a known word, which
        // the corrector then leaves alone, and the article would match on a shared stem without the exact-form bonus.
        Assert.Equal(["بوذيساتفا"], FormsOf("بوذيساتفا", ["يعرف المعلم البوذيساتفي بالحكمة"]));
    }
}
