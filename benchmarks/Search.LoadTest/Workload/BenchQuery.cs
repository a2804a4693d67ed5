namespace Search.LoadTest.Workload;

/// <summary>One query of the mix and its class.</summary>
public sealed record BenchQuery(QueryClass Class, string Text);
