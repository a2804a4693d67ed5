using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>
/// Writer settings with the news indexing chain: <see cref="ArabicNewsAnalyzer"/> giving stems and exact forms, and
/// <see cref="NewsCodec"/>, which writes at each flush the stems the analyzer leaves out. The two only go together: the
/// analyzer with another codec would index no stem for nearly every word.
/// </summary>
public static class NewsWriterConfig
{
    public static IndexWriterConfig Create() =>
        new(LuceneVersion.LUCENE_48, new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact)) { Codec = new NewsCodec() };
}
