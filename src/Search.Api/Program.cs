using Search.Api.Endpoints;
using Search.Api.Hosting;
using Search.Api.Security;
using Search.Api.Telemetry;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNewsSearch();
builder.AddNewsFeeds();
builder.AddCrossOriginReads();
builder.AddSearchTelemetry();
builder.AddCompressedResponses();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseResponseCompression();
app.UseFileServer();
app.UseRoutingWithHead();
app.UseCors();
app.UseRateLimiter();
app.UseOutputCache();

app.MapOpenApi("/openapi/v1.json").CacheOutput(SearchServiceExtensions.OpenApiDocumentCache);
app.MapTelemetryEndpoints();
app.MapNewsSearchEndpoints();

return await app.RunNewsSearchAsync();

/// <summary>Visible to the API tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
