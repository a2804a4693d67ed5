using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Admission;

namespace Search.Api.Tests;

public sealed class WriteEndpointTests
{
    private const string Museum = """{"title":"افتتاح متحف الفن الحديث في العاصمة","body":"افتتح وزير الثقافة متحف الفن الحديث الذي يضم أعمالا لفنانين عرب.","source":"الأنباء","section":"ثقافة","publishedAt":"2024-11-22T10:30:00+03:00","tags":["متاحف"]}""";

    [Fact]
    public async Task Writes_are_off_without_a_configured_key_and_say_how_to_turn_them_on()
    {
        await using var factory = SearchApiFactory.WithoutSampleData();
        using var client = factory.CreateClient();
        using var request = Put("museum", Museum);
        request.Headers.Add("X-Api-Key", "anything");

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("writes_disabled", problem.GetProperty("code").GetString());
        Assert.Contains("Search:ApiKeys", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "api_key_required")]
    [InlineData("wrong-key", "invalid_api_key")]
    public async Task A_missing_or_wrong_key_is_a_401_and_reads_stay_public(string? key, string code)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateClient();
        using var request = Put("museum", Museum);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        using var read = await client.GetAsync("/api/search?q=متحف");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var stats = await client.GetAsync("/api/index/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, stats.StatusCode);
    }

    [Theory]
    [InlineData("Bearer " + SearchApiFactory.ApiKey, HttpStatusCode.Created)]
    [InlineData("bearer   " + SearchApiFactory.ApiKey + " ", HttpStatusCode.Created)]
    [InlineData("Bearer wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData("Basic " + SearchApiFactory.ApiKey, HttpStatusCode.Unauthorized)]
    public async Task A_key_may_come_as_a_bearer_token(string authorization, HttpStatusCode expected)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateClient();
        using var request = Put("museum", Museum);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Put_creates_then_replaces_and_a_read_by_id_sees_each_version_at_once()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var created = await client.SendAsync(Put("museum", Museum));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/articles/museum", created.Headers.Location?.OriginalString);
        var result = await created.Content.ReadFromJsonAsync<WriteResultBody>();
        Assert.Equal(new WriteResultBody("museum", "created", result!.Sequence), result);

        var article = await client.GetFromJsonAsync<ArticleBody>("/api/articles/museum");
        Assert.Equal("افتتاح متحف الفن الحديث في العاصمة", article!.Title);
        Assert.Equal(["متاحف"], article.Tags);
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 10, 30, 0, TimeSpan.FromHours(3)), article.PublishedAt);

