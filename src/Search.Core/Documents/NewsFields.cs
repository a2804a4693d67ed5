namespace Search.Core.Documents;

/// <summary>Names of the index fields, in one place.</summary>
public static class NewsFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Lead = "lead";
    public const string Body = "body";

    /// <summary>
    /// Title, lead and body in one indexed field (stems, and exact forms behind <see cref="Analysis.ExactFormRepeatFilter.Marker"/>),
    /// so BM25 saturates term frequency over the whole article rather than per part. Not stored: the parts are.
    /// </summary>
    public const string Text = "text";

    public const string Url = "url";
    public const string Source = "source";
    public const string Section = "section";
    public const string Author = "author";
    public const string Tag = "tag";

    /// <summary>Publication time as Unix seconds: indexed for range filters, doc values for sorting.</summary>
    public const string PublishedAt = "published_at";

    /// <summary>
    /// Bits of <see cref="PublishedAt"/> a level of its range-filter terms covers: 4 terms a value. Lucene's default of 4
    /// bits (16 terms a value) made it a fifth of the index's terms and of what the final merge wrote to the terms
    /// dictionary (110,000 of 594,000 on the shared news articles). A range query at 16 bits reads only the 0, 16, 32 and
    /// 48-bit terms, which an index written at 4 bits holds too, so older indexes filter as before.
    /// </summary>
    public const int PublishedAtPrecisionStep = 16;

    /// <summary>Publication time as written (ISO 8601 with its offset), stored only.</summary>
    public const string PublishedAtText = "published_at_text";

    /// <summary>A SimHash of the text (<see cref="Documents.NearDuplicateHash"/>): near-equal hashes are copies of one story.</summary>
    public const string NearDuplicateHash = "near_dup_hash";

    /// <summary>
    /// The title again, in binary doc values (its first <see cref="NewsDocumentMapper.MaxSuggestTitleLength"/>
    /// characters, cut at a space and marked when longer): suggestions read every title of a segment when they build,
    /// and the few titles a request shows, where stored fields would decompress each whole article (measured on the
    /// shared corpus: two thirds of the build time).
    /// </summary>
    public const string SuggestTitle = "suggest_title";

    /// <summary>
    /// The URL and publication time as written, in binary doc values (<see cref="ListingValue"/>): with the id, the
    /// suggest title, source and section, all a hit without snippets shows, read without decompressing the stored
    /// article (measured: reading ten hits' stored fields was a quarter of a search without snippets).
    /// </summary>
    public const string Listing = "listing";

    /// <summary>The change-log position of the write that stored the article (0 when it came from the offline indexer):
    /// doc values for <see cref="Indexing.IndexChecksum"/>, stored to carry it through a reindex.</summary>
    public const string Version = "version";

}
