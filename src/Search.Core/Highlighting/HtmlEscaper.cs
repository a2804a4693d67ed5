using System.Text;

namespace Search.Core.Highlighting;

/// <summary>
/// Escapes text for HTML element content and attribute values: <c>&amp; &lt; &gt; " '</c> only, so Arabic stays
/// readable (Lucene's SimpleHTMLEncoder turns every non-ASCII character into a numeric entity). Line breaks become
/// spaces, since snippets are shown inline.
/// </summary>
public static class HtmlEscaper
{
    public static void Append(StringBuilder output, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"': output.Append("&quot;"); break;
                case '\'': output.Append("&#39;"); break;
                case '\n' or '\r' or '\t': output.Append(' '); break;
                case < ' ': break;
                default: output.Append(c); break;
            }
        }
    }

    public static string Escape(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        Append(output, text);
        return output.ToString();
    }
}
