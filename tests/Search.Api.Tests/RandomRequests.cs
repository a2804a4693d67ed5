using System.Globalization;
using System.Text;

namespace Search.Api.Tests;

/// <summary>
/// Seeded random request addresses for <c>/api/search</c>, <c>/api/articles/{id}</c> and its <c>/related</c>: every
/// parameter with random, repeated, over-long and malformed values, in random Unicode (lone surrogates, U+FFFE/U+FFFF,
/// presentation forms, bidi controls, NUL) and with broken percent-encoding. The same seed gives the same requests.
/// </summary>
internal sealed class RandomRequests(int seed)
{
    private static readonly string[] SearchParameters =
        ["q", "page", "pageSize", "sort", "from", "to", "source", "section", "tag", "after", "highlight", "facets", "collapse", "recencyHalfLifeDays", "Q", "unknown"];

    private static readonly string[] Words = ["الاتصالات", "وزير", "النفط", "ال*", "اتصا*", "مصر", "\"الجيل الخامس\"", "-وزير", "OR", "ﻻ", "ﷺ", "5G"];

    private static readonly string[] KnownIds =
        ["sample-tech-001", "sample-politics-001", "https://example.com/ofuq/2024/11/05/jordan-lebanon-committee", "does-not-exist"];

    private static readonly string[] BrokenEscapes = ["%", "%%", "%2", "%zz", "%FF", "%C0%AF", "%ED%A0%80", "%EF%BF%BE", "%00", "%E2%80%AE", "%F4%90%80%80", "%2F", "%252F", "+"];

    private readonly Random _random = new(seed);

    /// <summary>Cursors from earlier answers, handed back (sometimes to another sort) as a client would.</summary>
    public List<string> Cursors { get; } = [];

    public string Next() => _random.Next(10) switch
    {
        < 6 => "/api/search?" + string.Join('&', Enumerable.Range(0, _random.Next(0, 8)).SelectMany(_ => SearchParameter())),
        < 8 => "/api/articles/" + Id(),
        _ => "/api/articles/" + Id() + "/related" + (_random.Next(2) == 0 ? "?count=" + Encode(Number()) : string.Empty),
    };

    private IEnumerable<string> SearchParameter()
    {
        var name = Pick(SearchParameters);
        var repeats = _random.Next(20) switch
        {
            0 => 101 + _random.Next(50), // over the 100 values a filter list takes
            < 4 => 2 + _random.Next(3),
            _ => 1,
        };
        for (var i = 0; i < repeats; i++)
        {
            yield return Encode(name) + "=" + Encode(Value(name));
        }
    }

