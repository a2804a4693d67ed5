using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Core.DropFolder;

namespace Search.Indexer.Tests;

/// <summary>The drop folder: the service's (<c>Search:WatchFolder</c>) and the command line's (<c>index --watch</c>).</summary>
public sealed class DropFolderTests : TestFolder
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_dropped_file_is_indexed_and_moved_to_done_with_its_bad_records_beside_it()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:WatchFolder", drop));
        using var client = service.CreateClient();

        Write("drop/news.jsonl", Record("d-1", "خبر أول"), "{not json", Record("d-3", "خبر ثالث"));

        await WaitForFile(Path.Combine(drop, ".done", "news.jsonl"));
        Assert.False(File.Exists(Path.Combine(drop, "news.jsonl")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/d-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/d-3")).StatusCode);
        var errors = await File.ReadAllTextAsync(Path.Combine(drop, ".done", "news.jsonl.error.txt"));
        Assert.Contains($"{Path.Combine(drop, "news.jsonl")}:2: invalid JSON", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drop_folder_that_cannot_be_made_at_start_leaves_the_service_up_and_is_watched_once_it_can_be()
    {
        // A file where the folder's parent should be: the folder cannot be made until the file goes.
        var blocker = Write("blocker", "not a folder");
        var drop = Path.Combine(blocker, "drop");
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:WatchFolder", drop));
        using var client = service.CreateKeyedClient();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/api/articles/up-1", new { title = "الخدمة تعمل" })).StatusCode);

        File.Delete(blocker);
        Directory.CreateDirectory(drop);
        File.WriteAllLines(Path.Combine(drop, "late.jsonl"), [Record("late-1", "ملف بعد عودة المجلد")]);
        await WaitForFile(Path.Combine(drop, ".done", "late.jsonl"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/late-1")).StatusCode);
    }

    [Fact]
    public async Task A_file_with_nothing_usable_goes_to_failed_with_its_errors_and_temporary_names_are_left_alone()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:WatchFolder", drop));
        _ = service.Server;

        Write("drop/garbage.jsonl", "{not json", "neither is this");
        Write("drop/upload.jsonl.part", Record("t-1", "لم يكتمل بعد"));

        await WaitForFile(Path.Combine(drop, ".failed", "garbage.jsonl"));
        var errors = await File.ReadAllLinesAsync(Path.Combine(drop, ".failed", "garbage.jsonl.error.txt"));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"{Path.Combine(drop, "garbage.jsonl")}:1: invalid JSON", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"{Path.Combine(drop, "garbage.jsonl")}:2: invalid JSON", errors[1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(drop, "upload.jsonl.part")));
    }

    [Fact]
    public async Task A_file_written_slowly_in_two_parts_is_indexed_whole_and_once()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:WatchFolder", drop));
        using var client = service.CreateKeyedClient();
        Directory.CreateDirectory(drop);

        var path = Path.Combine(drop, "slow.jsonl");
        await using (var file = new StreamWriter(path))
        {
            for (var i = 1; i <= 3; i++)
            {
                await file.WriteLineAsync(Record($"s-{i}", $"الجزء الأول {i}"));
            }

            await file.FlushAsync();
            await Task.Delay(300);
            for (var i = 4; i <= 6; i++)
            {
                await file.WriteLineAsync(Record($"s-{i}", $"الجزء الثاني {i}"));
            }
        }

        await WaitForFile(Path.Combine(drop, ".done", "slow.jsonl"));
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/s-{i}")).StatusCode);
        }

        // Six changes in the log: the file was not also read half-written.
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/api/index/stats"));
        Assert.Equal(6, stats.RootElement.GetProperty("writes").GetProperty("log").GetProperty("lastSequence").GetInt64());
        Assert.Single(Directory.GetFiles(Path.Combine(drop, ".done")));
    }

    [Fact]
    public async Task Index_watch_sends_a_file_renamed_into_the_folder_to_the_service_until_stopped()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"));
        using var client = service.CreateClient();
        using var stop = new CancellationTokenSource();
        var run = Cli.RunAsync(service.Connection, stop.Token, "index", "--watch", drop, "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey);

        var staged = Write("staged.tmp", Record("w-1", "خبر من المجلد"), Record("w-2", "خبر آخر"));
        await WaitForFolder(drop);
        File.Move(staged, Path.Combine(drop, "feed.jsonl"));
        await WaitForFile(Path.Combine(drop, ".done", "feed.jsonl"));
        await stop.CancelAsync();
        var (exit, output, error) = await run.WaitAsync(Patience);

        Assert.True(exit == 0, error);
        Assert.Contains("feed.jsonl: sent 2 articles, skipped 0", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/w-2")).StatusCode);
    }

    [Fact]
    public async Task Index_watch_reports_an_article_too_large_to_send_and_goes_on_with_the_rest_and_the_next_files()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:Writes:MaxBulkBytes", "1048576"));
        using var client = service.CreateClient();
        using var stop = new CancellationTokenSource();
        var run = Cli.RunAsync(
            service.Connection, stop.Token, "index", "--watch", drop, "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey, "--batch-mb", "1");

        var big = Write("big.tmp", Record("g-1", "ملف ضخم", body: string.Concat(Enumerable.Repeat("word ", 250_000))), Record("g-2", "خبر صغير"));
        var next = Write("next.tmp", Record("g-3", "الملف التالي"));
        await WaitForFolder(drop);
        File.Move(big, Path.Combine(drop, "big.jsonl"));
        await WaitForFile(Path.Combine(drop, ".done", "big.jsonl"));
        File.Move(next, Path.Combine(drop, "next.jsonl"));
        await WaitForFile(Path.Combine(drop, ".done", "next.jsonl"));
        await stop.CancelAsync();
        var (exit, output, error) = await run.WaitAsync(Patience);

        Assert.True(exit == 0, error);
        var tooLarge = $"{Path.Combine(drop, "big.jsonl")}:1: the article is larger than 1 MB, not sent";
        Assert.Contains(tooLarge, error, StringComparison.Ordinal);
        Assert.Contains(tooLarge, await File.ReadAllTextAsync(Path.Combine(drop, ".done", "big.jsonl.error.txt")), StringComparison.Ordinal);
        Assert.Contains("big.jsonl: sent 1 articles, skipped 1", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/g-2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/g-3")).StatusCode);
    }

    [Fact]
    public async Task Index_watch_resumes_a_file_after_the_records_its_saved_progress_says_were_sent()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"));
        using var client = service.CreateKeyedClient();
        var put = await client.PutAsJsonAsync("/api/articles/r-1", new { title = "نسخة الواجهة" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        // Stopped after its first two records were acknowledged; r-1 was then updated through the API.
        var path = Write("drop/feed.jsonl", Record("r-1", "نسخة الملف"), Record("r-2", "خبر ثان"), Record("r-3", "خبر ثالث"));
        new DropFileProgress(DropFileStamp.Of(path)!.Value, 2).Save(path);
        var (exit, output, error) = await WatchUntilDone(service, drop, "feed.jsonl");

        Assert.True(exit == 0, error);
        Assert.Contains("feed.jsonl: resuming after its first 2 records", output, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl: sent 3 articles, skipped 0", output, StringComparison.Ordinal);
        Assert.Equal("نسخة الواجهة", await Title(client, "r-1"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/r-2")).StatusCode);
        Assert.Equal("خبر ثالث", await Title(client, "r-3"));
        Assert.False(File.Exists(DropFileProgress.PathFor(path)));
    }

    [Fact]
    public async Task Index_watch_sends_a_file_whole_when_its_saved_progress_was_another_files()
    {
        var drop = Folder("drop");
        await using var service = new ServiceFactory(Folder("index"));
        using var client = service.CreateKeyedClient();
        var put = await client.PutAsJsonAsync("/api/articles/a-1", new { title = "نسخة الواجهة" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var path = Write("drop/feed.jsonl", Record("a-1", "نسخة الملف"), Record("a-2", "خبر ثان"));
        var stamp = DropFileStamp.Of(path)!.Value;
        new DropFileProgress(stamp with { Length = stamp.Length + 1 }, 2).Save(path);
        var (exit, output, error) = await WatchUntilDone(service, drop, "feed.jsonl");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("resuming", output, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl: sent 2 articles, skipped 0", output, StringComparison.Ordinal);
        Assert.Equal("نسخة الملف", await Title(client, "a-1"));
        Assert.Equal("خبر ثان", await Title(client, "a-2"));
        Assert.False(File.Exists(DropFileProgress.PathFor(path)));
    }

    /// <summary>Runs <c>index --watch</c> on <paramref name="drop"/> until <paramref name="name"/> reaches <c>.done/</c>.</summary>
    private static async Task<(int Exit, string Output, string Error)> WatchUntilDone(ServiceFactory service, string drop, string name)
    {
        using var stop = new CancellationTokenSource();
        var run = Cli.RunAsync(service.Connection, stop.Token, "index", "--watch", drop, "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey);
        await WaitForFile(Path.Combine(drop, ".done", name));
        await stop.CancelAsync();
        return await run.WaitAsync(Patience);
    }

    private static async Task<string?> Title(HttpClient client, string id)
    {
        using var article = JsonDocument.Parse(await client.GetStringAsync($"/api/articles/{id}"));
        return article.RootElement.GetProperty("title").GetString();
    }

    private static async Task WaitForFile(string path)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!File.Exists(path))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task WaitForFolder(string path)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!Directory.Exists(path))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
