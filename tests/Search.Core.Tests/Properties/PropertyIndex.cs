using Search.Core.Indexing;

namespace Search.Core.Tests.Properties;

/// <summary>
/// One small in-memory index the query properties search, shared because searching never writes: articles holding
/// <see cref="HostileInput.Words"/>, so generated queries find, rank, collapse and highlight real hits.
/// </summary>
internal static class PropertyIndex
{
    private static readonly Lazy<NewsIndex> Shared = new(() => TestCorpus.InMemoryIndexOf(
        TestCorpus.Article("p-1", "وزير الاتصالات يفتتح معرض الكتاب", body: "قال وزير الاتصالات إن المعرض يضم تقنيات الجيل الخامس 5G.", section: "تكنولوجيا", source: "الرصد", publishedAt: new DateTimeOffset(2024, 11, 22, 10, 0, 0, TimeSpan.Zero), tags: ["معرض"]),
        TestCorpus.Article("p-2", "أسعار النفط ترتفع", body: "ارتفعت أسعار النفط في لبنان وفلسطين. ﻻ تعليق ﷲ", section: "اقتصاد", source: "الأفق", publishedAt: new DateTimeOffset(2025, 1, 3, 8, 0, 0, TimeSpan.FromHours(3))),
        TestCorpus.Article("p-3", "أسعار النفط ترتفع", body: "ارتفعت أسعار النفط في لبنان وفلسطين. ﻻ تعليق ﷲ", section: "اقتصاد", source: "الرصد"),
        TestCorpus.Article("p-4", "covid-19 هـذه فِي والاتصالات", body: "\uFEFB\uFFFE \u202Eمعكوس\u202C \uD83D\uDCF0 خبر", lead: "الكتاب في لبنان", tags: ["كتاب", "\uFFFF"])));

    public static NewsIndex Index => Shared.Value;
}
