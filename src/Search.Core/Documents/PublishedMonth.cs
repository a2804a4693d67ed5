using System.Globalization;

namespace Search.Core.Documents;

/// <summary>Months in UTC numbered from January 1900 (0), so counting them per document is an array increment.</summary>
public static class PublishedMonth
{
    public const int FirstYear = 1900;

    /// <summary>Months from 1900 through 2199.</summary>
    public const int Count = 300 * 12;

    /// <summary>The month of a publication time (Unix seconds), or -1 when it falls outside the months numbered here (a
    /// feed's 0001-01-01, a typed 9999), whose filter would find nothing.</summary>
    public static int Of(long unixSeconds)
    {
        if (unixSeconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return -1;
        }

        var utc = DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime;
        var month = ((utc.Year - FirstYear) * 12) + utc.Month - 1;
        return month is >= 0 and < Count ? month : -1;
    }

    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    public static string Label(int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{FirstYear + (month / 12):D4}-{(month % 12) + 1:D2}");
}
