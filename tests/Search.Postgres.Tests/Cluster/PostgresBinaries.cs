namespace Search.Postgres.Tests.Cluster;

/// <summary>Where PostgreSQL's server programs are: <c>PG_BIN</c> when set, else the newest
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian keeps them there, off the PATH), else <c>initdb</c> on the PATH.</summary>
internal static class PostgresBinaries
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The folder holding initdb, pg_ctl and pg_basebackup; null when PostgreSQL is not installed.</summary>
    public static string? Folder => Found.Value;

    public static string SkipReason =>
        "PostgreSQL is not installed (no initdb in PG_BIN, /usr/lib/postgresql/*/bin or on the PATH): apt-get install -y postgresql";

    public static string Program(string name) => Path.Combine(Folder ?? throw new InvalidOperationException(SkipReason), name);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } given && File.Exists(Path.Combine(given, "initdb")))
        {
            return given;
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(folder => (Folder: Path.Combine(folder, "bin"), Version: double.TryParse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.Folder, "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Folder)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, "initdb")));
        return onPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(ResolveLink(Path.Combine(onPath, "initdb"))));
    }

    private static string ResolveLink(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
