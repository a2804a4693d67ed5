using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Search.Core.Tests.Properties;

/// <summary>Text as an attacker or a broken producer writes it.</summary>
public sealed record HostileText(string Value)
{
    public override string ToString() => HostileInput.Show(Value);
}

/// <summary>What someone types into the search box, syntax bombs included.</summary>
public sealed record HostileQuery(string Value)
{
    public override string ToString() => HostileInput.Show(Value);
}

/// <summary>A date as pages print them, garbled: numbers out of range, month names in presentation forms, noise.</summary>
public sealed record HostileDate(string Value)
{
    public override string ToString() => HostileInput.Show(Value);
}

/// <summary>One line of a JSON Lines file: JSON or nearly, with escapes of any code unit, lone surrogates included.</summary>
public sealed record HostileJsonLine(string Value)
{
    public override string ToString() => HostileInput.Show(Value);
}

/// <summary>
/// Generators for the property tests (<c>[Properties(Arbitrary = [typeof(HostileInput)])]</c>): random Unicode weighted
/// toward what breaks text code (lone surrogates, U+FFFE/U+FFFF, Arabic presentation forms, bidi controls, NUL and other
/// controls, marks) mixed with the search syntax and Arabic words the small test index holds.
/// </summary>
public static class HostileInput
{
    /// <summary>Words of <see cref="PropertyIndex"/>'s articles, so generated queries also find and highlight hits.</summary>
    public static readonly string[] Words =
        ["وزير", "الاتصالات", "والاتصالات", "معرض", "الكتاب", "فلسطين", "لبنان", "النفط", "أسعار", "ﻻ", "ﷲ", "5G", "covid-19", "هـذه", "فِي"];

    private static readonly string[] Months =
        ["يناير", "كانون الثاني", "جانفي", "فبراير", "آذار", "أبريل", "إبريل", "مايو", "حزيران", "تموز", "أغسطس", "آب", "أيلول", "تشرين الأول", "نوفمبر", "ديسمبر", "ﻧﻮﻓﻤﺒﺮ", "ﻣﺎﺭﺱ", "ليس شهرا"];

    private static readonly string[] Syntax = ["\"", "“", "”", "«", "»", "＂", "+", "-", "\u2212", "*", "(", ")", " OR ", "OR", "AND", "NOT", ":", "^", "~", "\\", "/", "[", "]", "{", "}", "?", "؟", "&&", "||", "!", ".", "_"];

