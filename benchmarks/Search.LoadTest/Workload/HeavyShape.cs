namespace Search.LoadTest.Workload;

/// <summary>
/// One kind of expensive query, in several drawn variants: either one the query caps now refuse (the hardening issue's
/// shapes) or the heaviest of its kind still within them.
/// </summary>
/// <param name="Name">Short name for tables and the <c>--shape</c> option.</param>
/// <param name="Description">What the query holds, in words.</param>
/// <param name="OverCaps">True for the shapes, which break a cap (400); false for the heaviest valid ones.</param>
public sealed record HeavyShape(string Name, string Description, bool OverCaps, IReadOnlyList<string> Queries);
