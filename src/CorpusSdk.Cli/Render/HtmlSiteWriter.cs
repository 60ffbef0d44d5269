using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CorpusSdk.Cli.Export;
using CorpusSdk.Cli.Output;

namespace CorpusSdk.Cli.Render;

/// <summary>
/// Renders the corpus as a static site: <see cref="IndexFileName"/> lists the articles, and
/// <see cref="ArticlesFolder"/> holds one page per article. No scripts, no external files: the style
/// sheet is inline and a Content-Security-Policy forbids everything else.
/// </summary>
/// <remarks>
/// Every piece of seed text goes through one <see cref="HtmlEncoder"/>, in text and in attributes.
/// A link becomes a live <c>&lt;a href&gt;</c> only when <see cref="LinkTargets.IsLive"/> allows its
/// target; otherwise its text is shown in a <c>span.link-blocked</c>. Each page is written straight to
/// its file, as it is generated.
/// </remarks>
internal static class HtmlSiteWriter
{
    /// <summary>The index page.</summary>
    public const string IndexFileName = "index.html";

    /// <summary>The folder of article pages (a folder, so no article ID can clash with the index).</summary>
    public const string ArticlesFolder = "articles";

    /// <summary>The rel attribute of every live link.</summary>
    public const string LinkRel = "nofollow noopener noreferrer";

    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    /// <summary>Escapes &lt; &gt; &amp; ' " and controls; letters of every script are written as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Writes the site into <paramref name="directory"/> (created if needed); existing files of the same names are replaced.</summary>
    public static void Write(string directory, ArticleCollection articles, string? contentHash, ProgressReporter progress)
    {
        string pages = Path.Combine(directory, ArticlesFolder);
        Directory.CreateDirectory(pages);
        var languages = new ContentLanguage[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            Article article = articles[i];
            languages[i] = ArticleLanguage.Detect(article);
            using (StreamWriter page = CreateFile(Path.Combine(pages, PageNames.ForArticle(article.Id))))
            {
                WriteArticlePage(page, article, languages[i], contentHash);
            }

            progress.Report(i + 1, articles.Count);
        }

        using (StreamWriter index = CreateFile(Path.Combine(directory, IndexFileName)))
        {
            WriteIndexPage(index, articles, languages, contentHash);
        }

        progress.Complete(articles.Count);
    }

    /// <summary>Writes one article's page.</summary>
    public static void WriteArticlePage(TextWriter w, Article article, ContentLanguage language, string? contentHash)
    {
        string title = article.Title.ToString();
        Head(w, language, title);
        w.Write("<nav class=\"site\"><a href=\"../");
        w.Write(IndexFileName);
        w.Write("\">");
        w.Write(language == ContentLanguage.Arabic ? "كل المقالات" : "All articles");
        w.Write("</a></nav>\n<article class=\"article\" data-id=\"");
        Encoder.Encode(w, article.Id);
        w.Write("\">\n<header class=\"article-header\">\n<h1 class=\"title\" data-line=\"");
        w.Write(Number(article.TitleLine));
        w.Write("\">");
        Encoder.Encode(w, title);
        w.Write("</h1>\n<p class=\"byline\" data-line=\"");
        w.Write(Number(article.BylineLine));
        w.Write("\"><span class=\"author\">");
        Encoder.Encode(w, article.Author.ToString());
        w.Write("</span> · ");
        WriteDate(w, article.Published);
        w.Write("</p>\n</header>\n");

        var spans = new List<InlineSpan>();
        foreach (Block block in article.Blocks)
        {
            string element = block.Kind switch
            {
                BlockKind.Heading => "h2",
                BlockKind.PullQuote => "aside",
                _ => "p",
            };
            w.Write('<');
            w.Write(element);
            w.Write(" class=\"block ");
            w.Write(block.Kind switch
            {
                BlockKind.Heading => "heading",
                BlockKind.PullQuote => "pull-quote",
                _ => "paragraph",
            });
            w.Write("\" id=\"b");
            w.Write(Number(block.Index));
            w.Write("\" data-line=\"");
            w.Write(Number(block.Line));
            w.Write("\">");
            WriteInline(w, article, block, spans);
            w.Write("</");
            w.Write(element);
            w.Write(">\n");
        }

        w.Write("</article>\n<footer class=\"site\" lang=\"en\" dir=\"ltr\"><code>");
        Encoder.Encode(w, article.Id);
        w.Write("</code> · ");
        w.Write(Number(article.Blocks.Count));
        w.Write(" blocks (");
        w.Write(Number(article.Paragraphs.Count));
        w.Write(" paragraphs, ");
        w.Write(Number(article.Headings.Count));
        w.Write(" headings, ");
        w.Write(Number(article.PullQuotes.Count));
        w.Write(" pull quotes) · ");
        w.Write(Number(article.Quotes.Count));
        w.Write(" quotations · ");
        w.Write(Number(article.Links.Count));
        w.Write(" links · ");
        w.Write(Number(article.WordCount));
        w.Write(" words. Small numbers in the margin are seed line numbers.");
        Colophon(w, contentHash);
        w.Write("</footer>\n</body>\n</html>\n");
    }