    private static readonly string[] BidiControls = ["\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

    private static readonly string[] Spaces = [" ", " ", " ", "\t", "\n", "\r", "\u00A0", "\u3000", "\u2028", "\u200B"];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Range(0x0621, 0x064A)), // Arabic letters
        (2, Range(0x064B, 0x065F)), // harakat and marks
        (1, Gen.Elements("\u0640", "\u0670", "\u0671", "\u06A9", "\u06CC", "\u0660", "\u0669", "\u06F0", "\u066B", "\u066C")),
        (3, Range(0xFB50, 0xFDFF)), // presentation forms A
        (3, Range(0xFE70, 0xFEFF)), // presentation forms B, and U+FEFF
        (2, Gen.Elements("\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uFFFD")),
        (3, Range(0xD800, 0xDFFF)), // a lone surrogate
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)), // a proper pair
        (2, Gen.Elements(BidiControls)),
        (2, Gen.Elements("\0", "\u0001", "\u001F", "\u007F", "\u0085", "\u009F", "\u200C", "\u200D", "\u00AD")),
        (4, Range(0x21, 0x7E)),
        (4, Gen.Elements(Spaces)),
        (4, Gen.Elements(Syntax)),
        (3, Gen.Elements(Words)),
        (1, Range(0x0000, 0xFFFF)));

    /// <summary>What breaks text code, without spaces, so that it lands inside one word.</summary>
    private static readonly Gen<string> WordPiece = Gen.Frequency(
        (4, Range(0x0621, 0x064A)),
        (3, Gen.OneOf(Range(0xFB50, 0xFDFF), Range(0xFE70, 0xFEFF))),
        (2, Gen.Elements("\uFFFE", "\uFFFF", "\uFDD0")),
        (2, Range(0xD800, 0xDFFF)),
        (1, Gen.Elements(BidiControls)),
        (1, Gen.Elements("\0", "\u064E", "\u0640", "\u200D", "\u0660", "a", "5")));

    /// <summary>Words of such pieces, each maybe required, excluded, quoted or a prefix.</summary>
    private static readonly Gen<string> HostileWords =
        from words in Gen.ArrayOf(
            from pieces in Gen.Choose(1, 5).SelectMany(count => Gen.ArrayOf(WordPiece, count))
            from before in Gen.Elements("", "", "+", "-", "\"")
            from after in Gen.Elements("", "*", "*", "\"", "**")
            select before + string.Concat(pieces) + after)
        select string.Join(' ', words);

    /// <summary>Up to <c>size</c> pieces, so FsCheck's growing size makes longer text as a run goes on.</summary>
    private static readonly Gen<string> Pieces = Gen.Sized(size => Gen.Choose(0, size).SelectMany(count => Gen.ArrayOf(Piece, count)).Select(string.Concat));

    private static readonly Gen<string> SyntaxBomb = Gen.OneOf(
        Repeated(Gen.Elements("\"", "\" ", "\"\"", "«", "»", "\"وزير")),
        Repeated(Gen.Elements("+", "-", "*", "(", ")", "+-", "-+", "*-", "-\"", "+\"", "- ", "* ")),
        Repeated(Gen.Elements(Words).Select(word => word + " OR ")),
        Repeated(Gen.Elements(Words).Select(word => word[..Math.Min(2, word.Length)] + "* ")),
        Repeated(Gen.Elements(Words).Select(word => "-" + word + " ")),
        Repeated(Gen.Elements(Words).Select(word => "\"" + word + " " + word + "\" ")),
        Repeated(Gen.Elements("ب ", "بت ", "OR ", "OR OR ", "ب؟ ")),
        Repeated(Piece));

    public static Arbitrary<HostileText> Text() =>
        Arb.From(Gen.OneOf(Pieces, Pieces, HostileWords, SyntaxBomb).Select(text => new HostileText(text)), text => Shrink(text.Value).Select(value => new HostileText(value)));

    public static Arbitrary<HostileQuery> Query() =>
        Arb.From(
            Gen.Frequency((3, Pieces), (3, HostileWords), (3, SyntaxBomb), (2, Gen.Elements(Words).SelectMany(word => Pieces.Select(noise => word + noise)))).Select(query => new HostileQuery(query)),
            query => Shrink(query.Value).Select(value => new HostileQuery(value)));

    public static Arbitrary<HostileDate> Date() =>
        Arb.From(DateGen.Select(date => new HostileDate(date)), date => Shrink(date.Value).Select(value => new HostileDate(value)));

    public static Arbitrary<HostileJsonLine> JsonLine() =>
        Arb.From(JsonLineGen.Select(line => new HostileJsonLine(line)), line => Shrink(line.Value).Select(value => new HostileJsonLine(value)));

    /// <summary>Code units outside printable ASCII as <c>\uXXXX</c>, so a failing case can be read and pasted back.</summary>
    public static string Show(string value)
    {
        var shown = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            shown.Append(c is >= ' ' and <= '~' and not '\\' and not '"' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return shown.Append('"').ToString();
    }

    private static Gen<string> DateGen => Gen.OneOf(
        from day in Number(0, 99)
        from month in Gen.Elements(Months)
        from year in Number(0, 9999)
        from hour in Number(0, 99)
        from minute in Number(0, 99)
        from meridiem in Gen.Elements("", " ص", " م", " مـ", " صباحا", " مساء", " pm", " AM", "م", "ص")
        from separator in Gen.Elements(" ", "، ", "-", "/", " | ", "\u00A0", " - ", "الساعة ")
        from before in Pieces
        from after in Pieces
        select $"{before}{day}{separator}{month}{separator}{year} {hour}:{minute}{meridiem}{after}",
        from year in Number(0, 99999)
        from month in Number(0, 99)
        from day in Number(0, 99)
        from hour in Number(0, 99)
        from minute in Number(0, 99)
        from zone in Gen.Elements("Z", "+03:00", "-14:59", "+99:99", "", "\uFFFE")
        select $"{year}-{month}-{day}T{hour}:{minute}:00{zone}",
        Pieces);

    /// <summary>A number in ASCII or Arabic-Indic digits.</summary>
    private static Gen<string> Number(int min, int max) =>
        from number in Gen.Choose(min, max)
        from arabicIndic in Gen.Elements(false, true)
        let digits = number.ToString(CultureInfo.InvariantCulture)
        select arabicIndic ? string.Concat(digits.Select(digit => (char)('\u0660' + (digit - '0')))) : digits;

    private static Gen<string> JsonLineGen =>
        from fields in Gen.ArrayOf(
            from name in Gen.Elements("id", "title", "lead", "abstract", "body", "url", "source", "section", "category", "author", "tags", "publishedAt", "date", "\\ud800")
            from value in JsonValue
            select $"\"{name}\": {value}")
        from withRequired in Gen.Elements(true, true, true, false)
        select "{" + (withRequired ? "\"id\": \"a\", \"title\": \"عنوان\", " : string.Empty) + string.Join(", ", fields) + "}";

    private static Gen<string> JsonValue => Gen.Frequency(
        (8, JsonString),
        (1, Gen.Elements("null", "1", "-0.5e300", "true", "{}", "{\"a\": 1}", "[1, 2]")),
        (2, Gen.ArrayOf(JsonString).Select(items => "[" + string.Join(", ", items) + "]")),
        (1, Pieces));

    /// <summary>A JSON string literal: raw characters (control characters and quotes make it invalid JSON now and then)
    /// and escapes of any code unit, lone surrogates, U+FFFE and NUL included.</summary>
    private static Gen<string> JsonString => Gen.ArrayOf(Gen.Frequency(
            (6, Piece),
            (3, Gen.Choose(0, 0xFFFF).Select(unit => $"\\u{unit:x4}")),
            (3, Gen.Elements("\\ud800", "\\udfff", "\\ud83d", "\\ude00", "\\ud83d\\ude00", "\\ufffe", "\\uffff", "\\u0000", "\\ufefb\\ufffe", "\\\"", "\\\\", "\\n", "\\/")),
            (1, Gen.Elements("\\", "\\x", "\\u12", "\\uZZZZ"))))
        .Select(parts => "\"" + string.Concat(parts) + "\"");

    private static Gen<string> Range(int first, int last) => Gen.Choose(first, last).Select(unit => ((char)unit).ToString());

    private static Gen<string> Repeated(Gen<string> unit) =>
        Gen.Choose(1, 400).SelectMany(count => Gen.ArrayOf(unit, count)).Select(string.Concat);

    /// <summary>Smaller texts to try when a case fails: halves, then (for short ones) the text less one code unit.</summary>
    private static IEnumerable<string> Shrink(string value)
    {
        if (value.Length < 2)
        {
            yield break;
        }

        yield return value[..(value.Length / 2)];
        yield return value[(value.Length / 2)..];
        if (value.Length <= 64)
        {
            for (var i = 0; i < value.Length; i++)
            {
                yield return value.Remove(i, 1);
            }
        }
    }
}
