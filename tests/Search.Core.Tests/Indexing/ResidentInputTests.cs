using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Querying;

namespace Search.Core.Tests.Indexing;

public sealed class ResidentInputTests
{
    [Fact]
    public void A_resident_file_reads_every_number_Lucene_writes_as_the_disk_reads_it()
    {
        using var temp = new TempDirectory();
        var budget = new ResidentBudget(1 << 20);
        using var directory = new PositionalReadDirectory(temp.Path, budget);
        var ints = new[] { 0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1, int.MinValue };
        var longs = new[] { 0L, 1L, 127L, 128L, long.MaxValue, 1L << 56, (1L << 56) - 1 };
        using (var output = directory.CreateOutput("_0_Lucene41_0.doc", IOContext.DEFAULT))
        {
            foreach (var value in ints)
            {
                output.WriteVInt32(value);
                output.WriteInt32(value);
            }

            foreach (var value in longs)
            {
                output.WriteVInt64(value);
                output.WriteInt64(value);
            }

            output.WriteInt16(-2);
            output.WriteBytes([1, 2, 3], 3);
        }

        using var resident = directory.OpenInput("_0_Lucene41_0.doc", IOContext.DEFAULT);
        using var disk = new PositionalReadDirectory(temp.Path).OpenInput("_0_Lucene41_0.doc", IOContext.DEFAULT);

        Assert.IsType<ResidentInput>(resident);
        Assert.Equal(resident.Length, budget.UsedBytes);
        foreach (var input in new[] { resident, disk })
        {
            Assert.Equal(ints.SelectMany(value => new[] { value, value }), ints.SelectMany(_ => new[] { input.ReadVInt32(), input.ReadInt32() }));
            Assert.Equal(longs.SelectMany(value => new[] { value, value }), longs.SelectMany(_ => new[] { input.ReadVInt64(), input.ReadInt64() }));
            Assert.Equal(-2, input.ReadInt16());
            var tail = new byte[3];
            input.ReadBytes(tail, 0, 3);
            Assert.Equal([1, 2, 3], tail);
            Assert.Equal(input.Length, input.Position);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        }
    }

