using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Search.Process.Tests.Crash;

/// <summary>Kills the service with SIGKILL while it indexes a dropped file, once the file's first batch is saved as
/// written and an API write has changed an article of that batch: the restarted service resumes the file after that
/// batch, so the API's version stays.</summary>
public sealed class DropFolderCrashTests(ITestOutputHelper log)
{
    // Enough that the file is far from read when the first batch is saved and the service killed.
    private const int Records = 100_000;

    [Fact]
    public async Task An_api_write_made_after_the_files_first_batch_survives_a_kill_and_the_resumed_file()
    {
        using var folder = new TempFolder();
        var drop = Directory.CreateDirectory(folder.Combine("drop")).FullName;
        var options = new ServiceOptions(folder.Combine("index")) { Environment = new Dictionary<string, string> { ["Search__WatchFolder"] = drop } };
        var file = Path.Combine(drop, "news.jsonl");
        var progress = Path.Combine(drop, ".progress", "news.jsonl.json");
        await File.WriteAllLinesAsync(file + ".part", Enumerable.Range(0, Records).Select(i => $$"""{"id":"drop-{{i}}","title":"خبر رقم {{i}} من الملف"}"""));

        var service = await ServiceProcess.StartAsync(options, log);
        try
        {
            File.Move(file + ".part", file);
            await WaitUntilAsync(() => SavedRecords(progress) >= 500);
            using (var content = new StringContent("""{"title":"تحديث من الواجهة"}""", Encoding.UTF8, "application/json"))
            using (var put = await service.Client.PutAsync(new Uri("/api/articles/drop-7", UriKind.Relative), content))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            service.Kill();
            await service.DisposeAsync();
            Assert.True(File.Exists(file), "the file was read whole before the kill: make it larger");

            service = await ServiceProcess.StartAsync(options, log);
            await WaitUntilAsync(() => File.Exists(Path.Combine(drop, ".done", "news.jsonl")));
            using var updated = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("/api/articles/drop-7", UriKind.Relative)));
            Assert.Equal("تحديث من الواجهة", updated.RootElement.GetProperty("title").GetString());
            using var last = await service.Client.GetAsync(new Uri($"/api/articles/drop-{Records - 1}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
            Assert.False(File.Exists(progress));
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    /// <summary>The records the service saved as written, read as a test would; 0 before the first save.</summary>
    private static long SavedRecords(string progress)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(progress));
            return json.RootElement.GetProperty("Records").GetInt64();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return 0;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "not there after 60 s");
            await Task.Delay(20);
        }
    }
}
