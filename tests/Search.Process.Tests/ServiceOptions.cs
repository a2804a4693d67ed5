namespace Search.Process.Tests;

/// <summary>How to run one service process: its index folder, the key that allows writes, and any further settings
/// as environment variables (<c>Search__Writes__CommitIntervalSeconds</c> …).</summary>
public sealed record ServiceOptions(string IndexPath)
{
    public const string DefaultApiKey = "process-tests-key";

    public string ApiKey { get; init; } = DefaultApiKey;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long start-up may take until <c>/health</c> answers; generous, as the suite runs projects in
    /// parallel on few cores.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
