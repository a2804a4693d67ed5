namespace Search.Core.Suggesting;

/// <summary>Where one word lies in a text: <see cref="Start"/> and <see cref="Length"/> in UTF-16 code units.</summary>
internal readonly record struct WordSpan(int Start, int Length)
{
    public int End => Start + Length;
}
