using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Errors;

namespace Search.Api.Endpoints;

/// <summary>
/// <c>GET /opensearch.xml</c>: an OpenSearch 1.1 description of the search page, which browsers read (through the
/// pages' <c>&lt;link rel="search"&gt;</c>) to offer the site's search in their address bar.
/// </summary>
public static class OpenSearchEndpoints
{
    public const string ContentType = "application/opensearchdescription+xml";

    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static IEndpointRouteBuilder MapOpenSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/opensearch.xml", Description)
            .WithName("OpenSearchDescription")
            .WithSummary("OpenSearch 1.1 description of the search page, for browsers")
            .WithTags("Page")
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Description(HttpRequest request)
    {
        if (!request.Host.HasValue)
        {
            // HTTP/1.0 without a Host header, or an empty one: the addresses would read http:///?q=…, which no browser can use.
            return ApiErrors.Problem(ApiErrors.MalformedRequest, "The request names no host (its Host header is missing or empty), so the description's absolute addresses cannot be written; send the site's host name.");
        }

        // Absolute URLs, as the specification requires, built from the address the browser used to reach us, so the
        // description is right behind any host name or path base without configuration.
        var site = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                OpenSearch + "OpenSearchDescription",
                new XElement(OpenSearch + "ShortName", "بحث الأخبار"),
                new XElement(OpenSearch + "Description", "البحث في الأخبار العربية: كلمات، عبارات بين علامتي تنصيص، واستبعاد بعلامة الطرح."),
                new XElement(OpenSearch + "Url", new XAttribute("type", "text/html"), new XAttribute("method", "get"), new XAttribute("template", $"{site}/?q={{searchTerms}}")),
                new XElement(OpenSearch + "Url", new XAttribute("type", ContentType), new XAttribute("rel", "self"), new XAttribute("template", $"{site}/opensearch.xml")),
                new XElement(OpenSearch + "Language", "ar"),
                new XElement(OpenSearch + "InputEncoding", "UTF-8"),
                new XElement(OpenSearch + "OutputEncoding", "UTF-8")));
        return TypedResults.Text(document.Declaration + "\n" + document.ToString(), ContentType, Encoding.UTF8);
    }
}
