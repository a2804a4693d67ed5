using System.Globalization;
using System.Text.RegularExpressions;
using Search.Core.Analysis;

namespace Search.Core.Ingestion;

/// <summary>
/// Parses dates as Arabic news pages print them: <c>الجمعة، 22 نوفمبر 2024 10:37 مـ</c>,
/// <c>5 تشرين الثاني 2024 08:15 ص</c>, <c>٣ مارس ٢٠٢٥</c>. Month names in the Egyptian/Gulf (يناير), Levantine and Iraqi
/// (كانون الثاني) and Maghrebi (جانفي) series; Arabic-Indic digits; ص/م (and صباحا/مساء) for a.m./p.m.
/// </summary>
public static partial class ArabicDateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>Finds the first Arabic date in <paramref name="text"/>.</summary>
    /// <param name="text">A line that contains the date, possibly with a weekday and other words around it.</param>
    /// <param name="offset">The UTC offset to give the result: pages do not print their time zone.</param>
    /// <param name="value">The date and time, midnight when no time is given.</param>
    public static bool TryParse(string text, TimeSpan offset, out DateTimeOffset value)
    {
        value = default;
        var folded = ArabicOrthography.Fold(text);
        foreach (Match match in DatePattern().Matches(folded))
        {
            var monthName = WhitespaceRun().Replace(match.Groups["month"].Value, " ");
            if (!Months.TryGetValue(monthName, out var month))
            {
                continue;
            }

            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var hour = match.Groups["hour"].Success ? int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) : 0;
            var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
            hour = ApplyMeridiem(hour, match.Groups["meridiem"].Value);
            if (day is < 1 or > 31 || year is < 1900 or > 2200 || hour > 23 || minute > 59 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            value = new DateTimeOffset(year, month, day, hour, minute, 0, offset);
            return true;
        }

        return false;
    }

    private static int ApplyMeridiem(int hour, string meridiem)
    {
        if (meridiem.Length == 0 || hour > 12)
        {
            return hour;
        }

        var afternoon = meridiem.StartsWith('م') || meridiem.Equals("pm", StringComparison.OrdinalIgnoreCase);
        return afternoon ? (hour % 12) + 12 : hour % 12;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["يناير", "كانون الثاني", "جانفي", "جانفييه"],
            ["فبراير", "شباط", "فيفري", "فيفرييه"],
            ["مارس", "آذار"],
            ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل"],
            ["مايو", "أيار", "ماي"],
            ["يونيو", "يونيه", "حزيران", "جوان"],
            ["يوليو", "يوليه", "تموز", "جويلية", "جويليه"],
            ["أغسطس", "آب", "أوت"],
            ["سبتمبر", "أيلول"],
            ["أكتوبر", "تشرين الأول"],
            ["نوفمبر", "تشرين الثاني"],
            ["ديسمبر", "كانون الأول"],
        ];

        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[ArabicOrthography.Fold(name)] = i + 1;
            }
        }

        return months;
    }

    // Runs on folded text: digits are ASCII, hamzas are bare alef, tatweel is gone (مـ → م).
    [GeneratedRegex(
        @"(?<!\d)(?<day>\d{1,2})\s*(?:[/\-]\s*)?(?<month>(?:تشرين|كانون)\s+(?:الاول|الثاني)|[\u0621-\u064A]+)\s*(?:[/\-،,]\s*)?(?<year>\d{4})(?:\s*(?:[-–،,|]|الساعه)?\s*(?<hour>\d{1,2}):(?<minute>\d{2})(?::\d{2})?(?:\s*(?<meridiem>صباحا|مساء|ص|م|am|pm)(?![\u0621-\u064A]))?)?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
