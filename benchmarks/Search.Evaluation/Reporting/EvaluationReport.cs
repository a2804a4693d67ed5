namespace Search.Evaluation.Reporting;

/// <summary>Everything one run measured on one collection; written as <c>&lt;output&gt;/&lt;collection&gt;.json</c>.</summary>
/// <param name="Arguments">The command line that produced it.</param>
/// <param name="Engine">Which Search.Core build was measured (<see cref="EngineFingerprint"/>).</param>
/// <param name="JudgedQueries">Queries with at least one relevant document: every metric is a mean over these.</param>
public sealed record EvaluationReport(
    string Collection,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Arguments,
    string Engine,
    int Documents,
    int Queries,
    int JudgedQueries,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ConfigurationResult> Configurations);
