using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Search.Evaluation.Collections;
using Search.Evaluation.Systems;

namespace Search.Evaluation.Commands;

/// <summary>Options both commands take. Each call makes a new instance, since an option belongs to one command.</summary>
internal static class CommonOptions
{
    public static Option<string> Output() => new("--output", "-o")
    {
        Description = "Folder for <collection>.json and one TREC run file per configuration (<collection>.<configuration>.run).",
        DefaultValueFactory = _ => "relevance-results",
    };

    public static Option<string?> Name(string what) => new("--name")
    {
        Description = $"Collection name used in the output file names (default: {what}).",
    };

    public static Option<RankingVariant[]> Variants() => new("--variant")
    {
        Description = "An extra configuration of the service, as name:Setting=value,… with settings "
            + string.Join(", ", RankingVariantParser.SettingNames)
            + " (unset ones keep their defaults), e.g. t1:TitleBoost=1,ExactFormBoost=1. Repeatable; the name gets an 'ours-' prefix.",
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => [],
        CustomParser = ParseVariants,
    };

    public static Option<string[]> Wordings() => new("--wording")
    {
        Description = "Another wording of the queries, as name=path to a 'qid<TAB>query' file holding exactly the collection's query ids "
            + "(a copy with typing slips from another generator), scored on the same indexes. Repeatable.",
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => [],
    };

    public static Option<bool> Baselines() => new("--baselines")
    {
        Description = "Also score the two stock Lucene baselines (false scores only the service and its variants: a quicker run).",
        DefaultValueFactory = _ => true,
    };

    /// <summary>Reads each <c>name=path</c> of <c>--wording</c> as a query set.</summary>
    /// <exception cref="InvalidDataException">A value is not name=path, or its file is malformed.</exception>
    public static IReadOnlyList<QuerySet> ReadWordings(IEnumerable<string> values) =>
    [
        .. values.Select(value => value.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
            ? new QuerySet(value[..equals], QueryFileReader.ReadFile(value[(equals + 1)..]))
            : throw new InvalidDataException($"--wording '{value}' is not name=path")),
    ];

    public static Option<int> Parallel() => new("--parallel")
    {
        Description = "Configurations indexed and run at the same time; each holds its own in-memory index.",
        DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, 1, 4),
        CustomParser = result => WholeNumber(result, "--parallel", 1, 32),
    };

    /// <summary>Parses a whole number and reports a parse error, rather than throwing later, when it is malformed or out of range.</summary>
    public static int WholeNumber(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{option} must be a whole number between {min:N0} and {max:N0}.");
        return min;
    }

    private static RankingVariant[] ParseVariants(ArgumentResult result)
    {
        var variants = new List<RankingVariant>();
        var names = new HashSet<string>(StringComparer.Ordinal) { SystemCatalog.Ours };
        foreach (var token in result.Tokens)
        {
            if (!RankingVariantParser.TryParse(token.Value, out var variant, out var error))
            {
                result.AddError(error!);
            }
            else if (!names.Add(variant!.Name))
            {
                result.AddError($"--variant names must be unique: '{variant.Name}' is given twice");
            }
            else
            {
                variants.Add(variant);
            }
        }

        return [.. variants];
    }
}
