namespace Search.Core.Querying;

/// <summary>What a user typed into the search box, as parts: words, quoted phrases, exclusions and OR groups.</summary>
/// <param name="Groups">Each group is one part or several joined by OR.</param>
public sealed record UserQuery(IReadOnlyList<QueryGroup> Groups)
{
    /// <summary>Typed as a natural-language question (<see cref="QuestionForm"/>).</summary>
    public bool IsQuestion { get; init; }

    public bool HasPositiveParts => Groups.Any(group => group.Alternatives.Any(part => !part.Excluded));

    /// <summary>Every part is an exclusion (<c>-رياضة</c>): the query lists every other article.</summary>
    public bool OnlyExclusions => Groups.Count > 0 && !HasPositiveParts;
}

/// <summary>Parts joined by OR; a group of one is a plain part.</summary>
public sealed record QueryGroup(IReadOnlyList<QueryPart> Alternatives);

/// <summary>One word (<see cref="IsPhrase"/> false) or quoted phrase, as typed.</summary>
/// <param name="Text">The word or phrase without quotes, minus sign or trailing star.</param>
/// <param name="IsPhrase">Typed in double quotes: matches where the words appear together and in order.</param>
/// <param name="Excluded">Typed with a leading minus: matching articles are left out.</param>
/// <param name="IsPrefix">A word typed with a trailing star: any word starting with it matches.</param>
/// <param name="Required">Typed with a leading plus: only articles that match it are returned.</param>
public sealed record QueryPart(string Text, bool IsPhrase = false, bool Excluded = false, bool IsPrefix = false, bool Required = false)
{
    /// <summary>Where <see cref="Text"/> starts in the query string as typed, so a correction can replace it there and
    /// leave the rest (operators, quotes, other words) as it was.</summary>
    public int Offset { get; init; }
}
