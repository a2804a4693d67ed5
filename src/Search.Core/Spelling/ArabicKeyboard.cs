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
