using System;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CorpusSdk.Cli.Render;
using CorpusSdk.Seeds;
using Xunit;

namespace CorpusSdk.Cli.Tests;

/// <summary>The rendered files themselves (the browser's view is in <see cref="BrowserRenderTests"/>).</summary>
public sealed class RenderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("corpus-render-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void RenderWritesAnIndexAndOnePagePerArticle()
    {
        string site = Path.Combine(_root, "site");
        CliRun run = CliRun.Of(["render", "--out", site]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(["index.html"], Directory.GetFiles(site).Select(Path.GetFileName));
        Assert.Equal(["000_8fbc388ac0ad8ee7.html"], Directory.GetFiles(Path.Combine(site, "articles")).Select(Path.GetFileName));

        IDocument index = Parse(Path.Combine(site, "index.html"));
        IElement link = Assert.Single(index.QuerySelectorAll("ol.articles a.article-link"));
        Assert.Equal("articles/000_8fbc388ac0ad8ee7.html", link.GetAttribute("href"));
        Assert.Equal(Corpus.Articles[0].Title.ToString(), link.TextContent);
    }

    [Fact]
    public void PagesUseNoScriptsAndNoExternalResources()
    {
        string site = Path.Combine(_root, "site");
        Assert.Equal(0, CliRun.Of(["render", "--out", site]).ExitCode);

        foreach (string file in Directory.GetFiles(site, "*.html", SearchOption.AllDirectories))
        {
            string html = File.ReadAllText(file);
            IDocument page = new HtmlParser().ParseDocument(html);
            Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, object, embed"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HostileTextIsEscapedAndDangerousTargetsAreNeverLive()
    {
        string site = Path.Combine(_root, "site");
        Assert.Equal(0, CliRun.Of(["render", "--out", site], HostileCorpus.Create()).ExitCode);
        string arabicFile = Path.Combine(site, "articles", PageNames.ForArticle(HostileCorpus.ArabicId));
        string html = File.ReadAllText(arabicFile);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);

        string englishHtml = File.ReadAllText(Path.Combine(site, "articles", PageNames.ForArticle(HostileCorpus.EnglishId)));
        Assert.DoesNotContain("<b>", englishHtml, StringComparison.Ordinal);
        Assert.Contains("Plain &lt;b&gt;text&lt;/b&gt;", englishHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", englishHtml, StringComparison.OrdinalIgnoreCase);

        IDocument page = Parse(arabicFile);
        Assert.Equal(HostileCorpus.Script + " عنوان المقال", page.QuerySelector("h1.title")!.TextContent);
        Assert.Equal("كاتب \"مقتبس\" & <b>", page.QuerySelector(".byline .author")!.TextContent);
        Assert.Equal(
            [HostileCorpus.SafeTarget, "#b0"],
            page.QuerySelectorAll("article a").Select(a => a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("article a"), a => Assert.Equal("nofollow noopener noreferrer", a.GetAttribute("rel")));
        IElement[] blocked = page.QuerySelectorAll("span.link-blocked").ToArray();
        Assert.Equal(1 + HostileCorpus.DangerousTargets.Length, blocked.Length);
        Assert.All(blocked, span => Assert.Null(span.GetAttribute("href")));
        Assert.Equal("Link not followed: data:text/html,<script>alert(4)</script>", blocked[4].GetAttribute("title"));
    }

    [Fact]
    public void DirectionAndLanguageFollowTheArticleScript()
    {
        string site = Path.Combine(_root, "site");
        Assert.Equal(0, CliRun.Of(["render", "--out", site], HostileCorpus.Create()).ExitCode);

        IDocument arabic = Parse(Path.Combine(site, "articles", PageNames.ForArticle(HostileCorpus.ArabicId)));
        IDocument english = Parse(Path.Combine(site, "articles", PageNames.ForArticle(HostileCorpus.EnglishId)));
        Assert.Equal(("rtl", "ar"), (arabic.DocumentElement.GetAttribute("dir"), arabic.DocumentElement.GetAttribute("lang")));
        Assert.Equal(("ltr", "en"), (english.DocumentElement.GetAttribute("dir"), english.DocumentElement.GetAttribute("lang")));

        IDocument index = Parse(Path.Combine(site, "index.html"));
        Assert.Equal(
            [("rtl", "ar"), ("ltr", "en")],
            index.QuerySelectorAll("ol.articles li").Select(li => (li.GetAttribute("dir"), li.GetAttribute("lang"))));
    }

    [Fact]
    public void PageFileNamesStayInsideTheOutputFolder()
    {
        string site = Path.Combine(_root, "deep", "site");
        Assert.Equal(0, CliRun.Of(["render", "--out", site], HostileCorpus.Create()).ExitCode);

        string[] everything = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                Path.Combine("deep", "site", "articles", "~2e~2e~2f~2e~2e~2fescape.html"),
                Path.Combine("deep", "site", "articles", "~45nglish-~41rticle.html"),
                Path.Combine("deep", "site", "index.html"),
            ],
            everything);
    }

    [Theory]
    [InlineData("000_8fbc388ac0ad8ee7", "000_8fbc388ac0ad8ee7.html")]
    [InlineData("../x", "~2e~2e~2fx.html")]
    [InlineData("a\\b", "a~5cb.html")]
    [InlineData("..", "~2e~2e.html")]
    [InlineData("", "~.html")]
    [InlineData("ABC", "~41~42~43.html")]
    [InlineData("con", "~63on.html")]
    [InlineData("مقال", "~d9~85~d9~82~d8~a7~d9~84.html")]
    [InlineData("😀", "~f0~9f~98~80.html")]
    public void PageNamesAreSafeAndReversible(string id, string expected)
    {
        Assert.Equal(expected, PageNames.ForArticle(id));
    }

    [Fact]
    public void LoneSurrogatesInIdsAreEscapedOneByOne()
    {
        Assert.Equal("a~ud800b.html", PageNames.ForArticle("a\uD800b"));
        Assert.Equal("~udc00~ud800.html", PageNames.ForArticle("\uDC00\uD800"));
    }

    [Fact]
    public void PageNamesOfDistinctIdsDifferAndLongIdsAreCut()
    {
        string[] ids = ["a", "A", "a.", "a~2e", "a-", "con", "CON", "nul.txt", new string('x', 500), new string('x', 499) + "y", new string('é', 200)];
        string[] names = ids.Select(PageNames.ForArticle).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name =>
        {
            Assert.Matches("^[a-z0-9_~-]+\\.html$", name);
            Assert.True(name.Length <= PageNames.MaxStemLength + 5, $"{name} is {name.Length} characters long");
        });
    }

    [Fact]
    public void NestedAndCrossingRangesStayWellFormedAndKeepTheText()
    {
        const string text = "one “two [three] four” five six";
        var block = new Block(BlockKind.Paragraph, 0, 1, text);
        var article = new Article(
            "nest", "Nesting", 1, "A", 2, new DateOnly(2000, 1, 1), 6, [block],
            [TestArticles.QuoteOf(block, "two [three] four"), TestArticles.QuoteOf(block, "five six")],
            [TestArticles.LinkOf(block, "three", "#b0"), TestArticles.LinkOf(block, "four” five", "https://example.org/"), new Link(block, 0, 0, "#empty")]);
        string site = Path.Combine(_root, "site");
        Assert.Equal(0, CliRun.Of(["render", "--out", site], new ArticleCollection([article])).ExitCode);

        IDocument page = Parse(Path.Combine(site, "articles", "nest.html"));
        IElement paragraph = page.QuerySelector("p.paragraph")!;
        Assert.Equal(text, paragraph.TextContent);

        // The link inside the first quotation nests. The link that crosses out of it is split where the
        // quotation ends; the second quotation, which starts inside that link and ends after it, is split too.
        Assert.Equal("three", page.QuerySelector("q.quote a.link")!.TextContent);
        Assert.Equal(["", "three", "four", "” five"], page.QuerySelectorAll("a.link").Select(a => a.TextContent));
        Assert.Equal(["two [three] four", " six"], page.QuerySelectorAll("p > q.quote").Select(q => q.TextContent));
        Assert.Equal("five", page.QuerySelector("a.link > q.quote")!.TextContent);
    }

    [Fact]
    public void RenderWithoutOutIsAUsageError()
    {
        CliRun run = CliRun.Of(["render"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnwritableOutFailsWithOne()
    {
        string blocker = Path.Combine(_root, "file");
        File.WriteAllText(blocker, "x");

        CliRun run = CliRun.Of(["render", "--out", blocker]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("corpus: cannot write '" + blocker + "': ", run.Stderr, StringComparison.Ordinal);
    }

    private static IDocument Parse(string file) => new HtmlParser().ParseDocument(File.ReadAllText(file));
}
