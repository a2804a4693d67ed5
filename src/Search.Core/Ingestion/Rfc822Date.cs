using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Core.Ingestion;

/// <summary>
/// Dates as RSS 2.0 writes them (RFC 822 with RFC 1123's four-digit years): <c>Fri, 22 Nov 2024 10:30:00 +0300</c>,
/// with the day name optional, seconds optional and the zone as an offset, <c>GMT</c>/<c>UT</c>/<c>Z</c> or a North
/// American name. .NET parses the GMT form alone.
/// </summary>
public static partial class Rfc822Date
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00",
        ["UT"] = "+00:00",
        ["UTC"] = "+00:00",
        ["Z"] = "+00:00",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
    };

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var zone = match.Groups["zone"].Value;
        var offset = Zones.TryGetValue(zone, out var named) ? named
            : zone.Length == 5 ? $"{zone[..3]}:{zone[3..]}"
            : null;
        if (offset is null)
        {
            return false;
        }

        var seconds = match.Groups["seconds"].Success ? match.Groups["seconds"].Value : "00";
        var normalized = $"{match.Groups["day"].Value} {match.Groups["month"].Value} {match.Groups["year"].Value} {match.Groups["hour"].Value}:{match.Groups["minute"].Value}:{seconds} {offset}";
        return DateTimeOffset.TryParseExact(normalized, "d MMM yyyy H:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3})\s+(?<year>\d{4})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<seconds>\d{2}))?\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
