using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Search.Tests.Shared;

namespace Search.Process.Tests;

/// <summary>
/// The service's index folder filling up while it runs, on a small tmpfs mounted for the test (skipped where the test
/// may not mount one): the built service as a real process, with nothing in it that a test switches.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper log)
{
    [SkippableFact]
    public async Task A_full_disk_is_survived_without_a_restart_and_every_acknowledged_write_outlives_the_process()
    {
        using var folder = new TempFolder();
        var mount = folder.Combine("disk");
        var disk = TmpfsMount.TryMount(mount, 16) ?? throw new SkipException("cannot mount a tmpfs here");
        try
        {
            var options = new ServiceOptions(Path.Combine(mount, "index"))
            {
                Environment = new Dictionary<string, string> { ["Search__Writes__CommitIntervalSeconds"] = "1" },
            };
            var filler = Path.Combine(mount, "filler");
            var acknowledged = new List<string>();
            await using (var service = await ServiceProcess.StartAsync(options, log))
            {
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(HttpStatusCode.Created, await PutAsync(service, $"a{i}", acknowledged));
                }

                Fill(filler);
                HttpStatusCode status;
                var next = 5;
                do
                {
                    Assert.True(next < 500, "no write was refused on a full disk");
                    status = await PutAsync(service, $"a{next++}", acknowledged);
                }
                while (status != HttpStatusCode.ServiceUnavailable);

                var ready = await GetJsonAsync(service, "/ready");
                Assert.Equal("Degraded", ready.GetProperty("status").GetString());
                Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("خبر"), UriKind.Relative))).StatusCode);
                await Task.Delay(3_000); // tries meet the full disk meanwhile

                File.Delete(filler);
                var clock = Stopwatch.StartNew();
                while (await PutAsync(service, "after", acknowledged) != HttpStatusCode.Created)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "writes did not resume without a restart");
                    await Task.Delay(200);
                }

                while ((await GetJsonAsync(service, "/ready")).GetProperty("status").GetString() != "Healthy")
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "not healthy again");
                    await Task.Delay(200);
                }

                Assert.False(service.HasExited);
                Assert.Equal(0, await service.StopAsync());

                // Said when it starts and when it ends, not once a try.
                Assert.InRange(Occurrences(service.Output, "The index folder cannot be written;"), 0, 2);
            }

            var check = LuceneIndexCheck.Run(options.IndexPath);
            Assert.True(check?.Clean, check?.Report);
            await using var restarted = await ServiceProcess.StartAsync(options, log);
            foreach (var id in acknowledged)
            {
                using var read = await restarted.Client.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative));
                Assert.True(read.StatusCode == HttpStatusCode.OK, $"acknowledged {id} is gone");
            }
        }
        finally
        {
            disk.Dispose();
        }
    }

    private static async Task<HttpStatusCode> PutAsync(ServiceProcess service, string id, List<string> acknowledged)
    {
        var body = JsonSerializer.Serialize(new { title = $"خبر {id}", body = string.Concat(Enumerable.Repeat($"نص الخبر {id} ", 400)) });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await service.Client.PutAsync(new Uri($"/api/articles/{id}?refresh=wait_for", UriKind.Relative), content);
        if (response.IsSuccessStatusCode)
        {
            acknowledged.Add(id);
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 without Retry-After");
        }

        return response.StatusCode;
    }

    private static async Task<JsonElement> GetJsonAsync(ServiceProcess service, string path)
    {
        using var response = await service.Client.GetAsync(new Uri(path, UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static void Fill(string path)
    {
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

}
