using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Indexes each word twice at one position, as its stem and as <see cref="Marker"/> + the word as written (folded), so
/// exact forms can outrank mere same-stem matches, in one pass of analysis and one field. A word that is its own stem
/// (<see cref="IsOwnStem"/>, 45 % of news words) is emitted once, as its exact form: the index's codec writes that
/// form's postings into the stem's at every flush (<see cref="Storage.OwnStemPostings"/>), so the index holds the same
/// terms and postings as with both tokens while the writer hashes a fifth fewer.
/// </summary>
/// <remarks>Only for an index written through <see cref="Storage.NewsCodec"/>: elsewhere such words would lack their
/// stem. Field lengths are unchanged: the exact form stands at the word's position and BM25 counts positions, not the
/// tokens stacked on one.</remarks>
public sealed class ExactFormRepeatFilter : TokenFilter
{
    /// <summary>Prefix of exact-form terms; the tokenizer never emits it, so they cannot clash with stems.</summary>
    public const char Marker = '=';

    private readonly ArabicNewsStemmer _stemmer;
    private readonly CharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private char[] _word = new char[32];
    private int _wordLength = -1;

    public ExactFormRepeatFilter(TokenStream input, ArabicNewsStemmer stemmer)
        : base(input)
    {
        _stemmer = stemmer;
        _term = TermAttributes.Of(this);
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>The exact-form term for an already folded word.</summary>
    public static string ExactTerm(string folded) => Marker + folded;

    /// <summary>
    /// Whether a folded <paramref name="word"/> whose stem is <paramref name="stem"/> is its own stem, written only as
    /// its exact form. Words starting with a character before
    /// <see cref="Marker"/> (digits) are not: their stems sort ahead of every exact form, where the codec, writing terms
    /// in order, cannot yet add a form's postings.
    /// </summary>
    public static bool IsOwnStem(ReadOnlySpan<char> word, ReadOnlySpan<char> stem) =>
        word.Length > 0 && word[0] > Marker && stem.SequenceEqual(word);

    public override bool IncrementToken()
    {
        if (_wordLength >= 0)
        {
            // Only the term and increment change: offsets and type still hold this word's values. Cheaper than
            // capturing and restoring every attribute.
            SetExactForm();
            _positionIncrement.PositionIncrement = 0;
            _wordLength = -1;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var length = _term.Length;
        if (_word.Length < length)
        {
            _word = new char[length * 2];
        }

        Array.Copy(_term.Buffer, _word, length);
        _wordLength = length;
        _term.Length = _stemmer.Stem(_term.Buffer, length);
        if (IsOwnStem(_word.AsSpan(0, length), _term.Buffer.AsSpan(0, _term.Length)))
        {
            SetExactForm();
            _wordLength = -1;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _wordLength = -1;
    }

    private void SetExactForm()
    {
        var buffer = _term.ResizeBuffer(_wordLength + 1);
        buffer[0] = Marker;
        Array.Copy(_word, 0, buffer, 1, _wordLength);
        _term.Length = _wordLength + 1;
    }
}
