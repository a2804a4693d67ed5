using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Search.Indexer.Tests;

/// <summary><c>snapshot</c> (through a service or from a folder) and <c>restore</c>.</summary>
public sealed class SnapshotRestoreTests : TestFolder
{
    [Fact]
    public async Task A_snapshot_taken_while_writes_go_on_restores_into_a_service_that_has_every_article_acknowledged_before_it()
    {
        var snapshots = Folder("snapshots");
        var acknowledgedBefore = new List<string>();
        await using (var service = new ServiceFactory(Folder("index"), settings: ("Search:SnapshotPath", snapshots)))
        {
            using var client = service.CreateKeyedClient();
            var acknowledged = new ConcurrentQueue<string>();
            using var stopWriting = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !stopWriting.IsCancellationRequested; i++)
                {
                    var id = $"live-{i}";
                    var response = await client.PutAsJsonAsync($"/api/articles/{id}", new { title = $"خبر عاجل رقم {i}", body = "نص الخبر." });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    acknowledged.Enqueue(id);
                }
            });

            while (acknowledged.Count < 20)
            {
                await Task.Delay(10);
            }

            acknowledgedBefore.AddRange(acknowledged);
            var (exit, output, error) = await Cli.RunAsync(
                service.Connection, "snapshot", "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey, "--name", "during-writes");
            await Task.Delay(100);
            await stopWriting.CancelAsync();
            await writer;

            Assert.True(exit == 0, error);
            Assert.Contains($"wrote its snapshot to {Path.Combine(snapshots, "during-writes")}", output, StringComparison.Ordinal);
            Assert.True(acknowledged.Count > acknowledgedBefore.Count, "writes went on while the snapshot was taken");
        }

        var restored = Folder("restored");
        var restore = await Cli.RunAsync(null, "restore", "--from", Path.Combine(snapshots, "during-writes"), "--index", restored);
        Assert.True(restore.Exit == 0, restore.Error);
        Assert.Contains("CheckIndex finds it clean", restore.Output, StringComparison.Ordinal);

        await using var fresh = new ServiceFactory(restored);
        using var freshClient = fresh.CreateKeyedClient();
        foreach (var id in acknowledgedBefore)
        {
            Assert.Equal(HttpStatusCode.OK, (await freshClient.GetAsync($"/api/articles/{id}")).StatusCode);
        }

        // The restored service writes on, numbering after the snapshot's changes.
        var put = await freshClient.PutAsJsonAsync("/api/articles/after-restore", new { title = "خبر بعد الاستعادة" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    [Theory]
    [InlineData("--index", "snapshot", "--index", "", "--to", "copy")]
    [InlineData("--to", "snapshot", "--index", "idx", "--to", "")]
    [InlineData("--from", "restore", "--from", "", "--index", "restored")]
    [InlineData("--index", "restore", "--from", "snap", "--index", " ")]
    public async Task An_empty_folder_path_is_rejected_with_a_message(string option, params string[] args)
    {
        var (exit, output, error) = await Cli.RunAsync(null, args);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{option} needs a path", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_folder_no_service_holds_snapshots_and_restores_but_one_a_service_holds_is_refused()
    {
        var index = Folder("offline");
        var input = Write("a.jsonl", Record("o-1", "خبر أول"), Record("o-2", "خبر ثان"));
        Assert.Equal(0, (await Cli.RunAsync(null, "index", input, "--index", index)).Exit);

        var snapshot = await Cli.RunAsync(null, "snapshot", "--index", index, "--to", Folder("copy"));
        Assert.True(snapshot.Exit == 0, snapshot.Error);
        var restore = await Cli.RunAsync(null, "restore", "--from", Folder("copy"), "--index", Folder("back"));
        Assert.True(restore.Exit == 0, restore.Error);
        Assert.Contains("Restored 2 articles", restore.Output, StringComparison.Ordinal);

        await using var service = new ServiceFactory(index);
        _ = service.Server;
        var held = await Cli.RunAsync(null, "snapshot", "--index", index, "--to", Folder("copy2"));
        Assert.Equal(1, held.Exit);
        Assert.Contains("being written by another process", held.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder("copy2")));
    }

    [Fact]
    public async Task Restore_refuses_a_folder_that_is_not_empty_and_a_folder_that_is_no_snapshot()
    {
        var index = Folder("offline");
        Assert.Equal(0, (await Cli.RunAsync(null, "index", Write("a.jsonl", Record("r-1", "خبر")), "--index", index)).Exit);
        Write("busy/notes.txt", "ملاحظة");

        var intoBusy = await Cli.RunAsync(null, "restore", "--from", index, "--index", Folder("busy"));
        var fromNothing = await Cli.RunAsync(null, "restore", "--from", Folder("busy"), "--index", Folder("new"));

        Assert.Equal(1, intoBusy.Exit);
        Assert.Contains("is not empty", intoBusy.Error, StringComparison.Ordinal);
        Assert.Equal(1, fromNothing.Exit);
        Assert.Contains("no index snapshot", fromNothing.Error, StringComparison.Ordinal);
    }
}
