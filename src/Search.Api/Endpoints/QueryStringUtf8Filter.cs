using System.Net;
using Search.Api.Errors;

namespace Search.Api.Endpoints;

/// <summary>
/// Refuses a query string whose %-escapes do not decode to UTF-8: binding leaves such escapes as they came, so
/// <c>q=%E6%D2%ED%D1</c> (وزير from a windows-1256 form) or <c>q=%ED%A0%80</c> (a lone surrogate) would be searched,
/// echoed and matched as the letters and digits of the escapes themselves.
/// </summary>
internal sealed class QueryStringUtf8Filter : IEndpointFilter
{
    private const int MaxNamed = 10;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var query = context.HttpContext.Request.QueryString.Value;
        if (string.IsNullOrEmpty(query) || !query.Contains('%', StringComparison.Ordinal))
        {
            return next(context);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // A few names are enough to fix a request; thousands of bad names would make a 400 ten times the request's size.
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (errors.Count == MaxNamed)
            {
                break;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (!PercentEscapes.DecodeToUtf8(pair))
            {
                errors.TryAdd(
                    PercentEscapes.DecodeToUtf8(name) ? WebUtility.UrlDecode(name) : name,
                    ["The parameter is not UTF-8 once its %-escapes are decoded; percent-encode the text's UTF-8 bytes, as browsers do."]);
            }
        }

        return errors.Count == 0 ? next(context) : ValueTask.FromResult<object?>(ApiErrors.Validation(ApiErrors.InvalidParameter, errors));
    }
}
