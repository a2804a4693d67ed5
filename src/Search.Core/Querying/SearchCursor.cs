using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// An opaque cursor for deep paging: the sort values (score or date, then id) of the last hit consumed, the version of
/// the index snapshot the pages come from, the request time (for a stable recency boost), the stories already shown
/// (so their copies stay collapsed on later pages) and a fingerprint of the search it pages through (query, filters,
/// sort, collapsing, recency), so a cursor passed with another search is refused rather than answered with a page of
/// something else. Searching after it costs the same on page 1,000 as on page 2.
/// </summary>
public sealed record SearchCursor(
    [property: JsonPropertyName("s")] SearchSort Sort,
    [property: JsonPropertyName("v")] string Value,
    [property: JsonPropertyName("i")] string Id,
    [property: JsonPropertyName("g")] long? SnapshotVersion,
    [property: JsonPropertyName("t")] long RequestTime,
    [property: JsonPropertyName("d")] long[] ShownStories,
    [property: JsonPropertyName("q")] ulong? Search = null)
{
    /// <summary>Stories remembered across pages for collapsing their copies; bounds the cursor's length.</summary>
    public const int MaxShownStories = 64;

    private static readonly long MinRequestTime = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxRequestTime = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A cursor just after <paramref name="last"/>, which must come from a collector sorted by the sort of <paramref name="request"/>.</summary>
    public static SearchCursor After(SearchRequest request, FieldDoc last, long? snapshotVersion, long requestTime, IEnumerable<long> shownStories)
    {
        var sort = request.EffectiveSort;
        // Lucene.Net boxes sort values as J2N numbers; IConvertible reads them and plain ones alike.
        var value = (IConvertible)last.Fields[0];
        var primary = sort == SearchSort.Relevance
            ? value.ToSingle(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
            : value.ToInt64(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var id = ((BytesRef)last.Fields[1]).Utf8ToString();
        return new SearchCursor(sort, primary, id, snapshotVersion, requestTime, [.. shownStories.TakeLast(MaxShownStories)], FingerprintOf(request));
    }

    /// <summary>What decides which hits a search finds and in what order; not the page, its size or what each hit shows.</summary>
    public static ulong FingerprintOf(SearchRequest request)
    {
        const char Separator = '\u001F';
        var filters = request.Filters;
        var text = string.Join(
            Separator,
            request.Query ?? "",
            request.EffectiveSort,
            filters.From?.UtcTicks,
            filters.To?.UtcTicks,
            string.Join('\u001E', filters.Sources ?? []),
            string.Join('\u001E', filters.Sections ?? []),
            string.Join('\u001E', filters.Tags ?? []),
            request.CollapseDuplicates,
            request.RecencyHalfLife?.Ticks);
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    public string Encode() =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, Json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="InvalidSearchRequestException">The cursor is malformed or was made for another search.</exception>
    public static SearchCursor Decode(string cursor, SearchRequest request)
    {
        var sort = request.EffectiveSort;
        SearchCursor? decoded;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            decoded = JsonSerializer.Deserialize<SearchCursor>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)), Json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException or NotSupportedException)
        {
            throw Invalid("The cursor is malformed; pass the nextCursor of a previous response unchanged.");
        }

        // The request time is a Unix second the recency boost turns back into a date: one past year 9999 would throw there.
        if (decoded is null || decoded.Id is null || decoded.Value is null || decoded.ShownStories is null || decoded.ShownStories.Length > MaxShownStories
            || decoded.RequestTime < MinRequestTime || decoded.RequestTime > MaxRequestTime)
        {
            throw Invalid("The cursor is malformed; pass the nextCursor of a previous response unchanged.");
        }

        if (decoded.Sort != sort)
        {
            throw Invalid($"The cursor was made for sort '{decoded.Sort.ToString().ToLowerInvariant()}'; use the same sort to continue.");
        }

        // A cursor made by hand in the documented shape may leave the fingerprint out.
        if (decoded.Search is { } search && search != FingerprintOf(request))
        {
            throw Invalid("The cursor was made for another search; pass it with the same query, filters and sort as the page it came from.");
        }

        _ = decoded.ToFieldDoc();
        return decoded;
    }

    /// <summary>Where to resume, as Lucene's search-after takes it. A score is finite: no hit scores NaN or infinity,
    /// and after NaN Lucene's comparison would page on from nowhere in particular.</summary>
    public FieldDoc ToFieldDoc()
    {
        object primary = Sort == SearchSort.Relevance
            ? float.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && float.IsFinite(score) ? J2N.Numerics.Single.GetInstance(score) : throw Invalid("The cursor is malformed.")
            : long.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? J2N.Numerics.Int64.GetInstance(seconds) : throw Invalid("The cursor is malformed.");

        // Doc int.MaxValue: ids are unique, so the id decides every tie and the last hit itself is excluded.
        return new FieldDoc(int.MaxValue, float.NaN, [primary, new BytesRef(Id)]);
    }

    private static InvalidSearchRequestException Invalid(string message) =>
        new(new Dictionary<string, string[]> { ["after"] = [message] });
}
