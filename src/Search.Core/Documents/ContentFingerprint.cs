using System.Security.Cryptography;
using System.Text;
using Search.Core.Analysis;

namespace Search.Core.Documents;

/// <summary>
/// A fingerprint of an article's words: letters and digits only, folded, so copies of one wire story that differ in
/// punctuation, spacing, diacritics or tatweel share it. Articles without a body fall back to their lead and title.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(NewsArticle article)
    {
        var text = !string.IsNullOrWhiteSpace(article.Body) ? article.Body
            : !string.IsNullOrWhiteSpace(article.Lead) ? article.Lead
            : article.Title;

        var words = new StringBuilder(text.Length);
        foreach (var c in ArabicOrthography.Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                words.Append(c);
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(words.ToString()), hash);
        return Convert.ToHexString(hash[..12]);
    }
}
