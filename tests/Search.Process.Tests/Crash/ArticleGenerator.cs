using System.Text;

namespace Search.Process.Tests.Crash;

/// <summary>Makes article versions from a seed: Arabic text of made-up sentences, every field filled in now and then
/// left out, bodies from a line to about 30 KB, dates in several offsets.</summary>
internal sealed class ArticleGenerator(int seed)
{
    private static readonly string[] Words =
    [
        "الحكومة", "وزير", "الاقتصاد", "مشروع", "المدينة", "اجتماع", "البرلمان", "الطاقة", "المياه", "التعليم",
        "الصحة", "مستشفى", "جامعة", "الطلاب", "السوق", "الأسعار", "النفط", "الميناء", "القطار", "الطريق",
        "المطار", "الرياضة", "المنتخب", "البطولة", "الثقافة", "معرض", "الكتاب", "المسرح", "الفنانين", "الزراعة",
        "القمح", "المطر", "الشتاء", "الصيف", "التجارة", "الصادرات", "المصانع", "العمال", "الشباب", "البلدية",
        "أعلن", "قال", "أكد", "افتتح", "ناقش", "وقع", "ارتفع", "انخفض", "يستمر", "يبدأ", "في", "على", "من", "إلى",
        "مع", "بعد", "قبل", "خلال", "اليوم", "أمس", "الجديد", "الكبير", "الأول", "العام",
    ];

    private static readonly string[] Sources = ["وكالة الأنباء المحلية", "صحيفة المساء", "إذاعة الساحل", "موقع الخبر"];
    private static readonly string[] Sections = ["اقتصاد", "سياسة", "رياضة", "ثقافة", "تكنولوجيا"];
    private static readonly string[] Authors = ["سارة علي", "محمد حسن", "ليلى يوسف", "عمر خالد"];
    private static readonly string[] TagPool = ["طاقة", "تعليم", "صحة", "نقل", "زراعة", "انتخابات", "مياه"];
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(-5)];

    private readonly Random _random = new(seed);

    public ArticleVersion Next(string id, int version) => new()
    {
        Id = id,
        Title = $"{id} نسخة {version} {Sentence(3, 8)}",
        Lead = Maybe(0.8) ? Sentence(5, 15) : null,
        Body = Maybe(0.9) ? Paragraphs() : null,
        Url = Maybe(0.9) ? $"https://news.example/{id}/{version}" : null,
        Source = Maybe(0.9) ? Pick(Sources) : null,
        Section = Maybe(0.8) ? Pick(Sections) : null,
        Author = Maybe(0.5) ? Pick(Authors) : null,
        Tags = [.. TagPool.OrderBy(_ => _random.Next()).Take(_random.Next(0, 4))],
        PublishedAt = Maybe(0.9)
            ? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(0, 500_000)).ToOffset(Pick(Offsets))
            : null,
    };

    private string Paragraphs()
    {
        // Mostly short; now and then long enough that one log record spans many disk pages.
        var paragraphs = _random.NextDouble() < 0.05 ? _random.Next(40, 80) : _random.Next(1, 5);
        var text = new StringBuilder();
        for (var i = 0; i < paragraphs; i++)
        {
            text.Append(i == 0 ? "" : "\n").Append(Sentence(20, 60));
        }

        return text.ToString();
    }

    private string Sentence(int min, int max) => string.Join(' ', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Pick(Words)));

    private bool Maybe(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
