using Search.Api.Endpoints;
using Search.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsSearch();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapNewsSearchEndpoints();

return await app.RunNewsSearchAsync();

/// <summary>Visible to the API tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
