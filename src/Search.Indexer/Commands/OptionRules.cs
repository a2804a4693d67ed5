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
}
