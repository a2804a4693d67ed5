namespace Search.Core.Tests;

/// <summary>
/// Strings written as UTF-16 code units in hex (<c>"FEFB D800"</c>). Theory data passes through xunit's serializer,
/// which turns a lone surrogate into U+FFFD; hex keeps such strings exactly as meant.
/// </summary>
internal static class CodeUnits
{
    public static string Parse(string hex) =>
        string.Concat(hex.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(unit => (char)Convert.ToUInt16(unit, 16)));
}
