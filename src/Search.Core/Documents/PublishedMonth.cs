using System.Globalization;

namespace Search.Core.Documents;

/// <summary>Months in UTC numbered from January 1900 (0), so counting them per document is an array increment.</summary>
public static class PublishedMonth
{
    public const int FirstYear = 1900;

    /// <summary>Months from 1900 through 2199; dates outside are clamped to the ends.</summary>
    public const int Count = 300 * 12;

    public static int Of(DateTimeOffset publishedAt)
    {
        var utc = publishedAt.UtcDateTime;
        return Math.Clamp(((utc.Year - FirstYear) * 12) + utc.Month - 1, 0, Count - 1);
    }

    /// <summary>Whether a publication time (Unix seconds) falls in a month numbered here rather than clamped to an end.</summary>
    public static bool Holds(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).Year is >= FirstYear and < FirstYear + (Count / 12);

    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    public static string Label(int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{FirstYear + (month / 12):D4}-{(month % 12) + 1:D2}");
}
