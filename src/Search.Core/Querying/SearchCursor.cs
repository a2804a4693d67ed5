using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// An opaque cursor for deep paging: the sort values (score or date, then id) of the last hit returned. Searching after
/// it costs the same on page 1,000 as on page 2. It is tied to the sort it was made for.
/// </summary>
public static class SearchCursor
{
    public static string Encode(SearchSort sort, FieldDoc last)
    {
        // Lucene.Net boxes sort values as J2N numbers; IConvertible reads them and plain ones alike.
        var value = (IConvertible)last.Fields[0];
        var primary = sort == SearchSort.Relevance
            ? value.ToSingle(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
            : value.ToInt64(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var id = ((BytesRef)last.Fields[1]).Utf8ToString();
        var json = JsonSerializer.Serialize(new[] { sort.ToString(), primary, id });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <exception cref="InvalidSearchRequestException">The cursor is malformed or was made for another sort.</exception>
    public static FieldDoc Decode(string cursor, SearchSort sort)
    {
        string[]? parts;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            throw Invalid("The cursor is malformed; pass the nextCursor of a previous response unchanged.");
        }

        if (parts is not { Length: 3 } || !Enum.TryParse<SearchSort>(parts[0], out var cursorSort))
        {
            throw Invalid("The cursor is malformed; pass the nextCursor of a previous response unchanged.");
        }

        if (cursorSort != sort)
        {
            throw Invalid($"The cursor was made for sort '{cursorSort.ToString().ToLowerInvariant()}'; use the same sort to continue.");
        }

        object primary = sort == SearchSort.Relevance
            ? float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? J2N.Numerics.Single.GetInstance(score) : throw Invalid("The cursor is malformed.")
            : long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? J2N.Numerics.Int64.GetInstance(seconds) : throw Invalid("The cursor is malformed.");

        // Doc int.MaxValue: ids are unique, so the id decides every tie and the last hit itself is excluded.
        return new FieldDoc(int.MaxValue, float.NaN, [primary, new BytesRef(parts[2])]);
    }

    private static InvalidSearchRequestException Invalid(string message) =>
        new(new Dictionary<string, string[]> { ["after"] = [message] });
}
