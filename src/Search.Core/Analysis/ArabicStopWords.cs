using Lucene.Net.Analysis.Ar;

namespace Search.Core.Analysis;

/// <summary>
/// Stop words in folded form. The stock <see cref="ArabicAnalyzer"/> removes stop words before normalization, so
/// فِي (with a kasra) or هـذه (with tatweel) slip through; folding the list and filtering after folding fixes that.
/// </summary>
public static class ArabicStopWords
{
    /// <summary>
    /// Question words and function words that Savoy's list lacks. Natural questions typed into a search box are full
    /// of them and they carry no topic.
    /// </summary>
    private static readonly string[] QuestionAndFunctionWords =
    [
        "ما", "ماذا", "متى", "أين", "كم", "هل", "كيف", "لماذا", "لما", "أي", "أيّ", "من", "الذي", "التي", "الذين",
        "اللذان", "اللتان", "اللواتي", "اللاتي", "ذلك", "تلك", "هذا", "هذه", "هؤلاء", "أولئك", "هناك", "هنا",
        "إلى", "على", "عن", "في", "مع", "بين", "حتى", "منذ", "خلال", "لدى", "عند", "قد", "لقد", "إن", "أن", "كان",
        "كانت", "يكون", "تكون", "ليس", "لم", "لن", "لا", "ثم", "أو", "أم", "بل", "لكن", "إذا", "إذ", "كل", "بعض",
        "غير", "أيضا", "وقد", "وفي", "ومن", "وما", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "به", "بها", "له",
        "لها", "هو", "هي", "هم", "هن", "نحن", "أنا", "أنت", "وهو", "وهي", "التى", "الى",

        // Question words as often typed joined to the next word.
        "ماهو", "ماهي", "مالذي", "ماالذي", "بماذا", "لمن",
    ];

    /// <summary>Savoy's list plus question and function words, all folded; read-only.</summary>
    public static FoldedWords Folded { get; } = new(
        ArabicAnalyzer.DefaultStopSet.Select(word => word.ToString()!).Concat(QuestionAndFunctionWords).Select(ArabicOrthography.Fold));
}
