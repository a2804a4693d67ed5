using System.Runtime.InteropServices;

namespace Search.Process.Tests;

/// <summary>Asks a process to stop as an operator would (SIGTERM, which ASP.NET Core turns into a graceful shutdown).
/// .NET can only SIGKILL another process, hence libc.</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("A graceful stop is sent as SIGTERM, which needs Linux or macOS.");
        }

        if (Kill(processId, SigTerm) != 0)
        {
            throw new IOException($"Cannot signal process {processId} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
