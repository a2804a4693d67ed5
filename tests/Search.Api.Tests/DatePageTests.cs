using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>Publication dates in Arabic with the Umm al-Qura Hijri date beside the Gregorian one, on every list.</summary>
public sealed partial class SearchPageTests
{
    /// <summary>22 November 2024 is 20 Jumada al-Ula 1446 in the Umm al-Qura calendar.</summary>
    private const string KnownHijriDate = "٢٠ جمادى الأولى ١٤٤٦ هـ";

    private const string DesalinationStory = """
        {"title":"تشغيل محطة تحلية عائمة قبالة ميناء الصيادين","lead":"بدأت محطة تحلية عائمة ضخ مياه الشرب إلى أحياء الميناء.",
         "body":"بدأت محطة تحلية عائمة راسية قبالة ميناء الصيادين ضخ مياه الشرب إلى الأحياء القديمة.\nوتنتج المحطة العائمة عشرين ألف متر مكعب من مياه الشرب يوميا.",
         "source":"صحيفة المرفأ","section":"اقتصاد","publishedAt":"2024-11-22T10:30:00+03:00","tags":["تحلية المياه","محطة عائمة"]}
        """;

    private const string SecondDesalinationStory = """
        {"title":"محطة التحلية العائمة تصل إلى ميناء الصيادين","body":"وصلت محطة التحلية العائمة إلى ميناء الصيادين لتضخ مياه الشرب إلى الأحياء القديمة بعد أشهر من الانقطاع.",
         "source":"إذاعة المرفأ","section":"محليات","publishedAt":"2024-03-11T12:00:00+03:00","tags":["تحلية المياه"]}
        """;

    [SkippableFact]
    public async Task ResultsTheArticleAndItsRelatedStoriesShowTheHijriDateBesideTheGregorianOne()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await browser.PutArticleAsync("floating-plant", DesalinationStory);
        await browser.PutArticleAsync("floating-plant-arrives", SecondDesalinationStory);

        await ShowResultsAsync("\"محطة تحلية عائمة\"");
        var hit = Page.Locator("#results .hit").Filter(new() { Has = Page.Locator("a[href='/article.html?id=floating-plant']") });
        await Expect(hit.Locator(".hijri")).ToHaveTextAsync(KnownHijriDate);
        await Expect(hit.Locator("time")).ToContainTextAsync("٢٢ نوفمبر ٢٠٢٤");

        await Page.GotoAsync("/article.html?id=floating-plant");
        await Expect(Page.Locator("#meta .hijri")).ToHaveTextAsync(KnownHijriDate);
        await Expect(Page.Locator("#meta time")).ToContainTextAsync("٢٢ نوفمبر ٢٠٢٤");
        var related = Page.Locator("#related li").Filter(new() { Has = Page.Locator("a[href='/article.html?id=floating-plant-arrives']") });
        await Expect(related.Locator(".hijri")).ToHaveTextAsync("١ رمضان ١٤٤٥ هـ");
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task EveryStoryOnTheHomePageShowsTheHijriDateOfItsDay()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        await Page.Locator("#latest .hit").First.WaitForAsync();

        var dates = await Page.Locator("#latest .hit time").EvaluateAllAsync<string[][]>(
            "times => times.map(time => [time.dateTime, time.querySelector('.hijri').textContent])");
        Assert.NotEmpty(dates);
        var calendar = new UmAlQuraCalendar();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        foreach (var pair in dates)
        {
            var day = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(pair[0], CultureInfo.InvariantCulture), zone).DateTime;
            var expected = new Regex($"^{ArabicDigits(calendar.GetDayOfMonth(day))} \\S+( \\S+)? {ArabicDigits(calendar.GetYear(day))} هـ$");
            Assert.Matches(expected, pair[1]);
        }

        Assert.Empty(_pageErrors);
    }
}
