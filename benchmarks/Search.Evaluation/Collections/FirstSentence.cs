namespace Search.Evaluation.Collections;

/// <summary>The first sentence of a text: up to the first <c>.</c>, <c>!</c>, <c>?</c>, <c>؟</c> or line break.</summary>
public static class FirstSentence
{
    private static readonly char[] Ends = ['.', '!', '?', '\u061F', '\n', '\r'];

    /// <summary>The first non-blank sentence, trimmed; the whole text, trimmed, when every piece is blank.</summary>
    public static string Of(string text)
    {
        foreach (var piece in text.Split(Ends))
        {
            if (!string.IsNullOrWhiteSpace(piece))
            {
                return piece.Trim();
            }
        }

        return text.Trim();
    }
}
