using System;

namespace CorpusSdk.Cli.Tests;

/// <summary>
/// A corpus of seed text that tries to break out of every output format: markup, script links,
/// path-traversing IDs, control characters; plus one English article.
/// </summary>
internal static class HostileCorpus
{
    public const string ArabicId = "../../escape";
    public const string EnglishId = "English-Article";
    public const string Script = "<script>alert(1)</script>";
    public const string JavaScriptTarget = "javascript:alert(1)";
    public const string SafeTarget = "https://example.org/?a=1&b=\"2\"";

    /// <summary>Link targets that must never become a live href.</summary>
    public static readonly string[] DangerousTargets =
    [
        JavaScriptTarget,
        " JavaScript:alert(2)",
        "java\tscript:alert(3)",
        "data:text/html,<script>alert(4)</script>",
        "vbscript:msgbox(5)",
        "mailto:someone@example.org",
        "//example.org/protocol-relative",
    ];

    public static ArticleCollection Create()
    {
        var arabicBlocks = new[]
        {
            new Block(BlockKind.Heading, 0, 7, "عنوان فرعي <img src=x onerror=alert(1)>"),
            new Block(BlockKind.Paragraph, 1, 9, "قال “لن نقاتل معكم” ثم رابط خطير ورابط آمن وانتهى " + Script),
            new Block(BlockKind.PullQuote, 2, 11, "لن نقاتل معكم"),
            new Block(BlockKind.Paragraph, 3, 13, "روابط: أ ب ج د ه و ز ومرساة."),
        };
        string[] letters = ["أ", "ب", "ج", "د", "ه", "و", "ز"];
        var arabicLinks = new Link[2 + letters.Length + 1];
        arabicLinks[0] = TestArticles.LinkOf(arabicBlocks[1], "رابط خطير", JavaScriptTarget);
        arabicLinks[1] = TestArticles.LinkOf(arabicBlocks[1], "رابط آمن", SafeTarget);
        for (int i = 0; i < letters.Length; i++)
        {
            arabicLinks[2 + i] = new Link(arabicBlocks[3], "روابط: ".Length + (2 * i), 1, DangerousTargets[i]);
        }

        arabicLinks[^1] = TestArticles.LinkOf(arabicBlocks[3], "ومرساة", "#b0");
        var arabic = new Article(
            ArabicId,
            Script + " عنوان المقال",
            3,
            "كاتب \"مقتبس\" & <b>",
            5,
            new DateOnly(2016, 10, 1),
            20,
            arabicBlocks,
            [TestArticles.QuoteOf(arabicBlocks[1], "لن نقاتل معكم")],
            arabicLinks);

        var englishBlocks = new[]
        {
            new Block(BlockKind.Paragraph, 0, 7, "Plain <b>text</b> with “a quote” and a bad link, a good link and tab\there."),
            new Block(BlockKind.Heading, 1, 9, "A heading & more"),
        };
        var english = new Article(
            EnglishId,
            "An English article",
            3,
            "Jane Doe",
            5,
            new DateOnly(2020, 2, 29),
            14,
            englishBlocks,
            [TestArticles.QuoteOf(englishBlocks[0], "a quote")],
            [TestArticles.LinkOf(englishBlocks[0], "a bad link", JavaScriptTarget), TestArticles.LinkOf(englishBlocks[0], "a good link", "http://example.com/")]);

        // Ordinal ID order: '.' (0x2E) sorts before 'E'.
        return new ArticleCollection([arabic, english]);
    }
}
