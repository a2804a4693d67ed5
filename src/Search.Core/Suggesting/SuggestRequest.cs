using System.Globalization;

namespace Search.Core.Suggesting;

/// <summary>What the reader has typed into the search box so far, and how many suggestions to offer for it.</summary>
/// <param name="Query">The text as typed. A trailing space means the last word is finished: only phrases and titles
/// that go on from it are offered then.</param>
/// <param name="Size">How many suggestions at most, 1 to <see cref="MaxSize"/>.</param>
public sealed record SuggestRequest(string Query, int Size = SuggestRequest.DefaultSize)
{
    public const int DefaultSize = 8;

    public const int MaxSize = 20;

    /// <summary>Characters as a reader counts them (text elements), after trimming: a suggestion box holds a headline
    /// at most.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>UTF-16 code units the query may take, four per character, as for searches: bounds what the marks on
    /// one letter can hide.</summary>
    public const int MaxQueryUtf16Length = 4 * MaxQueryLength;

    /// <summary>Every problem with the request, keyed by parameter name (<c>q</c>, <c>size</c>); empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var trimmed = Query?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors["q"] = ["The query must not be empty or whitespace."];
        }
        else if (trimmed.Length > MaxQueryUtf16Length || new StringInfo(trimmed).LengthInTextElements > MaxQueryLength)
        {
            errors["q"] = [$"The query must be at most {MaxQueryLength} characters."];
        }

        if (Size is < 1 or > MaxSize)
        {
            errors["size"] = [$"The size must be between 1 and {MaxSize}."];
        }

        return errors;
    }
}
