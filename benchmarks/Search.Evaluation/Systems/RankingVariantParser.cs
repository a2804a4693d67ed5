using System.Globalization;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Evaluation.Systems;

/// <summary>
/// Parses <c>name:Setting=value,Setting=value</c> into a <see cref="RankingVariant"/>, starting from the default
/// <see cref="RankingOptions"/>. Settings (any case): TitleBoost, ExactFormBoost, PhraseBoost,
/// ProximityBoost, K1, B (numbers of 0 or more; B at most 1), ProximitySlop (a whole number) and ProcliticVariants
/// (true/false). The name gets an <c>ours-</c> prefix unless it has one. Thread-safe (no state).
/// </summary>
public static class RankingVariantParser
{
    public const string NamePrefix = "ours-";

    private static readonly Dictionary<string, Func<RankingOptions, string, RankingOptions?>> Settings =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["TitleBoost"] = (options, text) => Number(text) is { } value ? options with { TitleBoost = value } : null,
            ["ExactFormBoost"] = (options, text) => Number(text) is { } value ? options with { ExactFormBoost = value } : null,
            ["PhraseBoost"] = (options, text) => Number(text) is { } value ? options with { PhraseBoost = value } : null,
            ["ProximityBoost"] = (options, text) => Number(text) is { } value ? options with { ProximityBoost = value } : null,
            ["QuestionProximityBoost"] = (options, text) => Number(text) is { } value ? options with { QuestionProximityBoost = value } : null,
            ["ProximitySlop"] = (options, text) => WholeNumber(text) is { } value ? options with { ProximitySlop = value } : null,
            ["ProcliticVariants"] = (options, text) => bool.TryParse(text, out var value) ? options with { ProcliticVariants = value } : null,
            ["VerbVariants"] = (options, text) => bool.TryParse(text, out var value) ? options with { VerbVariants = value } : null,
            ["DualVariants"] = (options, text) => bool.TryParse(text, out var value) ? options with { DualVariants = value } : null,
            ["OtherSpellingWeight"] = (options, text) => Number(text) is { } value ? options with { OtherSpellingWeight = value } : null,
            ["AlifEndingVariants"] = (options, text) => bool.TryParse(text, out var value) ? options with { AlifEndingVariants = value } : null,
            ["CorrectUnknownWords"] = (options, text) => bool.TryParse(text, out var value) ? options with { CorrectUnknownWords = value } : null,
            ["K1"] = (options, text) => Number(text) is { } value ? options with { K1 = value } : null,
            ["B"] = (options, text) => Number(text) is { } value and <= 1 ? options with { B = value } : null,
        };

    /// <summary>The setting names accepted, for help and error messages.</summary>
    public static IEnumerable<string> SettingNames => Settings.Keys;

    /// <returns>false with an error message when the text is malformed, a setting is unknown or a value is out of range.</returns>
    public static bool TryParse(string text, out RankingVariant? variant, out string? error)
    {
        variant = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim();
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            error = $"variant '{text}': the name must be letters, digits, '-', '_' or '.', followed by ':Setting=value,…'";
            return false;
        }

        var options = new RankingOptions();
        var settings = colon < 0 ? [] : text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setting in settings)
        {
            var parts = setting.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Settings.TryGetValue(parts[0], out var apply))
            {
                error = $"variant '{name}': unknown setting '{setting}' (expected Name=value with a name among {string.Join(", ", SettingNames)})";
                return false;
            }

            if (apply(options, parts[1]) is not { } changed)
            {
                error = $"variant '{name}': '{parts[1]}' is not a valid value for {parts[0]} (numbers of 0 or more, B at most 1, ProximitySlop a whole number, ProcliticVariants true or false)";
                return false;
            }

            options = changed;
        }

        variant = new RankingVariant(name.StartsWith(NamePrefix, StringComparison.Ordinal) ? name : NamePrefix + name, options);
        error = null;
        return true;
    }

    private static float? Number(string text) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value) && value >= 0 ? value : null;

    private static int? WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
}
