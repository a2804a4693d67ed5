using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class ArabicDateParserTests
{
    private static readonly TimeSpan Cairo = TimeSpan.FromHours(2);

    [Theory]
    [InlineData("الجمعة، 22 نوفمبر 2024 10:37 مـ", 2024, 11, 22, 22, 37)]
    [InlineData("الثلاثاء، 5 تشرين الثاني 2024 08:15 ص", 2024, 11, 5, 8, 15)]
    [InlineData("الأحد، ٢٠ أبريل ٢٠٢٥ ٠٩:٢٠ ص", 2025, 4, 20, 9, 20)]
    [InlineData("الأربعاء، 12 مارس 2025 07:45 مـ", 2025, 3, 12, 19, 45)]
    [InlineData("12 كانون الأول 2023", 2023, 12, 12, 0, 0)]
    [InlineData("3 كانون الثاني 2024", 2024, 1, 3, 0, 0)]
    [InlineData("1 تشرين الأول 2024", 2024, 10, 1, 0, 0)]
    [InlineData("15 جانفي 2025 14:05", 2025, 1, 15, 14, 5)]
    [InlineData("نُشر في 7 آب 2024 - 06:30 مساء", 2024, 8, 7, 18, 30)]
    [InlineData("9 إبريل 2024 الساعة 11:00 صباحا", 2024, 4, 9, 11, 0)]
    [InlineData("1 مارس 2025 12:05 م", 2025, 3, 1, 12, 5)] // 12 p.m. is noon
    [InlineData("1 مارس 2025 12:05 ص", 2025, 3, 1, 0, 5)] // 12 a.m. is midnight
    [InlineData("1 مارس 2025 15:05 م", 2025, 3, 1, 15, 5)] // a 24-hour time is kept
    [InlineData("29 فبراير 2024", 2024, 2, 29, 0, 0)] // leap day
    public void Parser_reads_dates_as_Arabic_pages_print_them(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.True(ArabicDateParser.TryParse(text, Cairo, out var value));

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, Cairo), value);
        Assert.Equal(Cairo, value.Offset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-5)]
    public void Parser_gives_the_result_the_offset_passed_in(int hours)
    {
        var offset = TimeSpan.FromHours(hours);

        Assert.True(ArabicDateParser.TryParse("الجمعة، 22 نوفمبر 2024 10:37 مـ", offset, out var value));

        Assert.Equal(offset, value.Offset);
        Assert.Equal(new DateTime(2024, 11, 22, 22, 37, 0), value.DateTime);
    }

    [Theory]
    [InlineData("31 فبراير 2024")]
    [InlineData("29 فبراير 2023")]
    [InlineData("31 نيسان 2024")]
    [InlineData("0 مارس 2024")]
    [InlineData("5 مارس 2024 25:10")]
    [InlineData("5 مارس 2024 10:75")]
    [InlineData("5 فلان 2024")]
    [InlineData("وزير الاتصالات يجتمع بنظيره الفلسطيني")]
    [InlineData("رئيس التحرير محمد السعدني")]
    [InlineData("2024")]
    [InlineData("")]
    public void Parser_rejects_invalid_dates_and_text_without_a_date(string text)
    {
        Assert.False(ArabicDateParser.TryParse(text, Cairo, out _));
    }

    [Fact]
    public void Parser_skips_an_invalid_date_and_takes_the_next_valid_one()
    {
        Assert.True(ArabicDateParser.TryParse("31 فبراير 2024 أو 1 مارس 2024", Cairo, out var value));

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, Cairo), value);
    }
}
