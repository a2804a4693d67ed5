using System.CommandLine.Parsing;
using System.Globalization;

namespace Search.LoadTest.Commands;

/// <summary>Parsers for option values System.CommandLine does not read by itself: <c>20s</c> durations and comma lists.</summary>
internal static class OptionParsers
{
    /// <summary><c>500ms</c>, <c>20s</c>, <c>2m</c>, or a TimeSpan such as <c>00:00:20</c>.</summary>
    public static TimeSpan Duration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        var (number, unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (null, 0.0),
        };
        if (number is not null && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return TimeSpan.FromSeconds(value * unit);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        result.AddError($"'{text}' is not a duration: use e.g. 500ms, 20s, 2m or 00:00:20.");
        return TimeSpan.Zero;
    }

    /// <summary>Positive integers separated by commas, in one or more tokens: <c>50,100,200</c>.</summary>
    public static int[] PositiveIntegers(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var part in result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                result.AddError($"'{part}' is not a positive integer.");
                return [];
            }

            values.Add(value);
        }

        return [.. values];
    }
}
