using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Spelling;

/// <summary>
/// How the articles write a word the index holds folded (اعلن for أعلن, الحكومه for الحكومة): the stored title, lead
/// and body of the first few documents holding it, analyzed unstemmed with offsets, give the word as written at each
/// place it occurs; the form most of those documents use wins, its vowel marks and tatweel left out. Thread-safe.
/// </summary>
internal sealed class WrittenForms(Analyzer exactAnalyzer)
{
    /// <summary>Documents read per word: enough to outvote a source that writes it otherwise, few enough to stay
    /// well under a millisecond.</summary>
    public const int DocumentsRead = 3;

    private static readonly ISet<string> TextFields = new HashSet<string>(StringComparer.Ordinal) { NewsFields.Title, NewsFields.Lead, NewsFields.Body };

    /// <summary>The written form of <paramref name="folded"/>; null when no document holds it.</summary>
    public string? Of(IndexSearcher searcher, string folded)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? first = null;
        foreach (var doc in DocumentsHolding(searcher.IndexReader, folded))
        {
            var stored = searcher.Doc(doc, TextFields);
            foreach (var field in new[] { NewsFields.Title, NewsFields.Lead, NewsFields.Body })
            {
                if (stored.Get(field) is { Length: > 0 } text && Find(text, folded) is { } written)
                {
                    first ??= written;
                    votes[written] = votes.GetValueOrDefault(written) + 1;
                    break;
                }
            }
        }

        return first is null ? null : votes.MaxBy(vote => (vote.Value, vote.Key == first)).Key;
    }

    /// <summary>The first live documents whose text holds the folded word's exact form.</summary>
    private static List<int> DocumentsHolding(IndexReader reader, string folded)
    {
        var documents = new List<int>(DocumentsRead);
        var term = new Term(NewsFields.Text, ExactFormRepeatFilter.ExactTerm(folded));
        foreach (var leaf in reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            while (postings is not null && documents.Count < DocumentsRead && postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                documents.Add(leaf.DocBase + postings.DocID);
            }

            if (documents.Count == DocumentsRead)
            {
                break;
            }
        }

        return documents;
    }

    /// <summary>The first word of <paramref name="text"/> that folds to <paramref name="folded"/>, as written there,
    /// without vowel marks or tatweel; null when none does.</summary>
    private string? Find(string text, string folded)
    {
        using var stream = exactAnalyzer.GetTokenStream(NewsFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        string? found = null;
        while (found is null && stream.IncrementToken())
        {
            if (term.Length == folded.Length && term.Buffer.AsSpan(0, term.Length).SequenceEqual(folded))
            {
                found = WithoutMarks(text.AsSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset));
            }
        }

        stream.End();
        return found;
    }

    private static string WithoutMarks(ReadOnlySpan<char> written)
    {
        var kept = new char[written.Length];
        var length = 0;
        foreach (var c in written)
        {
            if (ArabicOrthography.FoldCharacter(c) != '\0')
            {
                kept[length++] = c;
            }
        }

        return new string(kept, 0, length);
    }
}
