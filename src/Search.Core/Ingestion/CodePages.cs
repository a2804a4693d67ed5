using System.Text;

namespace Search.Core.Ingestion;

/// <summary>
/// The legacy code pages Arabic sites still write in (windows-1256, ISO-8859-6, …). Without .NET's code-pages provider
/// only UTF-8, UTF-16, ASCII and Latin-1 are known, and a feed that declares one of these is refused whole.
/// </summary>
internal static class CodePages
{
    /// <summary>Lets <see cref="Encoding.GetEncoding(string)"/>, and so <c>XmlReader</c>'s declarations, name them.</summary>
    /// <remarks>Process-wide, idempotent and thread-safe: every reader calls it before it decodes bytes.</remarks>
    public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
