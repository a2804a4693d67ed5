using System.CommandLine;
using System.CommandLine.Parsing;

namespace Search.Indexer.Commands;

/// <summary>Checks across options (which go together, which exclude each other), reported as parse errors.</summary>
internal static class OptionRules
{
    /// <summary>True when the option was typed, not just defaulted.</summary>
    public static bool Given(CommandResult command, Option option) => command.GetResult(option) is { Implicit: false };

    /// <summary>Exactly one of the two options; <paramref name="hint"/> says what each is for.</summary>
    public static void ExactlyOne(CommandResult command, Option first, Option second, string hint)
    {
        var (hasFirst, hasSecond) = (Given(command, first), Given(command, second));
        if (hasFirst && hasSecond)
        {
            command.AddError($"{first.Name} and {second.Name} exclude each other: {hint}");
        }
        else if (!hasFirst && !hasSecond)
        {
            command.AddError($"Give {first.Name} or {second.Name}: {hint}");
        }
    }

    /// <summary>Each of <paramref name="options"/> only together with <paramref name="required"/>.</summary>
    public static void OnlyWith(CommandResult command, Option required, params Option[] options)
    {
        if (Given(command, required))
        {
            return;
        }

        foreach (var option in options.Where(option => Given(command, option)))
        {
            command.AddError($"{option.Name} applies only with {required.Name}.");
        }
    }

    /// <summary>A range check that runs only once the value parsed: an unparsable one already has its own error.</summary>
    public static void AddRange<T>(Option<T> option, T minimum, T maximum)
        where T : struct, IComparable<T>, IParsable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            var text = result.Tokens[^1].Value;
            if (!T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return;
            }

            if (value.CompareTo(minimum) < 0 || value.CompareTo(maximum) > 0)
            {
                result.AddError($"{option.Name} must be between {minimum} and {maximum}; got {text}.");
            }
        });
    }

    /// <summary>A path that is not blank: an empty one reached <c>Path.GetFullPath</c> as an unhandled exception.</summary>
    public static void AddPath(Option<string> option) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
            {
                result.AddError($"{option.Name} needs a path; got an empty one.");
            }
        });

    /// <summary>Paths of which none is blank.</summary>
    public static void AddPaths(Argument<string[]> argument) =>
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            {
                result.AddError($"{argument.Name}: an empty path was given.");
            }
        });

    /// <summary>
    /// A UTC offset as a date carries one: whole minutes within ±14:00, with or without a sign. <see cref="TimeSpan"/>
    /// alone parses more ("5" is five days), which stopped an import at its first scraped page with an unhandled
    /// exception, and refuses "+03:00".
    /// </summary>
    public static TimeSpan ParseUtcOffset(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (TimeSpan.TryParse(text.StartsWith('+') ? text[1..] : text, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            && offset.Duration() <= TimeSpan.FromHours(14) && offset.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return offset;
        }

        result.AddError($"{result.Argument.Name} must be a UTC offset in whole minutes between -14:00 and +14:00 (e.g. 03:00 or -05:00); got '{text}'.");
        return default;
    }
}
