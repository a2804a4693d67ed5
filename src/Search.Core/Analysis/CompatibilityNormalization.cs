using System.Text;

namespace Search.Core.Analysis;

/// <summary>
/// Unicode NFKC that accepts any string. <see cref="string.Normalize(NormalizationForm)"/> throws on a lone surrogate
/// or U+FFFE, and both reach us from search boxes and scraped text. Pure functions, safe to call from any thread.
/// </summary>
public static class CompatibilityNormalization
{
    /// <summary>
    /// <paramref name="text"/> in NFKC, except that code units normalization rejects are kept as they are. They compose
    /// with nothing, so normalizing the runs between them gives what normalizing the whole would.
    /// </summary>
    /// <remarks>Never throws.</remarks>
    public static string ToFormKC(string text)
    {
        var rejected = FindRejected(text, 0);
        if (rejected < 0)
        {
            return NormalizeRun(text);
        }

        var result = new StringBuilder(text.Length);
        var start = 0;
        while (rejected >= 0)
        {
            result.Append(NormalizeRun(text[start..rejected])).Append(text[rejected]);
            start = rejected + 1;
            rejected = FindRejected(text, start);
        }

        return result.Append(NormalizeRun(text[start..])).ToString();
    }

    /// <summary>The first code unit at or after <paramref name="from"/> that ICU normalization rejects, or -1.</summary>
    private static int FindRejected(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                return i;
            }
        }

        return -1;
    }

    private static string NormalizeRun(string run)
    {
        try
        {
            return run.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Another platform's normalizer may reject more than ICU does here; the run then stays as written.
            return run;
        }
    }
}
