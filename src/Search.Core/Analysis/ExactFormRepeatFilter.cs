using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Indexes each word twice at one position, as its stem and as <see cref="Marker"/> + the word as written (folded), so
/// exact forms can outrank mere same-stem matches, in one pass of analysis and one field. The writer is given the exact
/// form alone wherever <see cref="IsStemLeftOut"/> (every word but numbers): the index's codec writes each stem at
/// every flush as the union of its forms' postings (<see cref="Storage.StemsFromExactForms"/>), so the index holds the
/// same terms and postings as with both tokens while the writer hashes half as many.
/// </summary>
/// <remarks>Only for an index written through <see cref="Storage.NewsCodec"/>: elsewhere the stems would be missing.
/// Field lengths are unchanged: the exact form stands at the word's position and BM25 counts positions, not the tokens
/// stacked on one.</remarks>
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
    /// Whether a word's <paramref name="stem"/> is left for the codec to write rather than given to the writer: when it
    /// sorts after <see cref="Marker"/>, so after every exact form, where the codec, writing a segment's terms in order,
    /// has seen all the forms it unites. A stem starting with a digit sorts before them and is given as a token.
    /// </summary>
    public static bool IsStemLeftOut(ReadOnlySpan<char> stem) => stem.Length > 0 && stem[0] > Marker;

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
        if (IsStemLeftOut(_term.Buffer.AsSpan(0, _term.Length)))
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