        using var replaced = await client.SendAsync(Put("museum", """{"id":"museum","title":"إغلاق متحف الفن الحديث","publishedAt":"Fri, 22 Nov 2024 18:00:00 +0300"}"""));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("updated", (await replaced.Content.ReadFromJsonAsync<WriteResultBody>())!.Result);
        article = await client.GetFromJsonAsync<ArticleBody>("/api/articles/museum");
        Assert.Equal("إغلاق متحف الفن الحديث", article!.Title);
        Assert.Null(article.Body);
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 18, 0, 0, TimeSpan.FromHours(3)), article.PublishedAt);
    }

    [Theory]
    [InlineData("""{"id":"other","title":"عنوان"}""", "id")]
    [InlineData("""{"body":"بلا عنوان"}""", "title")]
    [InlineData("""{"title":"عنوان","publishedAt":"yesterday-ish"}""", "publishedAt")]
    [InlineData("""{"title":"عنوان","tags":"x","source":["a"]}""", "source")]
    [InlineData("""{"title":"عنوان",""", "body")]
    [InlineData("""[1,2]""", "body")]
    public async Task An_invalid_article_is_a_400_naming_the_field(string body, string field)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var response = await client.SendAsync(Put("museum", body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_article", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var missing = await client.GetAsync("/api/articles/museum");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("tags")]
    public async Task An_over_long_title_or_too_many_tags_are_refused_on_put_and_on_their_bulk_line(string field)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        object article = field == "title"
            ? new { id = "eclipse", title = string.Concat(Enumerable.Repeat("كسوف ", 1_000)) }
            : new { id = "eclipse", title = "كسوف", tags = Enumerable.Range(0, 10_000).Select(i => $"وسم{i}") };

        using var put = await client.SendAsync(Put("eclipse", JsonSerializer.Serialize(article)));
        using var bulk = await client.PostAsync("/api/articles/_bulk", new StringContent(
            JsonSerializer.Serialize(article) + "\n" + """{"id":"short","title":"كسوف"}""", Encoding.UTF8, "application/x-ndjson"));

        var problem = await put.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var answer = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync());
        Assert.Equal(1, answer.RootElement.GetProperty("succeeded").GetInt32());
        Assert.Equal(field, answer.RootElement.GetProperty("items")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_path_id_with_white_space_at_an_end_is_refused_saying_so_and_how_to_send_it()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var response = await client.SendAsync(Put("story-1%20", """{"title":"عنوان"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("id").EnumerateArray()).GetString();
        Assert.Equal("The path's id 'story-1 ' begins or ends with white space, which an id never keeps; send it as 'story-1'.", message);
        using var missing = await client.GetAsync("/api/articles/story-1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Arabic_written_dates_are_accepted()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var response = await client.SendAsync(Put("dated", """{"title":"عنوان","publishedAt":"22 نوفمبر 2024"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await client.GetFromJsonAsync<ArticleBody>("/api/articles/dated");
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 0, 0, 0, TimeSpan.Zero), article!.PublishedAt);
    }

    [Fact]
    public async Task Bodies_over_the_configured_limits_are_a_413()
    {
        await using var factory = SearchApiFactory.WithWrites(("Search:Writes:MaxArticleBytes", "2048"), ("Search:Writes:MaxBulkLines", "3"));
        using var client = factory.CreateWriter();

        using var large = await client.SendAsync(Put("big", $$"""{"title":"عنوان","body":"{{new string('ب', 2000)}}"}"""));
        var problem = await large.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("payload_too_large", problem.GetProperty("code").GetString());

        var lines = string.Join('\n', Enumerable.Range(0, 4).Select(i => $$"""{"id":"n{{i}}","title":"خبر"}"""));
        using var bulk = await client.SendAsync(Bulk(lines));
        await bulk.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var none = await client.GetAsync("/api/articles/n0");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Delete_removes_an_article_and_an_unknown_id_is_a_404()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        (await client.SendAsync(Put("museum", Museum))).Dispose();

        using var deleted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/articles/museum?refresh=wait_for"));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("deleted", (await deleted.Content.ReadFromJsonAsync<WriteResultBody>())!.Result);
        using var gone = await client.GetAsync("/api/articles/museum");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=متحف"))!.Total);

        using var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/articles/museum"));
        var problem = await again.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("article_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Writes_past_the_changes_not_yet_applied_get_a_503_with_retry_after_and_nothing_is_written()
    {
        // 20 changes at most, bulks together 18 of them: two are kept for single articles.
        await using var factory = SearchApiFactory.WithWrites(("Search:Writes:MaxPendingArticles", "20"));
        using var client = factory.CreateWriter();
        (await client.SendAsync(Put("kept", Museum))).Dispose();
        var admission = factory.Services.GetRequiredService<WriteAdmission>();

        // Bulks with 17 changes waiting: a bulk of two more does not fit, single articles still do.
        using (var waiting = admission.EnterChanges(17, bulk: true))
        {
            Assert.True(waiting.IsAcquired);
            using var bulk = await client.SendAsync(Bulk(Line("b-1") + "\n" + Line("b-2")));
            await AssertWritesOverloadedAsync(bulk);
            using var delete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/articles/kept"));
            using var put = await client.SendAsync(Put("one", Museum));
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using (var full = admission.EnterChanges(20, bulk: false))
        {
            using var put = await client.SendAsync(Put("refused", Museum));
            await AssertWritesOverloadedAsync(put);
            using var delete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/articles/one"));
            await AssertWritesOverloadedAsync(delete);
        }

        using (var refused = await client.GetAsync("/api/articles/refused"))
        using (var bulkLine = await client.GetAsync("/api/articles/b-1"))
        using (var one = await client.GetAsync("/api/articles/one"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, bulkLine.StatusCode);
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        }

        // A bulk larger than the whole bound is let in alone.
        using var large = await client.SendAsync(Bulk(string.Join("\n", Enumerable.Range(0, 25).Select(i => Line($"large-{i}")))));
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Equal(25, (await large.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("succeeded").GetInt32());

        static string Line(string id) => $$"""{"id":"{{id}}","title":"خبر {{id}}"}""";
    }

    private static async Task AssertWritesOverloadedAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("writes_overloaded", problem.GetProperty("code").GetString());
        Assert.Contains("MaxPendingArticles", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task With_wait_for_a_write_is_searchable_when_the_call_returns()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        (await client.SendAsync(Put("museum", Museum, "?refresh=wait_for"))).EnsureSuccessStatusCode();

        var results = await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=متحف+الفن");
        Assert.Equal(["museum"], results!.Ids);
        Assert.Equal([new FacetValueBody("ثقافة", 1)], results.Facets!.Section);
    }

    [Fact]
    public async Task Without_wait_for_a_write_is_searchable_within_a_second()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        (await client.SendAsync(Put("museum", Museum))).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        while ((await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=متحف"))!.Total == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), "not searchable 1.5 s after the acknowledgement");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_unknown_refresh_value_is_a_400()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var response = await client.SendAsync(Put("museum", Museum, "?refresh=soon"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("refresh", out _));
    }

    [Fact]
    public async Task Bulk_answers_one_item_per_line_in_order_and_one_bad_line_never_stops_the_others()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        (await client.SendAsync(Put("existing", """{"title":"خبر قديم"}"""))).Dispose();
        const string lines = """
            {"id":"b1","title":"ارتفاع صادرات التمور","source":"الأنباء"}
            {"id":"b2"}
            not json

            {"id":"existing","title":"خبر محدث"}
            {"id":"b3","title":"انطلاق ماراثون المدينة","publishedAt":"غدا"}
            {"id":"b4","title":"تخريج دفعة من الأطباء"}
            """;

        using var response = await client.SendAsync(Bulk(lines, "?refresh=wait_for"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<BulkBody>();
        Assert.True(body!.Errors);
        Assert.Equal(3, body.Succeeded);
        Assert.Equal(3, body.Failed);
        Assert.Equal([1, 2, 3, 5, 6, 7], body.Items.Select(item => item.Line));
        Assert.Equal([201, 400, 400, 200, 400, 201], body.Items.Select(item => item.Status));
        Assert.Equal("title", body.Items[1].Field);
        Assert.Contains("invalid JSON", body.Items[2].Error, StringComparison.Ordinal);
        Assert.Equal("publishedAt", body.Items[4].Field);
        Assert.Equal("updated", body.Items[3].Result);
        Assert.Equal("خبر محدث", (await client.GetFromJsonAsync<ArticleBody>("/api/articles/existing"))!.Title);
        Assert.Equal(["b1", "b4"], (await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=صادرات+الأطباء"))!.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bulk_answers_a_line_that_is_not_utf8_with_its_own_error_and_writes_the_others()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        var windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes("""{"id":"w2","title":"خبر بترميز ويندوز"}""");
        byte[] body =
        [
            0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"id":"u1","title":"ارتفاع صادرات التمور"}""" + "\n"),
            .. Encoding.UTF8.GetBytes("""{"id":"u2","title":"a"""), 0xFF, .. Encoding.UTF8.GetBytes("\"}\n"),
            .. windows1256, (byte)'\n',
            .. Encoding.UTF8.GetBytes("""{"id":"u3","title":"تخريج دفعة من الأطباء"}"""),
        ];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/_bulk?refresh=wait_for") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-ndjson");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<BulkBody>())!.Items;
        Assert.Equal([201, 400, 400, 201], items.Select(item => item.Status));
        Assert.All(items.Where(item => item.Status == 400), item => Assert.Equal("the line is not valid UTF-8", item.Error));
        Assert.Equal(["u1", "u3"], (await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=صادرات+الأطباء"))!.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Put_reads_a_body_behind_a_utf8_byte_order_mark()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/articles/marked") { Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Museum)]) };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/x-ndjsonfoo")]
    [InlineData("application/x-ndjson; charset=utf-16")]
    [InlineData("not a media type")]
    public async Task Bulk_refuses_a_body_that_is_not_ndjson_in_utf8(string contentType)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/_bulk") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"id\":\"a\",\"title\":\"عنوان\"}")) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("unsupported_media_type", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("text/html", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("multipart/form-data; boundary=x", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=utf-16", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.Created)]
    [InlineData("APPLICATION/JSON", HttpStatusCode.Created)]
    [InlineData(null, HttpStatusCode.Created)]
    public async Task Put_reads_a_json_body_in_utf8_and_refuses_other_content_types(string? contentType, HttpStatusCode expected)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/articles/typed") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Museum)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request);

        if (expected == HttpStatusCode.Created)
        {
            Assert.Equal(expected, response.StatusCode);
        }
        else
        {
            Assert.Equal("unsupported_media_type", (await response.AssertProblemAsync(expected)).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/typed")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/api/articles/zipped", "PUT", "gzip")]
    [InlineData("/api/articles/_bulk", "POST", "gzip")]
    [InlineData("/api/articles/_bulk", "POST", "br, identity")]
    [InlineData("/api/index/_snapshot", "POST", "deflate")]
    public async Task A_compressed_body_is_refused_as_an_unsupported_coding_not_blamed_as_bad_text(string path, string method, string coding)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        using var zipped = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(path.EndsWith("_snapshot", StringComparison.Ordinal) ? "{\"name\":\"zipped\"}" : Museum));
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(zipped.ToArray()) };
        request.Content.Headers.ContentType = new("application/json");
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("unsupported_media_type", problem.GetProperty("code").GetString());
        Assert.Contains("Content-Encoding", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("identity", response.Headers.GetValues("Accept-Encoding").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/zipped")).StatusCode);
    }

    [Fact]
    public async Task A_body_declared_in_the_identity_coding_is_read()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/articles/plain") { Content = new StringContent(Museum, Encoding.UTF8, "application/json") };
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", "identity");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Deletes_and_replacements_update_facet_counts_and_collapsed_copies()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        const string story = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد للأطفال في المدينة بسعة مئتي سرير وبتكلفة بلغت خمسين مليون دينار، على أن يبدأ استقبال المرضى مطلع الشهر المقبل.";
        var lines = string.Join('\n',
            $$"""{"id":"copy-1","title":"افتتاح مستشفى جديد للأطفال","body":"{{story}}","source":"وكالة أ","section":"صحة","publishedAt":"2024-11-01T10:00:00Z"}""",
            $$"""{"id":"copy-2","title":"افتتاح مستشفى جديد للأطفال","body":"{{story}}","source":"وكالة ب","section":"صحة","publishedAt":"2024-11-01T11:00:00Z"}""",
            """{"id":"other","title":"مستشفى الجامعة يستقبل المرضى","body":"بدأ مستشفى الجامعة استقبال المرضى في قسم الطوارئ الجديد.","source":"وكالة أ","section":"صحة","publishedAt":"2024-11-02T10:00:00Z"}""");
        (await client.SendAsync(Bulk(lines, "?refresh=wait_for"))).EnsureSuccessStatusCode();

        var before = await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=مستشفى");
        Assert.Equal(2, before!.Hits.Count);
        Assert.Equal(1, before.Hits.Single(hit => hit.Id.StartsWith("copy", StringComparison.Ordinal)).Duplicates);
        Assert.Equal(3, before.Facets!.Section.Single().Count);

        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/articles/copy-1?refresh=wait_for"))).EnsureSuccessStatusCode();
        (await client.SendAsync(Put("other", """{"title":"مستشفى الجامعة يستقبل المرضى","source":"وكالة أ","section":"مجتمع"}""", "?refresh=wait_for"))).EnsureSuccessStatusCode();

        var after = await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=مستشفى");
        Assert.Equal(["copy-2", "other"], after!.Ids.Order(StringComparer.Ordinal));
        Assert.All(after.Hits, hit => Assert.Equal(0, hit.Duplicates));
        Assert.Equal([new FacetValueBody("صحة", 1), new FacetValueBody("مجتمع", 1)], after.Facets!.Section.OrderBy(value => value.Value, StringComparer.Ordinal));
        Assert.Equal([new FacetValueBody("وكالة أ", 1), new FacetValueBody("وكالة ب", 1)], after.Facets.Source.OrderBy(value => value.Value, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cursor_keeps_its_snapshot_while_articles_are_deleted_and_related_stories_follow_deletes()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        var lines = string.Join('\n', Enumerable.Range(1, 6).Select(i =>
            $$"""{"id":"match-{{i}}","title":"مباراة كرة القدم رقم {{i}} في الدوري","body":"فاز الفريق في مباراة الدوري لكرة القدم بهدف في الجولة {{i * 7}} من الموسم.","publishedAt":"2024-11-0{{i}}T10:00:00Z"}"""));
        (await client.SendAsync(Bulk(lines, "?refresh=wait_for"))).EnsureSuccessStatusCode();

        var first = await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=مباراة&sort=newest&pageSize=3");
        Assert.Equal(["match-6", "match-5", "match-4"], first!.Ids);
        var related = await client.GetFromJsonAsync<RelatedBody>("/api/articles/match-6/related");
        Assert.Contains("match-2", related!.Hits.Select(hit => hit.Id));

        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/articles/match-2?refresh=wait_for"))).EnsureSuccessStatusCode();

        var second = await client.GetFromJsonAsync<NavigationResultsBody>($"/api/search?q=مباراة&sort=newest&pageSize=3&after={Uri.EscapeDataString(first.NextCursor!)}");
        Assert.Equal(["match-3", "match-2", "match-1"], second!.Ids);
        var fresh = await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=مباراة&sort=newest&pageSize=10");
        Assert.DoesNotContain("match-2", fresh!.Ids);
        related = await client.GetFromJsonAsync<RelatedBody>("/api/articles/match-6/related");
        Assert.DoesNotContain("match-2", related!.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task An_operator_body_over_its_limit_is_a_413_and_an_empty_one_takes_the_defaults()
    {
        var snapshots = Directory.CreateTempSubdirectory("search-snapshots-").FullName;
        try
        {
            await using var factory = SearchApiFactory.WithWrites(("Search:SnapshotPath", snapshots));
            using var client = factory.CreateWriter();

            using var large = await client.PostAsJsonAsync("/api/index/_reindex", new { paths = Enumerable.Repeat("/tmp", 20_000) });
            Assert.Equal("payload_too_large", (await large.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("code").GetString());
            using var empty = await client.PostAsync("/api/index/_snapshot", new StringContent("", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, empty.StatusCode);
            using var none = await client.PostAsync("/api/index/_snapshot", null);
            Assert.Equal(HttpStatusCode.Created, none.StatusCode);
        }
        finally
        {
            Directory.Delete(snapshots, recursive: true);
        }
    }

    [Fact]
    public async Task Stats_and_snapshots_are_keyed_and_a_snapshot_is_an_index_a_fresh_service_starts_from()
    {
        var snapshots = Directory.CreateTempSubdirectory("search-snapshots-").FullName;
        try
        {
            await using (var factory = SearchApiFactory.WithWrites(("Search:SnapshotPath", snapshots)))
            {
                using var client = factory.CreateWriter();
                (await client.SendAsync(Put("museum", Museum, "?refresh=wait_for"))).EnsureSuccessStatusCode();

                using var snapshot = await client.PostAsJsonAsync("/api/index/_snapshot", new { name = "nightly" });
                Assert.Equal(HttpStatusCode.Created, snapshot.StatusCode);
                using var again = await client.PostAsJsonAsync("/api/index/_snapshot", new { name = "nightly" });
                Assert.Equal("snapshot_exists", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
                foreach (var badName in new[] { "../escape", "-rf", ".hidden", "a/b", new string('n', 101) })
                {
                    using var refused = await client.PostAsJsonAsync("/api/index/_snapshot", new { name = badName });
                    var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
                    Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), badName);
                }

                // Unnamed snapshots in one second each get a name of their own.
                var unnamed = new List<string>();
                for (var i = 0; i < 3; i++)
                {
                    using var each = await client.PostAsJsonAsync("/api/index/_snapshot", new { });
                    Assert.Equal(HttpStatusCode.Created, each.StatusCode);
                    unnamed.Add(each.Headers.Location!.AbsolutePath);
                }

                Assert.Equal(3, unnamed.Distinct(StringComparer.Ordinal).Count());

                using var stats = JsonDocument.Parse(await client.GetStringAsync("/api/index/stats"));
                var index = stats.RootElement.GetProperty("index");
                Assert.Equal(1, index.GetProperty("articles").GetInt32());
                Assert.True(index.GetProperty("bytesOnDisk").GetInt64() > 0);
                Assert.Equal(1, stats.RootElement.GetProperty("writes").GetProperty("committedSequence").GetInt64());
                Assert.Equal(0, stats.RootElement.GetProperty("writes").GetProperty("pendingChanges").GetInt64());
            }

            await using var restored = SearchApiFactory.WithWrites(("Search:IndexPath", Path.Combine(snapshots, "nightly")));
            using var reader = restored.CreateClient();
            var article = await reader.GetFromJsonAsync<ArticleBody>("/api/articles/museum");
            Assert.Equal("افتتاح متحف الفن الحديث في العاصمة", article!.Title);
        }
        finally
        {
            Directory.Delete(snapshots, recursive: true);
        }
    }

    [Fact]
    public async Task Reindex_rebuilds_from_the_stored_articles_or_from_server_files_and_refuses_missing_paths()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        (await client.SendAsync(Put("museum", Museum, "?refresh=wait_for"))).EnsureSuccessStatusCode();

        using var fromIndex = await client.PostAsJsonAsync("/api/index/_reindex", new { });
        Assert.Equal(HttpStatusCode.OK, fromIndex.StatusCode);
        using (var body = JsonDocument.Parse(await fromIndex.Content.ReadAsStringAsync()))
        {
            Assert.Equal(1, body.RootElement.GetProperty("imported").GetInt64());
        }

        Assert.Equal(["museum"], (await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=متحف"))!.Ids);

        using var missing = await client.PostAsJsonAsync("/api/index/_reindex", new { paths = new[] { "/no/such/folder" } });
        var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("paths", out _));

        using var fromFiles = await client.PostAsJsonAsync("/api/index/_reindex", new { paths = new[] { RepositoryLayout.SampleDataPath } });
        Assert.Equal(HttpStatusCode.OK, fromFiles.StatusCode);
        using var gone = await client.GetAsync("/api/articles/museum");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True((await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=الاتصالات"))!.Total > 0);
    }

    [Fact]
    public async Task A_snapshot_named_in_arabic_letters_is_refused_saying_the_letters_must_be_latin()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var refused = await client.PostAsJsonAsync("/api/index/_snapshot", new { name = "نسخة-ليلية" });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("name").EnumerateArray()).GetString();
        Assert.Contains("Latin letters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshots_of_one_name_asked_for_at_once_make_one_snapshot_and_tell_the_others_it_exists()
    {
        var snapshots = Directory.CreateTempSubdirectory("search-snapshots-").FullName;
        try
        {
            await using var factory = SearchApiFactory.WithWrites(("Search:SnapshotPath", snapshots));
            using var client = factory.CreateWriter();
            (await client.SendAsync(Put("museum", Museum, "?refresh=wait_for"))).EnsureSuccessStatusCode();

            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/index/_snapshot", new { name = "race" })));

            Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
            {
                var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
                Assert.Equal("snapshot_exists", problem.GetProperty("code").GetString());
                Assert.DoesNotContain(snapshots, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            await using var restored = SearchApiFactory.WithWrites(("Search:IndexPath", Path.Combine(snapshots, "race")));
            Assert.Equal("افتتاح متحف الفن الحديث في العاصمة", (await restored.CreateClient().GetFromJsonAsync<ArticleBody>("/api/articles/museum"))!.Title);
        }
        finally
        {
            Directory.Delete(snapshots, recursive: true);
        }
    }

    [Fact]
    public async Task A_reindex_from_files_that_hold_no_article_is_refused_and_leaves_every_article()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        (await client.SendAsync(Put("museum", Museum, "?refresh=wait_for"))).EnsureSuccessStatusCode();
        var notArticles = Directory.CreateTempSubdirectory("search-not-articles-").FullName;
        await File.WriteAllTextAsync(Path.Combine(notArticles, "notes.bin"), "not an article");

        try
        {
            using var refused = await client.PostAsJsonAsync("/api/index/_reindex", new { paths = new[] { notArticles } });

            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("empty_source", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("paths", out _));
            Assert.Equal("افتتاح متحف الفن الحديث في العاصمة", (await client.GetFromJsonAsync<ArticleBody>("/api/articles/museum"))!.Title);
            Assert.Equal(["museum"], (await client.GetFromJsonAsync<NavigationResultsBody>("/api/search?q=متحف"))!.Ids);
        }
        finally
        {
            Directory.Delete(notArticles, recursive: true);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task An_id_a_url_path_reads_as_a_step_is_read_with_its_related_stories_with_the_id_in_the_query(string id)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        var lines = $$"""{"id":"{{id}}",{{Museum[1..]}}""" + "\n" + """{"id":"other","title":"متحف الفن الحديث يستقبل زواره","body":"افتتح وزير الثقافة متحف الفن الحديث."}""";
        using var bulk = await client.SendAsync(Bulk(lines, "?refresh=wait_for"));
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);

        // In the path it cannot be asked for, %2E-encoded or not: the path loses the segment.
        using var inPath = await client.GetAsync($"/api/articles/{id.Replace(".", "%2E", StringComparison.Ordinal)}");
        Assert.NotEqual(HttpStatusCode.OK, inPath.StatusCode);

        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles?id={Uri.EscapeDataString(id)}");
        Assert.Equal(id, article.GetProperty("id").GetString());
        Assert.Equal("افتتاح متحف الفن الحديث في العاصمة", article.GetProperty("title").GetString());
        var related = await client.GetFromJsonAsync<JsonElement>($"/api/related?id={Uri.EscapeDataString(id)}&count=3");
        Assert.Equal(id, related.GetProperty("id").GetString());
        Assert.Equal(["other"], related.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/api/articles?id=nothing-here", HttpStatusCode.NotFound, null)]
    [InlineData("/api/related?id=nothing-here", HttpStatusCode.NotFound, null)]
    [InlineData("/api/articles", HttpStatusCode.BadRequest, null)]
    [InlineData("/api/articles?id=a&id=b", HttpStatusCode.BadRequest, "id")]
    [InlineData("/api/related?id=a&id=b", HttpStatusCode.BadRequest, "id")]
    [InlineData("/api/related?id=other&count=0", HttpStatusCode.BadRequest, "count")]
    public async Task The_query_forms_refuse_a_missing_repeated_or_unknown_id_and_a_bad_count(string path, HttpStatusCode status, string? field)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();
        using var put = await client.SendAsync(Put("other", Museum));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var response = await client.GetAsync(path);

        var problem = await response.AssertProblemAsync(status);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    private static HttpRequestMessage Put(string id, string json, string query = "") =>
        new(HttpMethod.Put, $"/api/articles/{id}{query}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Bulk(string lines, string query = "") =>
        new(HttpMethod.Post, "/api/articles/_bulk" + query) { Content = new StringContent(lines, Encoding.UTF8, "application/x-ndjson") };

    private sealed record WriteResultBody(string Id, string Result, long Sequence);

    private sealed record BulkBody(long TookMs, bool Errors, int Succeeded, int Failed, IReadOnlyList<BulkItemBody> Items);

    private sealed record BulkItemBody(int Line, string? Id, int Status, string? Result, string? Error, string? Field);
}
