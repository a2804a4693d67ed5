using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Storage;
using Search.Tests.Shared;

namespace Search.Api.Tests;

/// <summary>
/// The index folder filling up while the service runs, on a small tmpfs mounted for the test (skipped where the test may
/// not mount one): a real full disk, under the write-ahead log and the index alike, with no switch in the service.
/// </summary>
public sealed class StorageFaultTests
{
    [SkippableFact]
    public async Task A_full_disk_refuses_writes_with_503_and_retry_after_keeps_searches_and_writes_resume_without_a_restart()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("search-storage-fault-").FullName;
        var mount = Path.Combine(root, "disk");
        var disk = TmpfsMount.TryMount(mount, 16) ?? throw new SkipException("cannot mount a tmpfs here");
        try
        {
            var indexPath = Path.Combine(mount, "index");
            var filler = Path.Combine(mount, "filler");
            var acknowledged = new List<string>();
            await using (var factory = SearchApiFactory.WithWrites(("Search:IndexPath", indexPath), ("Search:Writes:CommitIntervalSeconds", "1")))
            {
                using var client = factory.CreateWriter();
                await factory.WarmedAsync();
                for (var i = 0; i < 5; i++)
                {
                    using var created = await client.SendAsync(Put($"a{i}", "?refresh=wait_for"));
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    acknowledged.Add($"a{i}");
                }

                await FillAsync(filler);

                // Writes the disk still had room for are acknowledged; the first it has none for is refused.
                HttpResponseMessage? refused = null;
                for (var i = 5; refused is null; i++)
                {
                    Assert.True(i < 500, "no write was refused on a full disk");
                    var response = await client.SendAsync(Put($"a{i}"));
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add($"a{i}");
                        response.Dispose();
                    }
                    else
                    {
                        refused = response;
                    }
                }

                using (refused)
                {
                    var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                    Assert.Equal("write_unavailable", problem.GetProperty("code").GetString());
                    Assert.Contains("not acknowledged", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                    Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
                }

                // Still ready, degraded with the reason: searches answer from what the index held.
                using (var ready = await client.GetAsync("/ready"))
                {
                    Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                    using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
                    Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
                    Assert.Contains("cannot be written", body.RootElement.GetRawText(), StringComparison.Ordinal);
                }

                Assert.True((await client.SearchOkAsync("خبر")).Total >= 5);

                File.Delete(filler);
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    using var response = await client.SendAsync(Put("after", "?refresh=wait_for"));
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add("after");
                        break;
                    }

                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"writes did not resume: {await response.Content.ReadAsStringAsync()}");
                    await Task.Delay(200);
                }

                while (true)
                {
                    using var ready = await client.GetAsync("/ready");
                    var text = await ready.Content.ReadAsStringAsync();
                    if (text.Contains("\"status\":\"Healthy\"", StringComparison.Ordinal))
                    {
                        break;
                    }

                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"not healthy again: {text}");
                    await Task.Delay(200);
                }

                foreach (var id in acknowledged)
                {
                    using var read = await client.GetAsync($"/api/articles/{id}");
                    Assert.True(read.StatusCode == HttpStatusCode.OK, $"acknowledged {id} is gone");
                }
            }

            // Stopped: the last commit is clean and holds every acknowledged article.
            RuntimeHelpers.RunModuleConstructor(typeof(NewsCodec).Module.ModuleHandle);
            using var directory = new NIOFSDirectory(indexPath);
            Assert.True(new CheckIndex(directory).DoCheckIndex().Clean);
            using var reader = DirectoryReader.Open(directory);
            Assert.True(reader.NumDocs >= acknowledged.Count);
        }
        finally
        {
            disk.Dispose();
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes to the file until the disk has no room left.</summary>
    private static async Task FillAsync(string path)
    {
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                await file.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static HttpRequestMessage Put(string id, string query = "") =>
        new(HttpMethod.Put, $"/api/articles/{id}{query}")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { title = $"خبر رقم {id}", body = string.Concat(Enumerable.Repeat($"نص الخبر {id} ", 400)) }),
                Encoding.UTF8,
                "application/json"),
        };

    [SkippableFact]
    public async Task A_507_for_a_snapshot_names_the_hidden_folders_snapshots_cut_short_left_taking_the_room()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("search-snapshot-leftover-").FullName;
        var mount = Path.Combine(root, "snapshots");
        var disk = TmpfsMount.TryMount(mount, 4) ?? throw new SkipException("cannot mount a tmpfs here");
        try
        {
            // What a snapshot killed half-way through its copy leaves: a hidden folder no later snapshot reuses.
            var leftover = System.IO.Directory.CreateDirectory(Path.Combine(mount, ".20261205T205117Z.partial")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(leftover, "_0.cfs"), new byte[new DriveInfo(mount).AvailableFreeSpace]);
            await using var factory = SearchApiFactory.WithWrites(("Search:SnapshotPath", mount));
            using var client = factory.CreateWriter();
            await factory.WarmedAsync();

            using var refused = await client.PostAsync("/api/index/_snapshot", new StringContent("""{"name":"nightly"}""", Encoding.UTF8, "application/json"));

            var problem = await refused.AssertProblemAsync(HttpStatusCode.InsufficientStorage);
            var detail = problem.GetProperty("detail").GetString();
            Assert.Contains("4 MB of it are taken by snapshots cut short, which may be removed", detail, StringComparison.Ordinal);
            Assert.Contains(leftover, detail, StringComparison.Ordinal);
        }
        finally
        {
            disk.Dispose();
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_snapshot_that_would_leave_its_disk_without_room_is_a_507_and_copies_nothing()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("search-snapshot-space-").FullName;
        var mount = Path.Combine(root, "snapshots");
        var disk = TmpfsMount.TryMount(mount, 4) ?? throw new SkipException("cannot mount a tmpfs here");
        try
        {
            // The whole disk taken: no room for any index, however small.
            var filler = Path.Combine(mount, "filler");
            await File.WriteAllBytesAsync(filler, new byte[new DriveInfo(mount).AvailableFreeSpace]);
            await using var factory = SearchApiFactory.WithWrites(("Search:SnapshotPath", mount));
            using var client = factory.CreateWriter();
            await factory.WarmedAsync();

            using var refused = await client.PostAsync("/api/index/_snapshot", new StringContent("""{"name":"nightly"}""", Encoding.UTF8, "application/json"));

            var problem = await refused.AssertProblemAsync(HttpStatusCode.InsufficientStorage);
            Assert.Equal("insufficient_storage", problem.GetProperty("code").GetString());
            Assert.Contains("MB are free", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(["filler"], System.IO.Directory.GetFileSystemEntries(mount).Select(Path.GetFileName));

            File.Delete(filler);
            using var taken = await client.PostAsync("/api/index/_snapshot", new StringContent("""{"name":"nightly"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        }
        finally
        {
            disk.Dispose();
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

}
