using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Emit;

/// <summary>Writes the source of one article: its typed member on the corpus class and its data.</summary>
internal static class ArticleEmitter
{
    /// <summary>
    /// Writes one article. With <paramref name="utf8"/> false, a <c>Create</c> method builds it from string
    /// literals; with true, its holder passes one <c>"…"u8</c> literal (layout, then text) to
    /// <c>Article.FromUtf8</c>, which decodes it when the article is first used (docs/architecture.md,
    /// "How text is stored, and why").
    /// </summary>
    public static string Emit(ArticleSpec article, string memberName, string ns, string className, string generatorVersion, bool utf8 = false)
    {
        var w = new SourceWriter();
        Header.Write(w, "seed '" + article.FileName + "'");
        w.OpenBlock("namespace " + ns);
        w.OpenBlock("partial class " + className);

        w.WriteLine("/// <summary>");
        w.WriteLine("/// " + CSharpEscaper.XmlDocText(article.Title.Length > 0 ? article.Title : article.Id));
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <remarks>");
        string byline = article.Author.Length > 0 ? CSharpEscaper.XmlDocText(article.Author) : "(no author)";
        string date = article.Published.IsValid ? article.Published.ToIsoString() : "(no date)";
        w.WriteLine("/// " + byline + ", " + date + ". " + Count(article.Blocks.Count, "block") + ", " +
            Count(article.WordCount, "word") + ". Seed: <c>" + CSharpEscaper.XmlDocText(article.FileName) + "</c>.");
        w.WriteLine("/// </remarks>");
        string holder = HolderName(memberName);
        w.WriteLine("public static global::CorpusSdk.Article " + memberName + " => " + holder + ".Value;");
        w.WriteLine();
        w.WriteLine(Header.GeneratedCodeAttribute(generatorVersion));
        w.OpenBlock("private static class " + holder);
        if (utf8)
        {
            // No per-article code to compile or JIT beyond this initializer: the layout and the text are data.
            var (layout, text) = Utf8Data(article);
            w.WriteLine("internal static readonly global::CorpusSdk.Article Value = global::CorpusSdk.Article.FromUtf8(" +
                Int(CorpusFormat.Version) + ", " + CSharpEscaper.StringLiteral(article.Id) + ", " + Int(Encoding.UTF8.GetByteCount(layout)) + ", " +
                CSharpEscaper.StringLiteral(layout + text) + "u8);");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
            return w.ToString();
        }

        w.WriteLine("internal static readonly global::CorpusSdk.Article Value = Create();");
        w.WriteLine();
        w.OpenBlock("private static global::CorpusSdk.Article Create()");
        WriteBlocks(w, article);
        w.WriteLine("return new global::CorpusSdk.Article(");
        w.Indent();
        w.WriteLine("id: " + CSharpEscaper.StringLiteral(article.Id) + ",");
        w.WriteLine("title: " + CSharpEscaper.StringLiteral(article.Title) + ",");
        w.WriteLine("titleLine: " + Int(article.TitleLine) + ",");
        w.WriteLine("author: " + CSharpEscaper.StringLiteral(article.Author) + ",");
        w.WriteLine("bylineLine: " + Int(article.BylineLine) + ",");
        w.WriteLine("published: " + Date(article.Published) + ",");
        w.WriteLine("wordCount: " + Int(article.WordCount) + ",");
        w.WriteLine("blocks: blocks,");
        WriteQuotes(w, article);
        WriteLinks(w, article);
        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    /// <summary>The data <c>Article.FromUtf8</c> reads: the layout and the text of <see cref="ArticleLayout"/>.</summary>
    internal static (string Layout, string Text) Utf8Data(ArticleSpec article) => ArticleLayout.Write(
        article.Published.IsValid ? (article.Published.Year, article.Published.Month, article.Published.Day) : (0, 0, 0),
        article.TitleLine,
        article.BylineLine,
        article.WordCount,
        article.Title,
        article.Author,
        article.Blocks.Select(b => ((int)b.Kind, b.Line, b.Text)).ToList(),
        article.Quotes.Select(q => (q.BlockIndex, q.Start, q.Length)).ToList(),
        article.Links.Select(l => (l.BlockIndex, l.Start, l.Length, l.Target)).ToList());

    /// <summary>The name of the nested class that holds an article's data.</summary>
    public static string HolderName(string memberName) => "__Article_" + memberName.TrimStart('@');

    private static void WriteBlocks(SourceWriter w, ArticleSpec article)
    {
        if (article.Blocks.Count == 0)
        {
            w.WriteLine("global::CorpusSdk.Block[] blocks = global::System.Array.Empty<global::CorpusSdk.Block>();");
            return;
        }

        w.WriteLine("global::CorpusSdk.Block[] blocks = new global::CorpusSdk.Block[]");
        w.OpenBlock();
        foreach (BlockSpec block in article.Blocks)
        {
            w.WriteLine("new global::CorpusSdk.Block(global::CorpusSdk.BlockKind." + block.Kind + ", " + Int(block.Index) + ", " +
                Int(block.Line) + ", " + CSharpEscaper.StringLiteral(block.Text) + "),");
        }

        w.CloseBlock("};");
    }

    private static void WriteQuotes(SourceWriter w, ArticleSpec article)
    {
        if (article.Quotes.Count == 0)
        {
            w.WriteLine("quotes: global::System.Array.Empty<global::CorpusSdk.Quote>(),");
            return;
        }

        w.WriteLine("quotes: new global::CorpusSdk.Quote[]");
        w.OpenBlock();
        foreach (QuoteSpec quote in article.Quotes)
        {
            w.WriteLine("new global::CorpusSdk.Quote(blocks[" + Int(quote.BlockIndex) + "], " + Int(quote.Start) + ", " + Int(quote.Length) + "),");
        }

        w.CloseBlock("},");
    }

    private static void WriteLinks(SourceWriter w, ArticleSpec article)
    {
        if (article.Links.Count == 0)
        {
            w.WriteLine("links: global::System.Array.Empty<global::CorpusSdk.Link>());");
            return;
        }

        w.WriteLine("links: new global::CorpusSdk.Link[]");
        w.OpenBlock();
        foreach (LinkSpec link in article.Links)
        {
            w.WriteLine("new global::CorpusSdk.Link(blocks[" + Int(link.BlockIndex) + "], " + Int(link.Start) + ", " + Int(link.Length) + ", " +
                CSharpEscaper.StringLiteral(link.Target) + "),");
        }

        w.CloseBlock("});");
    }

    private static string Date(DateSpec date) => date.IsValid
        ? "new global::System.DateOnly(" + Int(date.Year) + ", " + Int(date.Month) + ", " + Int(date.Day) + ")"
        : "default";

    private static string Count(int n, string noun) => Int(n) + " " + noun + (n == 1 ? string.Empty : "s");

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