    private string Value(string name) => name switch
    {
        "q" or "Q" => _random.Next(4) switch
        {
            0 => string.Join(' ', Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pick(Words))),
            1 => string.Join(' ', Enumerable.Range(0, _random.Next(1, 4)).Select(_ => HostileWord())),
            _ => Text(),
        },
        "page" or "pageSize" => Number(),
        "recencyHalfLifeDays" => Pick(["1", "0.5", "0", "-3", "36500", "36501", "NaN", "Infinity", "-Infinity", "1e308", "1e-320", Number()]),
        "sort" => Pick(["relevance", "newest", "oldest", "RELEVANCE", "Newest", "0", "1", "-1", "999", Text()]),
        "from" or "to" => Pick(["2024-01-01", "2025-06-17T13:00:00+03:00", "0001-01-01", "9999-12-31T23:59:59+14:00", "2024-13-45", "yesterday", "2024-01-01T00:00:00+15:00", Text()]),
        "after" => _random.Next(3) == 0 && Cursors.Count > 0 ? Cursors[_random.Next(Cursors.Count)] : Cursor(),
        "highlight" or "facets" or "collapse" => Pick(["true", "false", "TRUE", "1", "yes", Text()]),
        _ => Text(),
    };

    private string Number() => _random.Next(8) switch
    {
        0 => _random.Next(-5, 5).ToString(CultureInfo.InvariantCulture),
        1 => _random.Next(1, 200).ToString(CultureInfo.InvariantCulture),
        2 => Pick(["2147483647", "-2147483648", "2147483648", "99999999999", "1e3", "0x10", "1.5", " 5", "٣", "abc", ""]),
        3 => Text(),
        _ => _random.Next(1, 11).ToString(CultureInfo.InvariantCulture),
    };

    private string Id() => _random.Next(6) switch
    {
        0 => Encode(Pick(KnownIds)),
        1 => Pick(KnownIds), // slashes as they are
        2 => Encode(Text()),
        3 => Encode(Text(maxLength: 40)).Replace("%2F", "/", StringComparison.Ordinal),
        4 => Pick(BrokenEscapes) + Encode(Text(maxLength: 10)),
        _ => Pick(["..", "%2e%2e", ".", "%20", "a/..", "a//b", "related", "x/related/related", new string('a', 5000), Encode(new string('ﷺ', 2000))]),
    };

    /// <summary>Garbage, or base64 of JSON shaped like a cursor with hostile values.</summary>
    private string Cursor()
    {
        var json = _random.Next(3) switch
        {
            0 => Text(),
            1 => $$"""{"s":"{{Pick(["Relevance", "Newest", "Oldest", "Bogus"])}}","v":"{{Pick(["1", "NaN", "-1e40", "9223372036854775808", "\\ud800"])}}","i":"\ud800x","g":{{_random.Next(-2, 3)}},"t":0,"d":[]}""",
            _ => $$"""{"s":"Newest","v":"0","i":"sample-tech-001","g":null,"t":-1,"d":[{{string.Join(',', Enumerable.Range(0, _random.Next(0, 100)))}}]}""",
        };
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return _random.Next(4) == 0 ? base64[..(base64.Length / 2)] : base64;
    }

    /// <summary>A word of what breaks normalization and folding (presentation forms beside noncharacters), maybe a prefix.</summary>
    private string HostileWord() =>
        Pick(["", "+", "-", "\""])
        + string.Concat(Enumerable.Range(0, _random.Next(1, 5)).Select(_ => _random.Next(4) switch
        {
            0 => (char)_random.Next(0xFE70, 0xFEFD),
            1 => (char)_random.Next(0xFB50, 0xFDFE),
            2 => (char)Pick([0xFFFE, 0xFFFF, 0xFEFF]),
            _ => (char)_random.Next(0x0621, 0x064B),
        }))
        + Pick(["", "*", "*", "\""]);

    /// <summary>Random text: mostly short, sometimes thousands of characters, from code points that break text code.</summary>
    private string Text(int maxLength = 0)
    {
        var length = maxLength > 0 ? _random.Next(1, maxLength) : _random.Next(20) switch
        {
            0 => _random.Next(1000, 6000),
            < 4 => 0,
            _ => _random.Next(1, 40),
        };
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(_random.Next(14) switch
            {
                0 => (char)_random.Next(0xD800, 0xE000), // a lone surrogate
                1 => (char)Pick([0xFFFE, 0xFFFF, 0xFDD0, 0xFEFF, 0xFFFD]),
                2 => (char)_random.Next(0xFB50, 0xFE00),
                3 => (char)_random.Next(0xFE70, 0xFF00),
                4 => (char)Pick([0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]),
                5 => (char)_random.Next(0, 0x20),
                6 => Pick(["\"", "*", "+", "-", "(", ")", " OR ", "/", "%", "&", "=", "?", "#"]),
                7 => char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)),
                8 => (char)_random.Next(0, 0x10000),
                _ => (char)_random.Next(0x0621, 0x0653),
            });
        }

        return text.ToString();
    }

    /// <summary>Percent-encodes UTF-8 (a lone surrogate becomes U+FFFD, as in any client), now and then with a broken escape spliced in.</summary>
    private string Encode(string value)
    {
        var encoded = Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)));
        return _random.Next(12) == 0 ? encoded.Insert(_random.Next(encoded.Length + 1), Pick(BrokenEscapes)) : encoded;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
