using Lucene.Net.Codecs;
using Lucene.Net.Codecs.PerField;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;

namespace Search.Core.Storage;

/// <summary>
/// Lucene 4.1's postings for every field, and at every flush the stems <see cref="ExactFormRepeatFilter"/> leaves out
/// written from the exact forms that have them (<see cref="StemsFromExactForms"/>) in each field with positions, all
/// of which that filter analyzes. Merges copy terms as they are, stems included. On disk nothing changes: the fields
/// name Lucene41, which reads them.
/// </summary>
internal sealed class StemWritingPostingsFormat : PerFieldPostingsFormat
{
    private readonly PostingsFormat _format = new Format();

    public override PostingsFormat GetPostingsFormatForField(string field) => _format;

    [PostingsFormatName("Lucene41")]
    private sealed class Format : PostingsFormat
    {
        private readonly PostingsFormat _lucene41 = ForName("Lucene41");

        public override FieldsConsumer FieldsConsumer(SegmentWriteState state)
        {
            var consumer = _lucene41.FieldsConsumer(state);
            return state.Context.Context == IOContext.UsageContext.FLUSH ? new Flush(consumer) : consumer;
        }

        public override FieldsProducer FieldsProducer(SegmentReadState state) => _lucene41.FieldsProducer(state);
    }

    private sealed class Flush(FieldsConsumer inner) : FieldsConsumer
    {
        private readonly ArabicNewsStemmer _stemmer = new();

        public override TermsConsumer AddField(FieldInfo field)
        {
            var terms = inner.AddField(field);
            return IndexOptionsComparer.Default.Compare(field.IndexOptions, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0
                ? new StemsFromExactForms(terms, _stemmer, field.IndexOptions == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
                : terms;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
