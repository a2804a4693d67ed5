using Search.Api.Errors;

namespace Search.Api.Security;

/// <summary>
/// Guards the write and operator endpoints: with no key configured they are off (403, saying how to turn them on),
/// never open by accident; a missing or wrong key is a 401 (<see cref="ApiKeys"/>).
/// </summary>
internal sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!keys.AnyConfigured)
        {
            return ApiErrors.Problem(ApiErrors.WritesDisabled, "Writes are turned off on this service: configure at least one key in Search:ApiKeys (environment Search__ApiKeys__0) and send it in the X-Api-Key header.");
        }

        return keys.Refusal(context.HttpContext.Request) ?? await next(context);
    }
}
