using System.CommandLine;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>The <c>--url</c> and <c>--api-key</c> options that point a command at a running service.</summary>
internal static class ServiceTarget
{
    /// <summary>Where the key is read from when <c>--api-key</c> is left out, so it need not show in the process list.</summary>
    public const string ApiKeyVariable = "SEARCH_API_KEY";

    public static Option<string> CreateUrlOption(string description)
    {
        var option = new Option<string>("--url") { Description = description };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                result.AddError($"--url must be an http:// or https:// address, such as http://localhost:5080; got {text}.");
            }
        });
        return option;
    }

    public static Option<string> CreateApiKeyOption() => new("--api-key")
    {
        Description = $"A key the service accepts for writes (its Search:ApiKeys). Default: the {ApiKeyVariable} environment variable.",
    };

    /// <summary>A client for the service named on the command line.</summary>
    /// <returns>Null, with the reason on stderr, when no key was given.</returns>
    public static ServiceClient? Connect(ParseResult parseResult, Option<string> url, Option<string> apiKey, ServiceConnection connection)
    {
        var key = parseResult.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            parseResult.InvocationConfiguration.Error.WriteLine(
                $"error: writing to a service needs one of its API keys: --api-key KEY, or the {ApiKeyVariable} environment variable.");
            return null;
        }

        return connection.Connect(new Uri(parseResult.GetRequiredValue(url)), key);
    }
}