    /// <summary>Writes the index page: one entry per article, in corpus order.</summary>
    public static void WriteIndexPage(TextWriter w, ArticleCollection articles, ReadOnlySpan<ContentLanguage> languages, string? contentHash)
    {
        int arabic = 0;
        foreach (ContentLanguage language in languages)
        {
            arabic += language == ContentLanguage.Arabic ? 1 : 0;
        }

        ContentLanguage pageLanguage = arabic * 2 > languages.Length ? ContentLanguage.Arabic : ContentLanguage.English;
        string heading = pageLanguage == ContentLanguage.Arabic ? "المقالات" : "Articles";
        Head(w, pageLanguage, heading);
        w.Write("<h1 class=\"title\">");
        w.Write(heading);
        w.Write("</h1>\n<ol class=\"articles\">\n");
        for (int i = 0; i < articles.Count; i++)
        {
            Article article = articles[i];
            w.Write("<li lang=\"");
            w.Write(ArticleLanguage.Tag(languages[i]));
            w.Write("\" dir=\"");
            w.Write(ArticleLanguage.Direction(languages[i]));
            w.Write("\"><a class=\"article-link\" href=\"");
            w.Write(ArticlesFolder);
            w.Write('/');
            w.Write(PageNames.ForArticle(article.Id));
            w.Write("\">");
            Encoder.Encode(w, article.Title.ToString());
            w.Write("</a><span class=\"meta\"><span class=\"author\">");
            Encoder.Encode(w, article.Author.ToString());
            w.Write("</span> · ");
            WriteDate(w, article.Published);
            // dir="ltr" isolates the ID (and WriteDate the date) from the right-to-left text around it,
            // which would otherwise reorder it (000_x shown as x_000, 2016-10-01 as 01-10-2016).
            w.Write(" · <code dir=\"ltr\">");
            Encoder.Encode(w, article.Id);
            w.Write("</code></span></li>\n");
        }

        w.Write("</ol>\n<footer class=\"site\" lang=\"en\" dir=\"ltr\">");
        w.Write(Number(articles.Count));
        w.Write(articles.Count == 1 ? " article." : " articles.");
        Colophon(w, contentHash);
        w.Write("</footer>\n</body>\n</html>\n");
    }

    private static StreamWriter CreateFile(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };

