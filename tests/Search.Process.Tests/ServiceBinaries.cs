using System.Reflection;

namespace Search.Process.Tests;

/// <summary>Where the built programs are: their paths are baked into this assembly at build time (see the project
/// file), and the environment variables <c>SEARCH_API_DLL</c> and <c>SEARCH_INDEXER_DLL</c> override them.</summary>
internal static class ServiceBinaries
{
    public static string SearchApi => Find("SearchApiDll", "SEARCH_API_DLL");

    public static string Indexer => Find("SearchIndexerDll", "SEARCH_INDEXER_DLL");

    private static string Find(string key, string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } overridden
            ? overridden
            : typeof(ServiceBinaries).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(attribute => attribute.Key == key)?.Value;
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The built program is missing ({path ?? "no path recorded"}): build Search.sln, or set {variable}.");
    }
}
