using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// A document whose indexed fields were turned into tokens ahead of indexing, on the thread that prepares documents:
/// each such field then replays its recorded terms, already in UTF-8, to the thread that indexes it
/// (<see cref="RecordedTokenStream"/>). A one-thread import spent 2.3 s of its indexing thread's 11 in the analysis
/// chain (perf, shared news articles), and more making a token stream for every keyword and date. The terms, positions
/// and offsets the index gets are the ones the writer would have made, so the index is the same. Reused from document
/// to document: see <see cref="Release"/>.
/// </summary>
internal sealed class PreAnalyzedDocument
{
    /// <summary>Per token: where its term ends in <see cref="Terms"/>, its position increment, its start and end offsets.</summary>
    internal const int IntsPerToken = 4;

    /// <summary>Buffers that grew past these for one long article are dropped rather than kept for the next one: an
    /// import keeps one of these for each document read ahead, and a typical article needs 10 KB of terms.</summary>
    private const int MaxKeptTermBytes = 1 << 18;

    private const int MaxKeptTokenInts = IntsPerToken << 15;

    private readonly Analyzer _analyzer;
    private readonly List<RecordedTokenStream> _streams = [];
    private readonly Dictionary<int, NumericTokenStream> _numbers = [];
    private readonly Dictionary<FieldType, FieldType> _replayingTypes = new(ReferenceEqualityComparer.Instance);
    private byte[] _keywordBytes = new byte[256];
    private int _streamsUsed;

    public PreAnalyzedDocument(Analyzer analyzer)
    {
        _analyzer = analyzer;
    }

    /// <summary>Every recorded term's UTF-8 bytes, one after another.</summary>
    internal byte[] Terms { get; private set; } = new byte[16 * 1024];

    /// <summary><see cref="IntsPerToken"/> ints per recorded token.</summary>
    internal int[] Tokens { get; private set; } = new int[IntsPerToken * 2048];

    internal int TermsLength { get; private set; }

    internal int TokenCount { get; private set; }

    /// <summary>
    /// Records the tokens of each of the document's indexed fields that it knows how to: text (Lucene's
    /// <see cref="TextField"/> types, through the analyzer), keywords (one token each, as Lucene's own
    /// <see cref="StringField"/> gives; only without positions, which a replayed field would space by the analyzer's
    /// gap) and unstored 64-bit numbers (their trie terms). Each is replaced by a field indexed from its recording,
    /// followed by the stored value when the field stored it. Other fields stay as they are, for the writer to handle.
    /// </summary>
    public void Analyze(Document document)
    {
        var fields = document.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not Field { FieldType: { IsIndexed: true } type } field)
            {
                continue;
            }

            // A number's string form is not asked for: Lucene.Net would format it for nothing.
            var text = IsText(type) || IsKeyword(type) ? field.GetStringValue() : null;
            if (Record(field, type, text) is not { } recorded)
            {
                continue;
            }

