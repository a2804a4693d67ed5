using Microsoft.Extensions.Options;
using Npgsql;

namespace Search.Api.Hosting;

/// <summary>With <c>Search:Store</c> = <c>postgres</c>, a connection string must be given and parse; checked at start,
/// so a typo stops the service with the reason instead of surfacing at the first write.</summary>
internal sealed class PostgresOptionsValidator(IOptions<SearchServiceOptions> service) : IValidateOptions<PostgresOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        if (service.Value.Store != StoreKind.Postgres)
        {
            return ValidateOptionsResult.Skip;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Search:Store is postgres but Search:Postgres:ConnectionString is empty; give an Npgsql connection string, e.g. Host=db;Database=search;Username=search;Password=…");
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(parsed.Host)
                ? ValidateOptionsResult.Fail("Search:Postgres:ConnectionString names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail($"Search:Postgres:ConnectionString does not parse: {ex.Message}");
        }
    }
}
