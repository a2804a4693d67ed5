namespace Search.Core.Spelling;

/// <summary>
/// The standard Arabic keyboard (Windows "Arabic (101)", also macOS's and Android's default layout): which letters sit
/// next to each other, so a finger that lands one key off is told apart from a letter chosen wrongly. Pure functions,
/// safe from any thread.
/// </summary>
public static class ArabicKeyboard
{
    // The three letter rows, left to right. The lam-alef key (under B) types two letters: it is a gap here, so ر and ى
    // are not neighbours. ذ sits alone left of the digits.
    private const string TopRow = "ضصثقفغعهخحجد";
    private const string HomeRow = "شسيبلاتنمكط";
    private const string BottomRow = "ئءؤر\0ىةوزظ";

    private static readonly string[] Rows = [TopRow, HomeRow, BottomRow];

    // The same keys on the US layout, row by row (the lam-alef key is B), then ذ's key and the shifted keys that type a
    // hamza seat: what a word typed with the layout left on English gives.
    private const string LatinTopRow = "qwertyuiop[]";
    private const string LatinHomeRow = "asdfghjkl;'";
    private const string LatinBottomRow = "zxcv\0nm,./";

    private static readonly Dictionary<char, string> FromLatin = BuildFromLatin();

    /// <summary>
    /// What a word typed with the keyboard left on the US layout was meant to be in Arabic (hgp;,lm → الحكومة, Ydvhk
    /// → إيران): each key read as the Arabic letter it carries, b as لا, the shifted H, Y, N as أ, إ, آ and G, T, B as
    /// لأ, لإ, لآ, any other capital (a phone capitalizes the first letter) as its small letter. Null when a character
    /// is no letter key of the layout.
    /// </summary>
    public static string? FromLatinLayout(ReadOnlySpan<char> typed)
    {
        var arabic = new System.Text.StringBuilder(typed.Length + 2);
        foreach (var key in typed)
        {
            if (!FromLatin.TryGetValue(key, out var letters) && !(char.IsAsciiLetterUpper(key) && FromLatin.TryGetValue(char.ToLowerInvariant(key), out letters)))
            {
                return null;
            }

            arabic.Append(letters);
        }

        return arabic.ToString();
    }

    private static Dictionary<char, string> BuildFromLatin()
    {
        var map = new Dictionary<char, string> { ['b'] = "لا", ['`'] = "ذ", ['H'] = "أ", ['Y'] = "إ", ['N'] = "آ", ['G'] = "لأ", ['T'] = "لإ", ['B'] = "لآ" };
        foreach (var (arabic, latin) in new[] { (TopRow, LatinTopRow), (HomeRow, LatinHomeRow), (BottomRow, LatinBottomRow) })
        {
            for (var i = 0; i < arabic.Length; i++)
            {
                if (arabic[i] != '\0')
                {
                    map[latin[i]] = arabic[i].ToString();
                }
            }
        }

        return map;
    }

    /// <summary>
    /// The letters whose keys touch <paramref name="letter"/>'s: left and right in its row and, the rows being staggered
    /// (each a quarter to half a key right of the one above), the two keys above and the two below that overlap it.
    /// Empty for a character not on the letter rows.
    /// </summary>
    public static string NeighboursOf(char letter)
    {
        if (letter == '\0' || !TryLocate(letter, out var row, out var column))
        {
            return string.Empty;
        }

        var neighbours = new List<char>(6);
        Add(neighbours, row, column - 1);
        Add(neighbours, row, column + 1);

        // A key overlaps the key right above it and the one after that; the row below, the one before and the one right
        // below it.
        Add(neighbours, row - 1, column);
        Add(neighbours, row - 1, column + 1);
        Add(neighbours, row + 1, column - 1);
        Add(neighbours, row + 1, column);
        return new string([.. neighbours]);
    }

    /// <summary>True when the two letters' keys touch.</summary>
    public static bool AreNeighbours(char a, char b) => a != b && NeighboursOf(a).Contains(b, StringComparison.Ordinal);

    private static void Add(List<char> neighbours, int row, int column)
    {
        if (row >= 0 && row < Rows.Length && column >= 0 && column < Rows[row].Length && Rows[row][column] != '\0')
        {
            neighbours.Add(Rows[row][column]);
        }
    }

    private static bool TryLocate(char letter, out int row, out int column)
    {
        for (row = 0; row < Rows.Length; row++)
        {
            column = Rows[row].IndexOf(letter, StringComparison.Ordinal);
            if (column >= 0)
            {
                return true;
            }
        }

        row = column = -1;
        return false;
    }
}