    private static void Head(TextWriter w, ContentLanguage language, string title)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"");
        w.Write(ArticleLanguage.Tag(language));
        w.Write("\" dir=\"");
        w.Write(ArticleLanguage.Direction(language));
        w.Write("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        w.Write(ContentSecurityPolicy);
        w.Write("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"corpus ");
        Encoder.Encode(w, ExportInfo.Version);
        w.Write("\">\n<title>");
        Encoder.Encode(w, title);
        w.Write("</title>\n<style>\n");
        w.Write(SiteStyle.Css);
        w.Write("\n</style>\n</head>\n<body>\n");
    }

    private static void Colophon(TextWriter w, string? contentHash)
    {
        w.Write(" Rendered by corpus ");
        Encoder.Encode(w, ExportInfo.Version);
        if (contentHash is not null)
        {
            w.Write(", content hash <code>");
            Encoder.Encode(w, contentHash);
            w.Write("</code>");
        }

        w.Write('.');
    }

    private static void WriteDate(TextWriter w, DateOnly date)
    {
        string iso = JsonExporter.FormatDate(date);
        // Isolated and left to right: an ISO date inside right-to-left text is otherwise shown reversed.
        w.Write("<time dir=\"ltr\" datetime=\"");
        w.Write(iso);
        w.Write("\">");
        w.Write(iso);
        w.Write("</time>");
    }

    /// <summary>
    /// Writes a block's text with its quotations and links as elements. Ranges that nest become
    /// nested elements; a range that crosses another's end is closed and reopened there, so the
    /// HTML stays well formed whatever the ranges are.
    /// </summary>
    private static void WriteInline(TextWriter w, Article article, Block block, List<InlineSpan> spans)
    {
        string text = block.ToString();
        spans.Clear();
        foreach (Quote quote in article.Quotes)
        {
            if (quote.BlockIndex == block.Index)
            {
                spans.Add(new InlineSpan(quote.Start, quote.Start + quote.Length, null));
            }
        }

        foreach (Link link in article.Links)
        {
            if (link.BlockIndex == block.Index)
            {
                spans.Add(new InlineSpan(link.Start, link.Start + link.Length, link.Target));
            }
        }

        // Outer ranges first: by start, then longest; a quotation before a link of the same range.
        spans.Sort(static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : (a.Target is null ? 0 : 1).CompareTo(b.Target is null ? 0 : 1));

        var open = new List<InlineSpan>();
        int position = 0;
        int next = 0;
        while (true)
        {
            int nextStart = next < spans.Count ? spans[next].Start : int.MaxValue;
            int nextEnd = int.MaxValue;
            foreach (InlineSpan span in open)
            {
                nextEnd = Math.Min(nextEnd, span.End);
            }

            int at = Math.Min(nextStart, nextEnd);
            if (at == int.MaxValue)
            {
                break;
            }

            Encoder.Encode(w, text, position, at - position);
            position = at;
            if (nextEnd == at)
            {
                // Close down to the outermost range that ends here, then reopen the ones that go on.
                int lowest = open.FindIndex(span => span.End == at);
                var reopen = new List<InlineSpan>();
                for (int i = open.Count - 1; i >= lowest; i--)
                {
                    Close(w, open[i]);
                    if (open[i].End != at)
                    {
                        reopen.Insert(0, open[i]);
                    }

                    open.RemoveAt(i);
                }

                foreach (InlineSpan span in reopen)
                {
                    Open(w, span);
                    open.Add(span);
                }
            }
            else
            {
                InlineSpan span = spans[next++];
                Open(w, span);
                if (span.End == span.Start)
                {
                    Close(w, span);
                }
                else
                {
                    open.Add(span);
                }
            }
        }

        Encoder.Encode(w, text, position, text.Length - position);
    }

    private static void Open(TextWriter w, InlineSpan span)
    {
        if (span.Target is null)
        {
            w.Write("<q class=\"quote\">");
        }
        else if (LinkTargets.IsLive(span.Target))
        {
            w.Write("<a class=\"link\" href=\"");
            Encoder.Encode(w, span.Target);
            w.Write("\" rel=\"" + LinkRel + "\">");
        }
        else
        {
            w.Write("<span class=\"link link-blocked\" title=\"Link not followed: ");
            Encoder.Encode(w, span.Target);
            w.Write("\">");
        }
    }

    private static void Close(TextWriter w, InlineSpan span) =>
        w.Write(span.Target is null ? "</q>" : LinkTargets.IsLive(span.Target) ? "</a>" : "</span>");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A quotation (no target) or a link, as a range of a block's text.</summary>
    private readonly record struct InlineSpan(int Start, int End, string? Target);
}
