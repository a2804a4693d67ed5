using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Search.Api.Errors;

namespace Search.Api.Hosting;

/// <summary>
/// Adds an example problem body to every documented error response, built from the one table of errors
/// (<see cref="ApiErrors"/>), so clients see the exact shape and code they will get.
/// </summary>
internal sealed class ProblemExamplesTransformer : IOpenApiOperationTransformer
{
    /// <summary>Where an operation's error of a status is not the table's first of that status.</summary>
    private static readonly Dictionary<(string Operation, string Status), ApiError> Specific = new()
    {
        [("GetRelatedArticles", "400")] = ApiErrors.InvalidParameter,
        [("GetArticle", "400")] = ApiErrors.MalformedRequest,
        [("GetArticle", "503")] = ApiErrors.IndexUnavailable,
        [("Suggest", "400")] = ApiErrors.InvalidParameter,
        [("PutArticle", "400")] = ApiErrors.InvalidArticle,
        [("BulkWriteArticles", "400")] = ApiErrors.InvalidArticle,
        [("DeleteArticle", "400")] = ApiErrors.InvalidParameter,
        [("SnapshotIndex", "400")] = ApiErrors.InvalidParameter,
        [("ReindexIndex", "400")] = ApiErrors.InvalidParameter,
        [("SnapshotIndex", "503")] = ApiErrors.WriteUnavailable,
        [("SnapshotIndex", "409")] = ApiErrors.SnapshotExists,
        [("ReindexIndex", "503")] = ApiErrors.ServiceStopping,
        [("PutArticle", "503")] = ApiErrors.WriteUnavailable,
        [("BulkWriteArticles", "503")] = ApiErrors.WriteUnavailable,
        [("DeleteArticle", "503")] = ApiErrors.WriteUnavailable,
    };

    private static readonly Dictionary<string, string> InvalidField = new(StringComparer.Ordinal)
    {
        [ApiErrors.InvalidSearchRequest.Code] = "pageSize",
        [ApiErrors.InvalidArticle.Code] = "title",
        [ApiErrors.InvalidParameter.Code] = "count",
    };

    /// <summary>Where an operation's example names another parameter than its error's usual one.</summary>
    private static readonly Dictionary<string, string> OperationField = new(StringComparer.Ordinal)
    {
        ["Suggest"] = "q",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is null || !int.TryParse(status, out var code) || code < 400)
            {
                continue;
            }

            var error = Specific.GetValueOrDefault((operation.OperationId ?? "", status)) ?? ApiErrors.All.FirstOrDefault(candidate => candidate.Status == code);
            if (error is null)
            {
                continue;
            }

            foreach (var media in response.Content.Values)
            {
                media.Example = Example(error, OperationField.GetValueOrDefault(operation.OperationId ?? ""));
            }
        }

        return Task.CompletedTask;
    }

    private static JsonObject Example(ApiError error, string? operationField)
    {
        var example = new JsonObject
        {
            ["title"] = error.Title,
            ["status"] = error.Status,
            ["code"] = error.Code,
        };
        if (InvalidField.TryGetValue(error.Code, out var field))
        {
            field = operationField ?? field;
            example["errors"] = new JsonObject { [field] = new JsonArray("What is wrong with it, in words.") };
        }
        else
        {
            example["detail"] = "What went wrong and what to do, in words.";
        }

        return example;
    }
}
