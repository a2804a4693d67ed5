using System.Diagnostics;
using Search.Core.Indexing;
using Search.Core.Writing;
using Search.Tests.Shared;

namespace Search.Core.Tests.Writing;

/// <summary>A full disk during writes and commits, on a small tmpfs mounted for the test (skipped where the test may
/// not mount one, as a non-root user).</summary>
public sealed class DiskFullTests
{
    [SkippableFact]
    public async Task A_full_disk_refuses_new_writes_keeps_every_acknowledged_one_and_recovers_when_space_returns()
    {
        using var temp = new TempDirectory();
        var mount = temp.File("small-disk");
        var disk = TmpfsMount.TryMount(mount, 4) ?? throw new SkipException("cannot mount a tmpfs here");
        try
        {
            var filler = Path.Combine(mount, "filler");
            await File.WriteAllBytesAsync(filler, new byte[2 * 1024 * 1024]);
            var acknowledged = new List<string>();
            IOException? refusal = null;
            var index = NewsIndex.Open(new NewsIndexOptions(Path.Combine(mount, "index")) { RamBufferMb = 16 });
            await using (var store = ArticleStore.OpenLocal(index, Path.Combine(mount, "index", "translog"), new IndexFollowerOptions { CommitInterval = TimeSpan.FromMilliseconds(200) }))
            {
                for (var i = 0; i < 400 && refusal is null; i++)
                {
                    try
                    {
                        await store.WriteAsync([ArticleChange.Upsert(TestCorpus.Article($"a{i}", $"خبر رقم {i}", RandomWords(i)))]).WaitAsync(TimeSpan.FromSeconds(30));
                        acknowledged.Add($"a{i}");
                    }
                    catch (IOException ex)
                    {
                        refusal = ex;
                    }
                }

                Assert.NotNull(refusal);
                Assert.NotEmpty(acknowledged);
                await Task.Delay(1_500); // refreshes and commits meet the full disk too

                // Writes resume once a commit of everything since the last one fits, which the 2 MB the filler held
                // need not give (a flushed segment is copied once more into its compound file): the disk grows too,
                // as an operator would make it, while the store runs.
                File.Delete(filler);
                Assert.True(disk.Resize(64), "cannot grow the tmpfs");
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    try
                    {
                        await store.WriteAsync([ArticleChange.Upsert(TestCorpus.Article("after", "خبر بعد تحرير المساحة"))], WriteVisibility.WaitForSearch).WaitAsync(TimeSpan.FromSeconds(30));
                        acknowledged.Add("after");
                        break;
                    }
                    // The store tries the disk again with a growing pause, up to 10 s between tries.
                    catch (IOException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
                    {
                        await Task.Delay(200);
                    }
                }

                Assert.Null(store.Fault);
            }

            index.Dispose();
            using var reopened = NewsIndex.Open(new NewsIndexOptions(Path.Combine(mount, "index")));
            await using var recovered = ArticleStore.OpenLocal(reopened, Path.Combine(mount, "index", "translog"));
            await recovered.CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(30));
            reopened.Refresh();
            Assert.All(acknowledged, id => Assert.NotNull(reopened.Find(id)));
        }
        finally
        {
            disk.Dispose();
        }
    }

    /// <summary>
    /// About 5,000 characters of words drawn at random from a fixed vocabulary of made-up words: text that compresses
    /// like news rather than to nothing, so the disk fills whatever pace commits trim the log at (a repeated sentence
    /// compressed so well that, on a busy machine, all 400 articles fitted in the space left).
    /// </summary>
    private static string RandomWords(int seed)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        while (text.Length < 5_000)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(' ');
        }

        return text.ToString();
    }

    private static readonly string[] Vocabulary = MakeVocabulary(3_000);

    private static string[] MakeVocabulary(int size)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, size).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('\u0628' + random.Next(0, 18)))]))];
    }

}
