using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CorpusSdk.Cli.Render;
using Xunit;
using Xunit.Abstractions;

namespace CorpusSdk.Cli.Tests;

/// <summary>
/// Rendered pages as headless Chromium sees them: the DOM after the browser parsed the page
/// (<c>--dump-dom</c>), queried with AngleSharp, and a screenshot to look at.
/// </summary>
public sealed class BrowserRenderTests : IClassFixture<RunLog>
{
    private const string Id = "000_8fbc388ac0ad8ee7";
    private readonly ITestOutputHelper _output;
    private readonly RunLog _log;

    public BrowserRenderTests(ITestOutputHelper output, RunLog log)
    {
        _output = output;
        _log = log;
    }

    [Fact]
    public async Task SeedPageInChromiumHasTheSpecsStructureAndIsScreenshot()
    {
        // Kept after the run (in the temp folder) so the screenshot can be looked at.
        string run = Path.Combine(Path.GetTempPath(), "corpussdk-render", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        string site = Path.Combine(run, "site");
        Assert.Equal(0, CliRun.Of(["render", "--out", site]).ExitCode);
        string page = Path.Combine(site, "articles", Id + ".html");

        IDocument dom = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(page));
        using JsonDocument specDocument = JsonDocument.Parse(File.ReadAllText(TestData.Path(Id + ".expected.json")));
        JsonElement spec = specDocument.RootElement;
        JsonElement counts = spec.GetProperty("counts");

        Assert.Equal(("rtl", "ar"), (dom.DocumentElement.GetAttribute("dir"), dom.DocumentElement.GetAttribute("lang")));
        Assert.Equal(spec.GetProperty("title").GetString(), dom.QuerySelector("h1.title")!.TextContent);
        Assert.Equal(spec.GetProperty("author").GetString(), dom.QuerySelector(".byline .author")!.TextContent);
        Assert.Equal(counts.GetProperty("heading").GetInt32(), dom.QuerySelectorAll("h2.heading").Length);
        Assert.Equal(counts.GetProperty("paragraph").GetInt32(), dom.QuerySelectorAll("p.paragraph").Length);
        Assert.Equal(counts.GetProperty("pullQuote").GetInt32(), dom.QuerySelectorAll("aside.pull-quote").Length);
        Assert.Equal(counts.GetProperty("quotes").GetInt32(), dom.QuerySelectorAll("q.quote").Length);
        Assert.Equal(counts.GetProperty("links").GetInt32(), dom.QuerySelectorAll("a.link").Length);
        Assert.Equal(counts.GetProperty("blocks").GetInt32(), dom.QuerySelectorAll("article .block").Length);

        // Every block, quotation and link, in order, with the spec's kind and text.
        Assert.Equal(
            spec.GetProperty("blocks").EnumerateArray().Select(b => (Element(b.GetProperty("kind").GetString()!), b.GetProperty("text").GetString()!)),
            dom.QuerySelectorAll("article .block").Select(e => (e.LocalName + "." + e.ClassList[1], e.TextContent)));
        Assert.Equal(
            spec.GetProperty("quotes").EnumerateArray().Select(q => ("b" + q.GetProperty("block").GetInt32(), q.GetProperty("text").GetString()!)),
            dom.QuerySelectorAll("q.quote").Select(q => (q.Closest(".block")!.Id!, q.TextContent)));
        Assert.Equal(
            spec.GetProperty("links").EnumerateArray().Select(l => ("b" + l.GetProperty("block").GetInt32(), l.GetProperty("text").GetString()!, l.GetProperty("target").GetString())),
            dom.QuerySelectorAll("a.link").Select(a => (a.Closest(".block")!.Id!, a.TextContent, a.GetAttribute("href"))));
        Assert.All(dom.QuerySelectorAll("a.link"), a => Assert.Equal(HtmlSiteWriter.LinkRel, a.GetAttribute("rel")));
        Assert.Empty(dom.QuerySelectorAll("script"));

        string screenshot = Path.Combine(run, Id + ".png");
        await Chromium.ScreenshotAsync(page, screenshot, 1200, 1600);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is suspiciously small.");
        Report("Screenshot of the rendered seed page (Chromium, 1200x1600): " + screenshot);
    }

