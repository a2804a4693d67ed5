using System.Globalization;
using System.Text.RegularExpressions;

namespace Search.Core.Ingestion;

/// <summary>
/// Dates written as numbers with the year last (<c>1/5/2024</c>, <c>22.11.2024 10:30</c>), read day first as Arabic
/// news writes them; month first only when day first cannot be a date (<c>11/22/2024</c>). .NET's invariant parsing
/// reads them month first and refuses <c>22/11/2024</c>.
/// </summary>
internal static partial class NumericDate
{
    public static bool TryParse(string text, out DateTimeOffset date)
    {
        date = default;
        var match = DayMonthYear().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var first = int.Parse(match.Groups["first"].ValueSpan, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["second"].ValueSpan, CultureInfo.InvariantCulture);
        var year = match.Groups["year"].Value;
        var rest = match.Groups["rest"].Value;
        return TryIso(year, month: second, day: first, rest, out date) || TryIso(year, month: first, day: second, rest, out date);
    }

    /// <summary>Whether the text writes a year in four digits (a longer run of digits, <c>20241122</c>, holds one too).
    /// Without one .NET fills in the current year: "1.5" was read as 5 January of this year, a junk date that sorted
    /// as the newest story.</summary>
    public static bool HasYear(string text) => FourDigits().IsMatch(text);

    private static bool TryIso(string year, int month, int day, string rest, out DateTimeOffset date)
    {
        date = default;
        return month is >= 1 and <= 12 && day is >= 1 and <= 31
            && DateTimeOffset.TryParse($"{year}-{month:D2}-{day:D2}{rest}", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
            && date.Day == day;
    }

    [GeneratedRegex(@"^(?<first>[0-9]{1,2})[/.\-](?<second>[0-9]{1,2})[/.\-](?<year>[0-9]{4})(?<rest>(?:[ T][0-9].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex("[0-9]{4}", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();
}
