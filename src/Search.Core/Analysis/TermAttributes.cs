using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// The term attribute as its class, for our filters: Lucene.Net implements <see cref="ICharTermAttribute"/>'s members
/// explicitly, each forwarding to a plain method of <see cref="CharTermAttribute"/>, so a call through the interface is
/// an interface dispatch and a second call where a call through the class is direct and inlined (about twenty such
/// calls a word across the chain, on 8 million words an import).
/// </summary>
internal static class TermAttributes
{
    /// <exception cref="InvalidOperationException">The stream was built with an attribute factory whose term
    /// attribute is another class (none of our chains is).</exception>
    public static CharTermAttribute Of(AttributeSource stream) =>
        stream.AddAttribute<ICharTermAttribute>() as CharTermAttribute
        ?? throw new InvalidOperationException("The token stream's term attribute is not Lucene's CharTermAttribute.");
}
