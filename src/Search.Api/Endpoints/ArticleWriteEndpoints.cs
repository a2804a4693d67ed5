using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Search.Api.Admission;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Api.Hosting;
using Search.Api.Security;
using Search.Core.Documents;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Api.Endpoints;

/// <summary>
/// The keyed write API: <c>PUT</c> and <c>DELETE /api/articles/{id}</c>, and <c>POST /api/articles/_bulk</c> with one
/// article a line. Every 2xx means the write is durable (it survives a crash of the process or the machine).
/// </summary>
public static class ArticleWriteEndpoints
{
    private const string RefreshDescription =
        "wait_for (or true): answer once searches see the write. Leave out (or false): answer once it is durable; searches see it within a second.";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] NdjsonTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/json", "text/plain"];

    private static readonly string[] JsonTypes = ["application/json", "text/json", "text/plain"];

    public static IEndpointRouteBuilder MapArticleWriteEndpoints(this IEndpointRouteBuilder routes)
    {
        var writes = routes.MapGroup("/api/articles")
            .WithTags("Writing")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        writes.MapPost("/_bulk", Bulk)
            .WithName("BulkWriteArticles")
            .WithSummary("Create or replace many articles, one JSON object a line (NDJSON)")
            .WithDescription("Each non-blank line is an article in the shape GET /api/articles/{id} returns (or as the JSON Lines reader takes it). Answers one item per line, in order: 201 created, 200 updated, 400 invalid (the other lines are still written). All valid lines are durable when the answer comes.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapPut("/{**id}", Put)
            .WithName("PutArticle")
            .WithSummary("Create or replace an article")
            .WithDescription("The body is the article in the shape GET /api/articles/{id} returns; its id, when present, must equal the path's. 201 when new, 200 when it replaced one.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapDelete("/{**id}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Remove an article")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Results<Created<WriteResult>, Ok<WriteResult>, ValidationProblem, ProblemHttpResult>> Put(
        string id,
        HttpRequest request,
        ArticleStore store,
        IOptions<WriteApiOptions> options,
        WriteAdmission admission,
        [Description(RefreshDescription)] string? refresh,
        CancellationToken cancellationToken)
    {
        id = ArticleEndpoints.RouteId(id);
        if (!ArticleEndpoints.PathIsUtf8(request))
        {
            return IdNotUtf8();
        }

        if (!TryVisibility(refresh, out var visibility))
        {
            return InvalidRefresh();
        }

        if (RequestContentType.Refusal(request, JsonTypes, "Send the article as application/json in UTF-8") is { } refusal)
        {
            return refusal;
        }

        using var lease = admission.Enter(Math.Min(request.ContentLength ?? long.MaxValue, options.Value.MaxArticleBytes));
        if (!lease.IsAcquired)
        {
            return WritesOverloaded(request.HttpContext.Response, BodiesFull);
        }

        var body = await RequestBody.ReadAsync(request, options.Value.MaxArticleBytes, options.Value.MinBodyBytesPerSecond, cancellationToken);
        if (body is null)
        {
            return ApiErrors.Problem(ApiErrors.PayloadTooLarge, $"An article may be at most {options.Value.MaxArticleBytes:N0} bytes (Search:Writes:MaxArticleBytes).");
        }

        if (!TryDecode(body, out var json))
        {
            return ApiErrors.Validation(ApiErrors.InvalidArticle, Field("body", "The body is not valid UTF-8."));
        }

        var parsed = JsonLinesArticleReader.ParseJson(json, "body", 1, defaultId: id);
        if (parsed.Problem is { } problem)
        {
            return ApiErrors.Validation(ApiErrors.InvalidArticle, Field(problem.Field ?? "body", problem.Message));
        }

        var article = parsed.Article!;
        if (article.Id != id)
        {
            // Ids are stored trimmed, so a path id with white space at an end never equals the article's.
            return ApiErrors.Validation(ApiErrors.InvalidArticle, Field("id", id.Trim() != id
                ? $"The path's id '{id}' begins or ends with white space, which an id never keeps; send it as '{id.Trim()}'."
                : $"The body's id '{article.Id}' differs from the path's '{id}'."));
        }

        using var pending = EnterChanges(admission, 1, bulk: false, cancellationToken);
        if (!pending.IsAcquired)
        {
            return WritesOverloaded(request.HttpContext.Response, ChangesFull);
        }

        var (receipt, failure) = await WriteAsync(store, [ArticleChange.Upsert(article)], visibility, request.HttpContext.Response);
        if (failure is not null)
        {
            return failure;
        }

        var outcome = receipt!.Outcomes[0];
        var result = new WriteResult(id, ResultName(outcome), receipt.Sequences.First);
        return outcome == ChangeOutcome.Created
            ? TypedResults.Created($"/api/articles/{Uri.EscapeDataString(id)}", result)
            : TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<WriteResult>, ValidationProblem, ProblemHttpResult>> Delete(
        string id,
        ArticleStore store,
        HttpResponse response,
        WriteAdmission admission,
        [Description(RefreshDescription)] string? refresh,
        CancellationToken cancellationToken)
    {
        id = ArticleEndpoints.RouteId(id);
        if (!ArticleEndpoints.PathIsUtf8(response.HttpContext.Request))
        {
            return IdNotUtf8();
        }

        if (!TryVisibility(refresh, out var visibility))
        {
            return InvalidRefresh();
        }

        using var pending = EnterChanges(admission, 1, bulk: false, cancellationToken);
        if (!pending.IsAcquired)
        {
            return WritesOverloaded(response, ChangesFull);
        }

        var (receipt, failure) = await WriteAsync(store, [ArticleChange.Delete(id)], visibility, response);
        if (failure is not null)
        {
            return failure;
        }

        return receipt!.Outcomes[0] == ChangeOutcome.NotFound
            ? ApiErrors.Problem(ApiErrors.ArticleNotFound, $"No article has the id '{id}'.")
            : TypedResults.Ok(new WriteResult(id, ResultName(ChangeOutcome.Deleted), receipt.Sequences.First));
    }

    internal static async Task<Results<Ok<BulkResponse>, ValidationProblem, ProblemHttpResult>> Bulk(
        HttpRequest request,
        ArticleStore store,
        IOptions<WriteApiOptions> options,
        WriteAdmission admission,
        [Description(RefreshDescription)] string? refresh,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var limits = options.Value;
        if (!TryVisibility(refresh, out var visibility))
        {
            return InvalidRefresh();
        }

        if (RequestContentType.Refusal(request, NdjsonTypes, "Send one JSON article a line as application/x-ndjson in UTF-8") is { } refusal)
        {
            return refusal;
        }

        using var lease = admission.Enter(Math.Min(request.ContentLength ?? long.MaxValue, limits.MaxBulkBytes));
        if (!lease.IsAcquired)
        {
            return WritesOverloaded(request.HttpContext.Response, BodiesFull);
        }

        var body = await RequestBody.ReadAsync(request, limits.MaxBulkBytes, limits.MinBodyBytesPerSecond, cancellationToken);
        if (body is null)
        {
            return ApiErrors.Problem(ApiErrors.PayloadTooLarge, $"A bulk request may be at most {limits.MaxBulkBytes:N0} bytes (Search:Writes:MaxBulkBytes); split it.");
        }

        // Lines are split as bytes and decoded one by one, so that a line in another encoding is that line's error
        // and the others are still written. They are walked twice rather than listed: a list costs 16 bytes a line
        // and the lists sized by it as much again: one bulk of 32 MB of bare newlines grew the service by 1.9 GB.
        var articleLines = 0;
        var position = 0;
        foreach (var line in Lines(body))
        {
            position++;
            if (IsBlank(line.Span))
            {
                continue;
            }

            if (position > limits.MaxBulkLines)
            {
                return ApiErrors.Problem(ApiErrors.PayloadTooLarge, $"A bulk request may hold at most {limits.MaxBulkLines:N0} lines (Search:Writes:MaxBulkLines); split it.");
            }

            articleLines++;
        }

        var items = new List<BulkItem>(articleLines);
        var changes = new List<ArticleChange>(articleLines);
        var changeItems = new List<int>(articleLines);
        var number = 0;
        foreach (var bytes in Lines(body))
        {
            number++;
            if (IsBlank(bytes.Span))
            {
                continue;
            }

            if (bytes.Length > limits.MaxArticleBytes)
            {
                items.Add(new BulkItem(number, null, StatusCodes.Status413PayloadTooLarge, Error: $"the line is larger than {limits.MaxArticleBytes:N0} bytes (Search:Writes:MaxArticleBytes)"));
                continue;
            }

            if (!TryDecode(bytes.Span, out var line))
            {
                items.Add(new BulkItem(number, null, StatusCodes.Status400BadRequest, Error: "the line is not valid UTF-8"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = JsonLinesArticleReader.ParseLine(line, "_bulk", number);
            if (parsed.Article is { } article)
            {
                changeItems.Add(items.Count);
                changes.Add(ArticleChange.Upsert(article));
                items.Add(new BulkItem(number, article.Id, 0));
            }
            else
            {
                var problem = parsed.Problem!;
                items.Add(new BulkItem(number, null, StatusCodes.Status400BadRequest, Error: problem.Message, Field: problem.Field));
            }
        }

        if (changes.Count > 0)
        {
            using var pending = EnterChanges(admission, changes.Count, bulk: true, cancellationToken);
            if (!pending.IsAcquired)
            {
                return WritesOverloaded(request.HttpContext.Response, ChangesFull);
            }

            var (receipt, failure) = await WriteAsync(store, changes, visibility, request.HttpContext.Response);
            if (failure is not null)
            {
                return failure;
            }

            for (var i = 0; i < changeItems.Count; i++)
            {
                var outcome = receipt!.Outcomes[i];
                items[changeItems[i]] = items[changeItems[i]] with
                {
                    Status = outcome == ChangeOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
                    Result = ResultName(outcome),
                };
            }
        }

        var failed = items.Count - changes.Count;
        return TypedResults.Ok(new BulkResponse(clock.ElapsedMilliseconds, failed > 0, changes.Count, failed, items));
    }

    /// <summary>When to send a write again that the store could not take (PostgreSQL out of reach, a full disk): the
    /// store's own reconnection starts from a one-second pause, and a client waiting a little longer spares it a storm of
    /// retries.</summary>
    private const string StoreRetryAfterSeconds = "5";

    private static async Task<(WriteReceipt? Receipt, ProblemHttpResult? Failure)> WriteAsync(
        ArticleStore store, IReadOnlyList<ArticleChange> changes, WriteVisibility visibility, HttpResponse response)
    {
        try
        {
            // Not the request's token: once handed to the log a write completes, whether or not the client waits.
            return (await store.WriteAsync(changes, visibility, CancellationToken.None), null);
        }
        catch (StorageFaultException ex)
        {
            // Refused before the log: the store tries the folder again by itself, and says when.
            response.Headers.RetryAfter = RetryAfterSeconds(ex.Fault);
            return (null, ApiErrors.Problem(ApiErrors.WriteUnavailable, $"The write was not acknowledged: {ex.Message} Send it again later; writing an article twice is safe."));
        }
        catch (IOException ex)
        {
            // Not "nothing was written": a connection lost during COMMIT leaves the write possibly stored. Either way
            // it was not acknowledged, and sending it again is safe, since writes are keyed upserts and deletes.
            response.Headers.RetryAfter = StoreRetryAfterSeconds;
            return (null, ApiErrors.Problem(ApiErrors.WriteUnavailable, $"The write was not acknowledged: {ex.Message} Send it again later; writing an article twice is safe."));
        }
        catch (InvalidOperationException ex)
        {
            return (null, ApiErrors.Problem(ApiErrors.WriteUnavailable, ex.InnerException is ForeignLogException foreign
                ? $"Nothing was written: {foreign.Message}"
                : "The index stopped applying writes; the service needs a restart. Acknowledged writes are safe in the log."));
        }
    }

    /// <summary>The store's next try of its storage, in whole seconds, at least one.</summary>
    internal static string RetryAfterSeconds(StorageFault fault) =>
        Math.Max(1, (int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Room for <paramref name="changes"/> among the changes not yet applied. A client that went away while its
    /// body was parsed gets nothing written (it was told nothing), rather than its changes queued ahead of others.</summary>
    private static System.Threading.RateLimiting.RateLimitLease EnterChanges(WriteAdmission admission, int changes, bool bulk, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return admission.EnterChanges(changes, bulk);
    }

    private const string BodiesFull =
        "The service holds as many writes as it takes at once (Search:Writes:MaxPendingBytes); nothing was written, send it again in a second.";

    private const string ChangesFull =
        "The index has as many changes waiting to be applied as the service takes (Search:Writes:MaxPendingArticles); nothing was written, send it again in a second.";

    /// <summary>A 503 that says which bound is full (<see cref="BodiesFull"/>, <see cref="ChangesFull"/>).</summary>
    private static ProblemHttpResult WritesOverloaded(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = "1";
        return ApiErrors.Problem(ApiErrors.WritesOverloaded, detail);
    }

    private static bool TryVisibility(string? refresh, out WriteVisibility visibility)
    {
        visibility = refresh switch
        {
            null or "false" => WriteVisibility.Default,
            "" or "true" or "wait_for" => WriteVisibility.WaitForSearch,
            _ => (WriteVisibility)(-1),
        };
        return Enum.IsDefined(visibility);
    }

    private static ValidationProblem InvalidRefresh() =>
        ApiErrors.Validation(ApiErrors.InvalidParameter, Field("refresh", "refresh must be wait_for, true or false."));

    /// <summary>The body's lines as bytes, split at each LF (a byte order mark before the first goes as it is decoded).</summary>
    private static IEnumerable<ReadOnlyMemory<byte>> Lines(byte[] body)
    {
        var start = 0;
        for (var end = Array.IndexOf(body, (byte)'\n', start); end >= 0; end = Array.IndexOf(body, (byte)'\n', start))
        {
            yield return body.AsMemory(start, end - start);
            start = end + 1;
        }

        yield return body.AsMemory(start);
    }

    /// <summary>Whether a line holds only ASCII white space, passed over without decoding (as is a line of other white
    /// space once decoded), as blank lines in the indexer's JSON Lines files are.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r\f\v"u8).IsEmpty;

    /// <summary>Decodes strict UTF-8, leaving out a leading byte order mark, which some editors write and the
    /// indexer's reader takes too.</summary>
    private static bool TryDecode(ReadOnlySpan<byte> body, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(body.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static ValidationProblem IdNotUtf8() =>
        ApiErrors.Validation(ApiErrors.InvalidArticle, Field("id", "The path's id is not UTF-8 once its %-escapes are decoded; escape the id's UTF-8 bytes."));

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };

    private static string ResultName(ChangeOutcome outcome) => outcome switch
    {
        ChangeOutcome.Created => "created",
        ChangeOutcome.Updated => "updated",
        ChangeOutcome.Deleted => "deleted",
        _ => "not_found",
    };
}
