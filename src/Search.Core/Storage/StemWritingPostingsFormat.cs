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
/// of those fields to a second thread (<see cref="PipelinedTerms"/>). On disk nothing changes: the fields name
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
        private readonly List<PipelinedTerms> _pipelines = [];

        public override TermsConsumer AddField(FieldInfo field)
        {
            var terms = inner.AddField(field);
            if (IndexOptionsComparer.Default.Compare(field.IndexOptions, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) < 0
                || (_stemmer is null && field.HasPayloads))
            {
                return terms;
            }

            var offsets = field.IndexOptions == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
            var pipelined = new PipelinedTerms(terms, offsets, chunkBytes);
            _pipelines.Add(pipelined);
            return _stemmer is null ? pipelined : new StemsFromExactForms(pipelined, _stemmer, offsets);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // A field's worker may still be writing when a failed flush or merge ends here: stopped before the files
                // close.
                foreach (var pipeline in _pipelines)
                {
                    pipeline.Dispose();
                }

                inner.Dispose();
            }
        }
    }
}
