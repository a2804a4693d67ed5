namespace Search.Core.Analysis;

/// <summary>What <see cref="ArabicNewsAnalyzer"/> emits for each word.</summary>
public enum ArabicAnalysisMode
{
    /// <summary>The stem (for queries).</summary>
    Stemmed,

    /// <summary>The folded, unstemmed word (for highlighting and exact forms in queries).</summary>
    Exact,

    /// <summary>The stem and, at the same position, <see cref="ExactFormRepeatFilter.Marker"/> + the unstemmed word (for
    /// indexing through <see cref="Storage.NewsCodec"/>, which writes the stems this leaves out).</summary>
    StemmedAndExact,
}
