using System.Diagnostics;

namespace Search.Tests.Shared;

/// <summary>A small tmpfs mounted over a folder for a test of a full disk, unmounted when disposed. Mounting needs
/// root (or the capability), which a developer's run may lack: such tests skip then.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts <paramref name="megabytes"/> MB over <paramref name="folder"/> (created if missing); null when
    /// this process may not mount.</summary>
    public static TmpfsMount? TryMount(string folder, int megabytes)
    {
        Directory.CreateDirectory(folder);
        return Run("mount", $"-t tmpfs -o size={megabytes}m tmpfs {folder}") ? new TmpfsMount(folder) : null;
    }

    /// <summary>Gives the disk another size, as space returning to a full one.</summary>
    public bool Resize(int megabytes) => Run("mount", $"-o remount,size={megabytes}m {Path}");

    // Lazily: a test's files may still be open in a host being disposed.
    public void Dispose() => Run("umount", $"-l {Path}");

    private static bool Run(string command, string arguments)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
