using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Splits a token the tokenizer kept whole across a full stop, a colon or an underscore between two letters, one of
/// them Arabic: Unicode's word rules join letters over <c>.</c> and <c>:</c> (for abbreviations such as U.S.) and over
/// <c>_</c>, so a sentence run into the next (الحكومة.وقال), a heading glued to its text (سوسة:الوحدات) and a hashtag
/// (#مكافحة_الإرهاب) were one term that no search for either word met: 5,884 such full stops and 6,741 colons and
/// underscores in the shared news articles. Latin abbreviations and addresses (U.S., example.com) and numbers (3.5)
/// stay whole. Each piece keeps its own offsets, one position after the other, so phrases and
/// highlights see two words. Runs right after the tokenizer, while a term is still the text it came from.
/// </summary>
public sealed class JoinedWordsFilter : TokenFilter
{
    private static readonly System.Buffers.SearchValues<char> Joints = System.Buffers.SearchValues.Create(".:_");

    private readonly CharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private char[] _joined = new char[32];
    private int _joinedLength;
    private int _joinedStartOffset;
    private int _next = -1;
    private State? _state;

    public JoinedWordsFilter(TokenStream input)
        : base(input)
    {
        _term = TermAttributes.Of(this);
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= 0)
        {
            RestoreState(_state);
            EmitPiece(_next, positionIncrement: 1);
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var length = _term.Length;
        if (NextJoint(_term.Buffer, 0, length) < 0)
        {
            return true;
        }

        if (_joined.Length < length)
        {
            _joined = new char[length * 2];
        }

        Array.Copy(_term.Buffer, _joined, length);
        _joinedLength = length;
        _joinedStartOffset = _offset.StartOffset;
        _state = CaptureState();
        EmitPiece(0, _positionIncrement.PositionIncrement);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = -1;
        _state = null;
    }

    /// <summary>Makes the piece starting at <paramref name="start"/> the current token and remembers where the next
    /// one starts (-1 after the last).</summary>
    private void EmitPiece(int start, int positionIncrement)
    {
        var joint = NextJoint(_joined, start, _joinedLength);
        var end = joint < 0 ? _joinedLength : joint;
        _term.CopyBuffer(_joined, start, end - start);
        _offset.SetOffset(_joinedStartOffset + start, _joinedStartOffset + end);
        _positionIncrement.PositionIncrement = positionIncrement;
        _next = joint < 0 ? -1 : joint + 1;
    }

    /// <summary>The index of the first joint at or after <paramref name="from"/>: a <c>.</c>, <c>:</c> or <c>_</c>
    /// between two letters, one of them Arabic; -1 when there is none. The tokenizer never puts one first or last.</summary>
    private static int NextJoint(char[] text, int from, int length)
    {
        for (var i = Math.Max(from, 1); i < length - 1; i++)
        {
            // Most tokens hold no joint at all: a vectorized scan tells so (the highlighter reads every hit's text).
            var skip = text.AsSpan(i, length - 1 - i).IndexOfAny(Joints);
            if (skip < 0)
            {
                return -1;
            }

            i += skip;

            // Vowel marks may stand between the letter and the joint (الحكومةُ.وقال).
            var before = i - 1;
            while (before > 0 && IsMark(text[before]))
            {
                before--;
            }

            var after = i + 1;
            while (after < length - 1 && IsMark(text[after]))
            {
                after++;
            }

            if (char.IsLetter(text[before]) && char.IsLetter(text[after])
                && (ArabicOrthography.IsArabicLetter(text[before]) || ArabicOrthography.IsArabicLetter(text[after])))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
