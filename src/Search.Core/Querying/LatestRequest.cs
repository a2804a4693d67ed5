namespace Search.Core.Querying;

/// <summary>
/// The newest stories, for a home page: copies of one story collapsed, optionally only some sources or sections, with
/// the sources and sections of the whole index to browse by. See <see cref="Validate"/> for the limits.
/// </summary>
/// <param name="Size">Stories to return, 1 to <see cref="MaxSize"/>.</param>
public sealed record LatestRequest(int Size = LatestRequest.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>Sources and sections listed beside the stories, most articles first.</summary>
    public const int MaxNavigationValues = 20;

    /// <summary>Only these outlets (any of them); none means every outlet.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Only these sections (any of them); none means every section.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Every problem with the request, keyed by parameter name; empty when the request is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Size is < 1 or > MaxSize)
        {
            errors["size"] = [$"The size must be between 1 and {MaxSize}."];
        }

        foreach (var (key, values) in new[] { ("source", Sources), ("section", Sections) })
        {
            if (values.Count > SearchRequest.MaxFilterValues)
            {
                errors[key] = [$"At most {SearchRequest.MaxFilterValues} {key} values may be given at once; there are {values.Count}."];
            }
        }

        return errors;
    }
}
