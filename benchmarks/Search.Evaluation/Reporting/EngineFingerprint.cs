using System.Security.Cryptography;
using Search.Core.Indexing;

namespace Search.Evaluation.Reporting;

/// <summary>
/// Identifies the Search.Core build that was measured: the first 12 hex digits of the SHA-256 of its assembly. Builds are
/// deterministic, so the same sources give the same fingerprint, and a report can be matched to the engine it scored.
/// </summary>
public static class EngineFingerprint
{
    public static string Current { get; } = Compute();

    private static string Compute()
    {
        var path = typeof(NewsIndex).Assembly.Location;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return "unknown";
        }

        using var file = File.OpenRead(path);
        return "Search.Core.dll sha256:" + Convert.ToHexString(SHA256.HashData(file))[..12].ToLowerInvariant();
    }
}
