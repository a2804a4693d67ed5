using System.Text;
using Search.Core.Documents;

namespace Search.Benchmarks;

/// <summary>
/// Arabic-like news articles made of a small hand-written word list, drawn with a Zipf-like skew so a few words are
/// common and most are rare. Only a fallback for machines without the ANT corpus: the words are real, the prose is not.
/// </summary>
public static class SyntheticArabicText
{
    private static readonly string[] Words =
    [
        "في", "من", "على", "إلى", "أن", "عن", "مع", "التي", "الذي", "هذا", "هذه", "بين", "كما", "بعد", "قبل",
        "الحكومة", "الرئيس", "وزير", "الوزراء", "الخارجية", "الداخلية", "المالية", "البرلمان", "المجلس", "اللجنة",
        "الدولة", "الدول", "العربية", "الأوروبية", "الأمم", "المتحدة", "الولايات", "الاتحاد", "المنطقة", "العاصمة",
        "المدينة", "الشرطة", "الجيش", "القوات", "الأمن", "السلام", "الحرب", "الاتفاق", "المفاوضات", "الانتخابات",
        "الاقتصاد", "الاقتصادية", "النفط", "الغاز", "الأسعار", "الأسواق", "البورصة", "الشركات", "الاستثمار", "البنك",
        "المركزي", "الدولار", "اليورو", "التضخم", "النمو", "الميزانية", "الضرائب", "التجارة", "الصادرات", "الواردات",
        "الرياضة", "المنتخب", "المباراة", "البطولة", "الدوري", "الكأس", "الفريق", "اللاعب", "المدرب", "الملعب",
        "التكنولوجيا", "الإنترنت", "الهاتف", "الذكي", "الشبكة", "البيانات", "الأمن", "السيبراني", "الفضاء", "العلماء",
        "الصحة", "المستشفى", "المرضى", "الأطباء", "اللقاح", "الفيروس", "التعليم", "الجامعة", "الطلاب", "المدارس",
        "الثقافة", "المهرجان", "الفيلم", "الكتاب", "المعرض", "الفنان", "الموسيقى", "المسرح", "التراث", "الجائزة",
        "قال", "أعلن", "أكد", "أضاف", "أشار", "أوضح", "ذكر", "كشف", "دعا", "طالب",
        "يوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "العام", "الماضي",
        "المقبل", "الجديد", "الأول", "الثاني", "الكبير", "مليون", "مليار", "بالمئة", "نحو", "أكثر",
        "والحكومة", "وزارة", "بالإضافة", "للمرة", "لتعزيز", "وفقا", "مصادر", "مسؤول", "تقرير", "بيان",
    ];

    /// <summary>The same <paramref name="count"/> articles for the same seed.</summary>
    public static IReadOnlyList<NewsArticle> Articles(int count, int seed)
    {
        var random = new Random(seed);
        var articles = new List<NewsArticle>(count);
        for (var i = 0; i < count; i++)
        {
            articles.Add(new NewsArticle
            {
                Id = $"synthetic-{i}",
                Title = Sentence(random, random.Next(6, 12), paragraphEvery: 0),
                Lead = Sentence(random, random.Next(20, 40), paragraphEvery: 0),
                Body = Sentence(random, random.Next(120, 400), paragraphEvery: 60),
                Source = "synthetic",
                PublishedAt = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            });
        }

        return articles;
    }

    private static string Sentence(Random random, int words, int paragraphEvery)
    {
        var text = new StringBuilder(words * 7);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(paragraphEvery > 0 && i % paragraphEvery == 0 ? ".\n" : i % 17 == 0 ? "، " : " ");
            }

            // Squaring a uniform draw skews picks toward the start of the list, which holds the commoner words.
            var u = random.NextDouble();
            text.Append(Words[(int)(u * u * Words.Length)]);
        }

        return text.ToString();
    }
}
