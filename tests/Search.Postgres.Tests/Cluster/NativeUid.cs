using System.Runtime.InteropServices;

namespace Search.Postgres.Tests.Cluster;

/// <summary>The effective user id, from libc: initdb refuses to run as root (0).</summary>
internal static partial class NativeUid
{
    public static uint Euid() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? GetEuidNative() : uint.MaxValue;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuidNative();
}
