using Search.Core.Analysis;

namespace Search.Core.Suggesting;

/// <summary>
/// What the reader typed, cut the way suggestions need it: the text before the last word (kept as typed, for word
/// completions), the last word folded (the prefix a word completes), and every word folded (for phrases and titles,
/// which complete several words).
/// </summary>
internal sealed class TypedText
{
    private TypedText(string before, string lastWordFolded, IReadOnlyList<string> foldedWords, bool endsInWord)
    {
        Before = before;
        LastWordFolded = lastWordFolded;
        FoldedWords = foldedWords;
        EndsInWord = endsInWord;
    }

    /// <summary>Everything typed before the last word, as typed: a word completion keeps it in front.</summary>
    public string Before { get; }

    /// <summary>The last word folded; empty when the text ends in a space or punctuation (the word is finished).</summary>
    public string LastWordFolded { get; }

    /// <summary>Every word typed, folded, in order (words of marks alone left out).</summary>
    public IReadOnlyList<string> FoldedWords { get; }

    /// <summary>False when the text ends after a finished word: completions must go on past it.</summary>
    public bool EndsInWord { get; }

    public static TypedText Parse(string query)
    {
        // Bidi controls are dropped here, not only folded away inside words: Before is echoed as typed in every word
        // completion, and an unclosed U+202E there would reorder the suggestion after it.
        var text = ArabicOrthography.WithoutBidiControls(query).TrimStart();
        var words = SuggestionText.Split(text);
        var folded = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (SuggestionText.Fold(text.AsSpan(word.Start, word.Length)) is { Length: > 0 } foldedWord)
            {
                folded.Add(foldedWord);
            }
        }

        var endsInWord = words.Count > 0 && words[^1].End == text.Length && folded.Count > 0
            && SuggestionText.Fold(text.AsSpan(words[^1].Start, words[^1].Length)).Length > 0;
        return endsInWord
            ? new TypedText(text[..words[^1].Start], folded[^1], folded, endsInWord: true)
            : new TypedText(text.TrimEnd(), "", folded, endsInWord: false);
    }

    /// <summary>The folded words from <paramref name="first"/> on, joined by one space, and followed by one when the
    /// last word is finished: the prefix a phrase or title completing them starts with.</summary>
    public string FoldedFrom(int first) =>
        string.Join(' ', FoldedWords.Skip(first)) + (EndsInWord || FoldedWords.Count == 0 ? "" : " ");
}
