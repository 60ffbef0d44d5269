using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Emit;

/// <summary>Writes the source of one article: its typed member on the corpus class and its data.</summary>
internal static class ArticleEmitter
{
    /// <summary>
    /// Writes one article. With <paramref name="utf8"/> false every text is a string literal; with true the
    /// title, author, block texts and link targets are one <c>"…"u8</c> literal, decoded part by part when the
    /// article is first used (see docs/architecture.md, "How text is stored, and why").
    /// </summary>
    public static string Emit(ArticleSpec article, string memberName, string ns, string className, string generatorVersion, bool utf8 = false)
    {
        var text = new TextWriter(utf8);
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
        w.WriteLine("internal static readonly global::CorpusSdk.Article Value = Create();");
        w.WriteLine();
        if (utf8)
        {
            // Everything the article holds, in the order Create reads it: one literal per article keeps the
            // compiler's cost per method small and the count of u8 literals far below its 65,535 limit.
            foreach (string part in TextParts(article))
            {
                text.Add(part);
            }

            w.WriteLine("/// <summary>The article's text in UTF-8: title, author, blocks, link targets.</summary>");
            w.WriteLine("private static global::System.ReadOnlySpan<byte> Utf8 => " + CSharpEscaper.StringLiteral(text.Blob) + "u8;");
            w.WriteLine();
            w.WriteLine("private static string Text(int start, int length) => global::System.Text.Encoding.UTF8.GetString(Utf8.Slice(start, length));");
            w.WriteLine();
            text.Rewind();
        }

        w.OpenBlock("private static global::CorpusSdk.Article Create()");
        string title = text.Literal(article.Title);
        string author = text.Literal(article.Author);
        WriteBlocks(w, article, text);
        w.WriteLine("return new global::CorpusSdk.Article(");
        w.Indent();
        w.WriteLine("id: " + CSharpEscaper.StringLiteral(article.Id) + ",");
        w.WriteLine("title: " + title + ",");
        w.WriteLine("titleLine: " + Int(article.TitleLine) + ",");
        w.WriteLine("author: " + author + ",");
        w.WriteLine("bylineLine: " + Int(article.BylineLine) + ",");
        w.WriteLine("published: " + Date(article.Published) + ",");
        w.WriteLine("wordCount: " + Int(article.WordCount) + ",");
        w.WriteLine("blocks: blocks,");
        WriteQuotes(w, article);
        WriteLinks(w, article, text);
        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    /// <summary>The name of the nested class that holds an article's data.</summary>
    public static string HolderName(string memberName) => "__Article_" + memberName.TrimStart('@');

    /// <summary>The texts of an article in the order <see cref="Emit"/> writes them.</summary>
    private static IEnumerable<string> TextParts(ArticleSpec article)
    {
        yield return article.Title;
        yield return article.Author;
        foreach (BlockSpec block in article.Blocks)
        {
            yield return block.Text;
        }

        foreach (LinkSpec link in article.Links)
        {
            yield return link.Target;
        }
    }

    private static void WriteBlocks(SourceWriter w, ArticleSpec article, TextWriter text)
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
                Int(block.Line) + ", " + text.Literal(block.Text) + "),");
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

    private static void WriteLinks(SourceWriter w, ArticleSpec article, TextWriter text)
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
                text.Literal(link.Target) + "),");
        }

        w.CloseBlock("});");
    }

    private static string Date(DateSpec date) => date.IsValid
        ? "new global::System.DateOnly(" + Int(date.Year) + ", " + Int(date.Month) + ", " + Int(date.Day) + ")"
        : "default";

    private static string Count(int n, string noun) => Int(n) + " " + noun + (n == 1 ? string.Empty : "s");

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a text as an expression: a string literal, or in UTF-8 mode a call that decodes its byte range
    /// of the article's literal. In UTF-8 mode the texts are first added in order (<see cref="Add"/>), then
    /// <see cref="Rewind"/>, then read back in the same order (<see cref="Literal"/>).
    /// </summary>
    private sealed class TextWriter(bool utf8)
    {
        private readonly StringBuilder _blob = new();
        private readonly List<(string Value, int Start, int Length)> _ranges = new();
        private int _bytes;
        private int _next;

        public string Blob => _blob.ToString();

        public void Add(string value)
        {
            int length = Encoding.UTF8.GetByteCount(value);
            _blob.Append(value);
            _ranges.Add((value, _bytes, length));
            _bytes += length;
        }

        public void Rewind() => _next = 0;

        public string Literal(string value)
        {
            if (!utf8)
            {
                return CSharpEscaper.StringLiteral(value);
            }

            (string added, int start, int length) = _ranges[_next++];
            if (!string.Equals(added, value, System.StringComparison.Ordinal))
            {
                throw new System.InvalidOperationException("UTF-8 texts were read back out of order.");
            }

            return "Text(" + Int(start) + ", " + Int(length) + ")";
        }
    }
}