    [Fact]
    public void Clones_read_on_their_own_and_a_number_cut_short_by_the_end_is_an_end_of_file()
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path, new ResidentBudget(1 << 20));
        using (var output = directory.CreateOutput("_0.tim", IOContext.DEFAULT))
        {
            output.WriteBytes([10, 20, 30, 0x80, 0x80], 5);
        }

        using var input = directory.OpenInput("_0.tim", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        input.Seek(2);

        Assert.Equal(10, clone.ReadByte());
        Assert.Equal(30, input.ReadByte());
        Assert.Equal(1, clone.Position);

        // Two continuation bytes and then the end: fewer than five bytes left, so the careful path reads it.
        Assert.Throws<EndOfStreamException>(() => input.ReadVInt32());
        Assert.Throws<EndOfStreamException>(() => clone.Seek(6));
    }

    [Fact]
    public void Files_past_the_budget_files_searches_do_not_read_all_over_and_merges_are_read_from_disk()
    {
        using var temp = new TempDirectory();
        var budget = new ResidentBudget(10_000);
        using var directory = new PositionalReadDirectory(temp.Path, budget);
        var small = PositionalReadDirectoryTests.Write(directory, "_0_Lucene41_0.pos", 6_000);
        var large = PositionalReadDirectoryTests.Write(directory, "_1_Lucene41_0.pos", 6_000);
        PositionalReadDirectoryTests.Write(directory, "_0.fdt", 1_000);

        using var first = directory.OpenInput("_0_Lucene41_0.pos", IOContext.DEFAULT);
        using var second = directory.OpenInput("_1_Lucene41_0.pos", IOContext.DEFAULT);
        using var stored = directory.OpenInput("_0.fdt", IOContext.DEFAULT);
        using var merged = directory.OpenInput("_0_Lucene41_0.pos", PositionalReadDirectoryTests.Merging);

        Assert.IsType<ResidentInput>(first);
        Assert.IsType<PositionalReadInput>(second);
        Assert.IsType<PositionalReadInput>(stored);
        Assert.IsType<PositionalReadInput>(merged);
        Assert.Equal(6_000, budget.UsedBytes);
        Assert.Equal(small, ReadAll(first));
        Assert.Equal(large, ReadAll(second));
    }

    [Fact]
    public void Closing_a_resident_file_gives_its_memory_back_and_its_clones_still_read_true()
    {
        using var temp = new TempDirectory();
        var budget = new ResidentBudget(1 << 20);
        using var directory = new PositionalReadDirectory(temp.Path, budget);
        var bytes = PositionalReadDirectoryTests.Write(directory, "_0.dvd", 5_000);
        var input = directory.OpenInput("_0.dvd", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();

        input.Dispose();
        clone.Dispose();
        input.Dispose();

        Assert.Equal(0, budget.UsedBytes);
        clone.Seek(4_999);
        Assert.Equal(bytes[4_999], clone.ReadByte());
    }

    [Fact]
    public void A_resident_compound_file_gives_each_slice_its_window_and_the_slicer_gives_the_memory_back()
    {
        using var temp = new TempDirectory();
        var budget = new ResidentBudget(1 << 20);
        using var directory = new PositionalReadDirectory(temp.Path, budget);
        var bytes = PositionalReadDirectoryTests.Write(directory, "_0.cfs", 20_000);

        using (var slicer = directory.CreateSlicer("_0.cfs", IOContext.DEFAULT))
        {
            Assert.Equal(20_000, budget.UsedBytes);
            using var slice = slicer.OpenSlice("part", offset: 7_000, length: 9_000);
            Assert.IsType<ResidentInput>(slice);
            Assert.Equal(bytes.AsSpan(7_000, 9_000).ToArray(), ReadAll(slice));
            Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        }

        Assert.Equal(0, budget.UsedBytes);
    }

    [Fact]
    public void A_large_compound_file_is_read_from_disk_whatever_the_budget()
    {
        using var temp = new TempDirectory();
        var budget = new ResidentBudget(1L << 30);
        using var directory = new PositionalReadDirectory(temp.Path, budget);
        using (var file = File.Create(Path.Combine(temp.Path, "_0.cfs")))
        {
            file.SetLength(PositionalReadDirectory.MaxResidentCompoundFile + 1);
        }

        using var slicer = directory.CreateSlicer("_0.cfs", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", offset: 0, length: 10);

        Assert.IsType<PositionalReadInput>(slice);
        Assert.Equal(0, budget.UsedBytes);
        Assert.Equal(0, slice.ReadByte());
    }

    [Fact]
    public void An_index_searched_from_memory_answers_exactly_as_from_disk()
    {
        using var temp = new TempDirectory();
        var articles = JsonLinesArticleReader.ReadFile(TestCorpus.IndexData("articles.jsonl")).Select(result => result.Article).OfType<NewsArticle>().ToList();
        Assert.NotEmpty(articles);
        using (var index = NewsIndex.Open(new NewsIndexOptions(temp.Path) { MaxRefreshDelay = null }))
        {
            // Two commits, so the index has more than one segment and the second is searched too.
            foreach (var half in articles.Chunk((articles.Count / 2) + 1))
            {
                foreach (var article in half)
                {
                    index.Upsert(article);
                }

                index.Commit();
            }
        }

        string[] queries = ["وزير", "الاقتصاد والطاقة", "مباراة*", "\"الأمم المتحدة\"", "متى افتتح المتحف؟"];
        var answers = new List<string>[2];
        foreach (var (memory, slot) in new[] { (512, 0), (0, 1) })
        {
            using var index = NewsIndex.OpenReadOnly(new NewsIndexOptions(temp.Path) { ResidentMemoryMb = memory, MaxRefreshDelay = null });
            answers[slot] = [.. queries.Select(query => index.Search(new SearchRequest(query) { PageSize = 20 }))
                .Select(results => $"{results.Total}: " + string.Join(", ", results.Hits.Select(hit => $"{hit.Id} {hit.Score:R} {string.Join("|", hit.Highlights.Snippets)}")))];
        }

        Assert.Contains(answers[1], answer => !answer.StartsWith("0:", StringComparison.Ordinal));
        Assert.Equal(answers[1], answers[0]);
    }

    private static byte[] ReadAll(IndexInput input)
    {
        var bytes = new byte[input.Length - input.Position];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}