    [Fact]
    public async Task HostilePagesInChromiumShowMarkupAsTextAndHaveNoLiveScriptLinks()
    {
        string site = Directory.CreateTempSubdirectory("corpus-browser-").FullName;
        try
        {
            Assert.Equal(0, CliRun.Of(["render", "--out", site], HostileCorpus.Create()).ExitCode);

            IDocument arabic = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(Path.Combine(site, "articles", PageNames.ForArticle(HostileCorpus.ArabicId))));
            Assert.Equal(("rtl", "ar"), (arabic.DocumentElement.GetAttribute("dir"), arabic.DocumentElement.GetAttribute("lang")));
            Assert.Empty(arabic.QuerySelectorAll("script, img, b"));
            Assert.Equal(HostileCorpus.Script + " عنوان المقال", arabic.QuerySelector("h1.title")!.TextContent);
            Assert.Equal(HostileCorpus.Script + " عنوان المقال", arabic.Title);
            Assert.EndsWith(HostileCorpus.Script, arabic.QuerySelector("#b1")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("عنوان فرعي <img src=x onerror=alert(1)>", arabic.QuerySelector("h2.heading")!.TextContent);
            AssertOnlySafeHrefs(arabic);
            Assert.Equal(1 + HostileCorpus.DangerousTargets.Length, arabic.QuerySelectorAll("span.link-blocked").Length);
            Assert.Equal([HostileCorpus.SafeTarget, "#b0"], arabic.QuerySelectorAll("a.link").Select(a => a.GetAttribute("href")));

            IDocument english = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(Path.Combine(site, "articles", PageNames.ForArticle(HostileCorpus.EnglishId))));
            Assert.Equal(("ltr", "en"), (english.DocumentElement.GetAttribute("dir"), english.DocumentElement.GetAttribute("lang")));
            Assert.Empty(english.QuerySelectorAll("script, b"));
            Assert.StartsWith("Plain <b>text</b> with “a quote”", english.QuerySelector("p.paragraph")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("a bad link", english.QuerySelector("span.link-blocked")!.TextContent);
            Assert.Equal("http://example.com/", english.QuerySelector("a.link")!.GetAttribute("href"));
            AssertOnlySafeHrefs(english);

            IDocument index = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(Path.Combine(site, "index.html")));
            Assert.Empty(index.QuerySelectorAll("script, img, b"));
            Assert.Equal(
                [HostileCorpus.Script + " عنوان المقال", "An English article"],
                index.QuerySelectorAll("a.article-link").Select(a => a.TextContent));
        }
        finally
        {
            Directory.Delete(site, recursive: true);
        }
    }

    [Fact]
    public async Task IndexPageShowsIdAndDateInReadingOrderInsideRightToLeftItems()
    {
        string site = Directory.CreateTempSubdirectory("corpus-bidi-").FullName;
        try
        {
            Assert.Equal(0, CliRun.Of(["render", "--out", site]).ExitCode);

            // The page forbids scripts (its Content-Security-Policy): a copy without that policy gets a probe
            // that reads where the browser laid out each character of the date and the ID, and writes the
            // characters sorted from left to right into data-visual.
            string index = File.ReadAllText(Path.Combine(site, "index.html"));
            string policy = "<meta http-equiv=\"Content-Security-Policy\"";
            int start = index.IndexOf(policy, StringComparison.Ordinal);
            Assert.True(start >= 0, "no Content-Security-Policy meta element to remove");
            index = index.Remove(start, index.IndexOf('>', start) - start + 1);
            const string Probe = """
                <script>
                for (const element of document.querySelectorAll('ol.articles li .meta time, ol.articles li .meta code')) {
                  const text = element.firstChild;
                  const boxes = [];
                  for (let i = 0; i < text.length; i++) {
                    const range = document.createRange();
                    range.setStart(text, i);
                    range.setEnd(text, i + 1);
                    boxes.push({ c: text.data[i], x: range.getBoundingClientRect().left });
                  }
                  element.setAttribute('data-visual', boxes.sort((a, b) => a.x - b.x).map(b => b.c).join(''));
                }
                </script>
                """;
            string probe = Path.Combine(site, "probe.html");
            File.WriteAllText(probe, index.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

            IDocument dom = new HtmlParser().ParseDocument(await Chromium.DumpDomAsync(probe));
            IElement item = Assert.Single(dom.QuerySelectorAll("ol.articles li"));
            Assert.Equal("rtl", item.GetAttribute("dir"));
            IElement date = item.QuerySelector(".meta time")!;
            IElement id = item.QuerySelector(".meta code")!;
            Assert.Equal("2016-10-01", date.TextContent);
            Assert.Equal(Id, id.TextContent);
            // Laid out left to right as written, not reordered by the right-to-left text around them.
            Assert.Equal("2016-10-01", date.GetAttribute("data-visual"));
            Assert.Equal(Id, id.GetAttribute("data-visual"));
        }
        finally
        {
            Directory.Delete(site, recursive: true);
        }
    }

    private static string Element(string kind) => kind switch
    {
        "paragraph" => "p.paragraph",
        "heading" => "h2.heading",
        "pullQuote" => "aside.pull-quote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void AssertOnlySafeHrefs(IDocument dom)
    {
        foreach (IElement element in dom.QuerySelectorAll("[href]"))
        {
            string href = element.GetAttribute("href")!;
            Assert.True(
                href.StartsWith('#') || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href == "../index.html",
                $"live href '{href}'");
        }
    }

    /// <summary>To the test log and to standard output, so CI logs show it.</summary>
    private void Report(string message)
    {
        _output.WriteLine(message);
        Console.WriteLine(message);
        _log.Write(message);
    }
}