            // The indexed field first: the writer adds the analyzer's position gap before every value of a field but
            // the first, counting values that are only stored.
            fields[i] = new Field(field.Name, recorded, Replaying(type)) { Boost = field.Boost };
            if (type.IsStored)
            {
                fields.Insert(++i, new StoredField(field.Name, text));
            }
        }
    }

    /// <summary>The field's tokens recorded: a text's through the analyzer, a keyword's as one token, an unstored
    /// number's trie terms; null for any other field.</summary>
    private RecordedTokenStream? Record(Field field, FieldType type, string? text)
    {
        if (text is not null)
        {
            return IsKeyword(type) ? RecordKeyword(text) : Record(_analyzer.GetTokenStream(field.Name, text));
        }

        return type is { NumericType: NumericType.INT64, IsStored: false } && field.GetInt64Value() is { } number
            ? Record(Numbers(type.NumericPrecisionStep).SetInt64Value(number))
            : null;
    }

    private static bool IsText(FieldType type) => ReferenceEquals(type, TextField.TYPE_STORED) || ReferenceEquals(type, TextField.TYPE_NOT_STORED);

    private static bool IsKeyword(FieldType type) =>
        type is { IsTokenized: false, NumericType: NumericType.NONE, IndexOptions: IndexOptions.DOCS_ONLY };

    /// <summary>Forgets the recordings, once the document is indexed, so that the next document can use this one.</summary>
    /// <returns>false when this one grew too large to keep.</returns>
    public bool Release()
    {
        TermsLength = 0;
        TokenCount = 0;
        _streamsUsed = 0;
        return Terms.Length <= MaxKeptTermBytes && Tokens.Length <= MaxKeptTokenInts;
    }

    private RecordedTokenStream? Record(TokenStream stream)
    {
        var firstToken = TokenCount;
        using (stream)
        {
            // A payload would not survive the recording; no analyzer of ours sets one, but the writer must see it if one did.
            if (stream.HasAttribute<IPayloadAttribute>())
            {
                return null;
            }

            var term = stream.GetAttribute<ITermToBytesRefAttribute>();
            var bytes = term.BytesRef;
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                term.FillBytesRef();
                AppendToken(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
            }

            stream.End();
            var replay = NextStream();
            replay.Cue(this, firstToken, TokenCount, increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
            return replay;
        }
    }

    /// <summary>What Lucene's stream for an unanalyzed string gives: the whole value, as one token, its UTF-8 bytes.</summary>
    private RecordedTokenStream RecordKeyword(string value)
    {
        var firstToken = TokenCount;
        var utf8 = _keywordBytes.Length >= Encoding.UTF8.GetMaxByteCount(value.Length) ? _keywordBytes : _keywordBytes = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        AppendToken(utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, utf8)), 1, 0, value.Length);
        var replay = NextStream();
        replay.Cue(this, firstToken, TokenCount, finalIncrement: 0, finalStart: value.Length, finalEnd: value.Length);
        return replay;
    }

    /// <summary>A number's trie terms come from a stream of Lucene's own, one per precision step, reused.</summary>
    private NumericTokenStream Numbers(int precisionStep)
    {
        if (!_numbers.TryGetValue(precisionStep, out var numbers))
        {
            numbers = new NumericTokenStream(precisionStep);
            _numbers.Add(precisionStep, numbers);
        }

        return numbers;
    }

    /// <summary>The field type a replaced field keeps: indexed the same way (postings, norms), from a token stream, so
    /// neither stored nor a number any more (its stored value follows it, and the writer would otherwise make the
    /// number's terms itself).</summary>
    private FieldType Replaying(FieldType original)
    {
        if (!_replayingTypes.TryGetValue(original, out var replaying))
        {
            replaying = new FieldType(original) { IsStored = false, IsTokenized = true, NumericType = NumericType.NONE };
            replaying.Freeze();
            _replayingTypes.Add(original, replaying);
        }

        return replaying;
    }

    private void AppendToken(ReadOnlySpan<byte> term, int positionIncrement, int startOffset, int endOffset)
    {
        if (TermsLength + term.Length > Terms.Length)
        {
            var grown = Terms;
            Array.Resize(ref grown, Math.Max(Terms.Length * 2, TermsLength + term.Length));
            Terms = grown;
        }

        if ((TokenCount + 1) * IntsPerToken > Tokens.Length)
        {
            var grown = Tokens;
            Array.Resize(ref grown, Tokens.Length * 2);
            Tokens = grown;
        }

        term.CopyTo(Terms.AsSpan(TermsLength));
        TermsLength += term.Length;
        var at = TokenCount * IntsPerToken;
        Tokens[at] = TermsLength;
        Tokens[at + 1] = positionIncrement;
        Tokens[at + 2] = startOffset;
        Tokens[at + 3] = endOffset;
        TokenCount++;
    }

    private RecordedTokenStream NextStream()
    {
        if (_streamsUsed == _streams.Count)
        {
            _streams.Add(new RecordedTokenStream());
        }

        return _streams[_streamsUsed++];
    }
}
