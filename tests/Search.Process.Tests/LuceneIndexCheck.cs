using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Storage;

namespace Search.Process.Tests;

/// <summary>Lucene's <see cref="CheckIndex"/> over an index folder no process has open: reads every segment of the last
/// commit and verifies postings, stored fields, doc values and checksums. Read-only.</summary>
internal static class LuceneIndexCheck
{
    /// <returns>Whether the last commit is clean, and CheckIndex's report; null when the folder holds no commit yet.</returns>
    public static (bool Clean, string Report)? Run(string indexPath)
    {
        // The service writes its segments with NewsCodec; Lucene finds it by name once Search.Core has registered it.
        RuntimeHelpers.RunModuleConstructor(typeof(NewsCodec).Module.ModuleHandle);
        using var directory = new NIOFSDirectory(indexPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        using var report = new StringWriter();
        var checker = new CheckIndex(directory);
        checker.InfoStream = report;
        var status = checker.DoCheckIndex();
        return (status.Clean, report.ToString());
    }
}
