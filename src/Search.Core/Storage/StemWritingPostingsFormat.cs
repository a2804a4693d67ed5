using Lucene.Net.Codecs;
using Lucene.Net.Codecs.PerField;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;

namespace Search.Core.Storage;

/// <summary>
/// Lucene 4.1's postings for every field, and at every flush the stems <see cref="ExactFormRepeatFilter"/> leaves out
/// written from the exact forms that have them (<see cref="StemsFromExactForms"/>) in each field with positions, all
/// of which that filter analyzes. Merges copy terms as they are, stems included. Flushes and merges hand the encoding
/// of every field's terms to a second thread (<see cref="PostingsPipeline"/>). On disk nothing changes: the fields name
/// Lucene41, which reads them.
/// </summary>
internal sealed class StemWritingPostingsFormat(int chunkBytes) : PerFieldPostingsFormat
{
    private readonly PostingsFormat _format = new Format(chunkBytes);

    public override PostingsFormat GetPostingsFormatForField(string field) => _format;

    [PostingsFormatName("Lucene41")]
    private sealed class Format(int chunkBytes) : PostingsFormat
    {
        private readonly PostingsFormat _lucene41 = ForName("Lucene41");

        public override FieldsConsumer FieldsConsumer(SegmentWriteState state)
        {
            var consumer = _lucene41.FieldsConsumer(state);
            return state.Context.Context switch
            {
                IOContext.UsageContext.FLUSH => new Writing(consumer, chunkBytes, stems: true),
                IOContext.UsageContext.MERGE => new Writing(consumer, chunkBytes, stems: false),
                _ => consumer,
            };
        }

        public override FieldsProducer FieldsProducer(SegmentReadState state) => _lucene41.FieldsProducer(state);
    }

    /// <param name="stems">Whether the stems are to be written (a flush), or are among the terms already (a merge).</param>
    private sealed class Writing(FieldsConsumer inner, int chunkBytes, bool stems) : FieldsConsumer
    {
        private readonly ArabicNewsStemmer? _stemmer = stems ? new() : null;
        private readonly PostingsPipeline _pipeline = new(inner, chunkBytes);

        public override TermsConsumer AddField(FieldInfo field)
        {
            if (!PostingsPipeline.Carries(field))
            {
                _pipeline.Drain();
                return inner.AddField(field);
            }

            var terms = _pipeline.AddField(field);
            return _stemmer is not null && field.IndexOptions is IndexOptions.DOCS_AND_FREQS_AND_POSITIONS or IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS
                ? new StemsFromExactForms(terms, _stemmer, field.IndexOptions == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
                : terms;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // The worker may still be writing: it finishes (or, when the flush or merge failed, stops) before the
                // files close, which they do even when it failed.
                try
                {
                    _pipeline.Dispose();
                }
                finally
                {
                    inner.Dispose();
                }
            }
        }
    }
}
