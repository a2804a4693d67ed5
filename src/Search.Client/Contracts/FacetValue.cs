namespace Search.Client.Contracts;

/// <summary>A value and how many articles carry it.</summary>
/// <param name="Value">The source, section or month, exactly as a filter takes it.</param>
/// <param name="Count">Articles with that value.</param>
public sealed record FacetValue(string Value, int Count);
