namespace Search.Evaluation.Slips;

/// <summary>The typing slips a query copy may carry, one a query.</summary>
public enum SlipKind
{
    /// <summary>A letter left out (الحكومة → الحكمة).</summary>
    DroppedLetter,

    /// <summary>Two neighbouring letters typed in the wrong order (الحكومة → الحكوةم).</summary>
    SwappedLetters,

    /// <summary>A letter typed twice (الحكومة → الحكوومة).</summary>
    DoubledLetter,

    /// <summary>A letter replaced by one whose key touches it on the standard Arabic keyboard (الحكومة → الحكونة).</summary>
    KeyboardNeighbour,

    /// <summary>The space between two words left out (معدلات الانتحار → معدلاتالانتحار).</summary>
    RunTogether,
}
