namespace Search.Core.Ingestion;

/// <summary>
/// Finds text cut in the middle of a character: a UTF-16 surrogate without its partner. No UTF-8 file can hold one,
/// but JSON escapes (<c>"\ud800"</c>) and callers handing over .NET strings can.
/// </summary>
internal static class LoneSurrogates
{
    public static bool In(string value)
    {
        for (var i = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
