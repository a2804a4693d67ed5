using Search.Api.Endpoints;
using Search.Api.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNewsSearch();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapSearchEndpoints();
app.MapArticleEndpoints();

app.Run();

/// <summary>Visible to the API tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
