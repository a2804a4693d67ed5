namespace Search.Api.Security;

/// <summary>The keys that allow writes (<c>Search:ApiKeys</c>, or <c>Search__ApiKeys__0</c> in the environment).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Search";

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header. None configured turns writes off.</summary>
    public string[] ApiKeys { get; set; } = [];
}
