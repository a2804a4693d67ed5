namespace Search.Api.Tests;

/// <summary>Finds the repository from the test assembly, so the tests run from any clone.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "Search.sln";

    /// <summary>The folder that holds <c>Search.sln</c>, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The committed sample corpus the service indexes at start-up.</summary>
    public static string SampleDataPath { get; } = Path.Combine(Root, "index-data");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains {SolutionFile}.");
    }
}
