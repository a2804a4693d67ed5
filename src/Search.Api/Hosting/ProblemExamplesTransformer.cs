using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Search.Api.Hosting;

/// <summary>Adds an example problem body to every documented 400, 404 and 503 response, so clients see the error shape.</summary>
internal sealed class ProblemExamplesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["400"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The search request is invalid","status":400,
             "errors":{"pageSize":["The page size must be between 1 and 100."]},"code":"invalid_search_request"}
            """,
        ["404"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Article not found","status":404,
             "detail":"No article has the id 'sample-tech-999'.","code":"article_not_found"}
            """,
        ["503"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"Too many concurrent searches","status":503,
             "detail":"The service is at its concurrency limit; retry shortly."}
            """,
    };

    private const string RelatedCountExample = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request is invalid","status":400,
         "errors":{"count":["The count must be between 1 and 50."]}}
        """;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!Examples.TryGetValue(status, out var example) || response.Content is null)
            {
                continue;
            }

            if (status == "400" && context.Description.RelativePath?.EndsWith("related", StringComparison.Ordinal) == true)
            {
                example = RelatedCountExample;
            }

            foreach (var media in response.Content.Values)
            {
                media.Example = JsonNode.Parse(example);
            }
        }

        return Task.CompletedTask;
    }
}
