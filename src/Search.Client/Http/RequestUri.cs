using System.Globalization;
using System.Text;

namespace Search.Client.Http;

/// <summary>Builds a relative request address: a path, then query parameters with every value percent-encoded and
/// written culture-invariantly. Unset (null) parameters are left out, so the service applies its own defaults.</summary>
internal sealed class RequestUri
{
    private readonly StringBuilder _text;
    private char _separator = '?';

    public RequestUri(string path) => _text = new StringBuilder(path);

    /// <summary>One path segment holding any text, slashes, <c>?</c> and <c>#</c> included.</summary>
    /// <exception cref="ArgumentException">The value is <c>.</c> or <c>..</c>: every HTTP stack on the way (this one's
    /// <see cref="Uri"/> too), encoded or not, reads it as a step in the path, so it cannot name anything.</exception>
    public static string Segment(string value, string parameterName) =>
        value is "." or ".."
            ? throw new ArgumentException($"'{value}' cannot be sent as a segment of a URL path: it would be read as a step up or across the path.", parameterName)
            : Uri.EscapeDataString(value);

    public RequestUri Add(string name, string? value)
    {
        if (value is not null)
        {
            _text.Append(_separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            _separator = '&';
        }

        return this;
    }

    public RequestUri Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public RequestUri Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    public RequestUri Add(string name, bool? value) => Add(name, value switch { true => "true", false => "false", null => null });

    /// <summary>An instant in ISO 8601 with its offset, as the service parses it.</summary>
    public RequestUri Add(string name, DateTimeOffset? value) => Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>A repeatable parameter, once per value.</summary>
    public RequestUri AddEach(string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(name, value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
