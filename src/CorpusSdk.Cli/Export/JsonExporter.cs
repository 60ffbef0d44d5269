using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusSdk.Cli.Output;

namespace CorpusSdk.Cli.Export;

/// <summary>
/// Writes the corpus as JSON (one document, <c>docs/corpus-export.schema.json</c>) or JSON Lines
/// (a header line, then one article per line). Uses <see cref="Utf8JsonWriter"/> only: no reflection,
/// safe for trimming and native AOT. Output is flushed after every article, so memory stays flat
/// whatever the corpus size.
/// </summary>
internal static class JsonExporter
{
    /// <summary>
    /// Letters of every script (Arabic) are written as they are, and so are <c>+ &lt; &gt; &amp; '</c>: an
    /// export is a data file, never inlined into HTML (the "unsafe" in the name is about that only).
    /// Quotes, backslashes and controls are still escaped (seeds cannot hold bidi overrides: CSDK010).
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
    private static readonly JsonEncodedText FormatVersion = JsonEncodedText.Encode("formatVersion");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText ContentHash = JsonEncodedText.Encode("contentHash");
    private static readonly JsonEncodedText ArticleCount = JsonEncodedText.Encode("articleCount");
    private static readonly JsonEncodedText Articles = JsonEncodedText.Encode("articles");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText TitleLine = JsonEncodedText.Encode("titleLine");
    private static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
    private static readonly JsonEncodedText BylineLine = JsonEncodedText.Encode("bylineLine");
    private static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText WordCount = JsonEncodedText.Encode("wordCount");
    private static readonly JsonEncodedText Counts = JsonEncodedText.Encode("counts");
    private static readonly JsonEncodedText Blocks = JsonEncodedText.Encode("blocks");
    private static readonly JsonEncodedText Paragraphs = JsonEncodedText.Encode("paragraphs");
    private static readonly JsonEncodedText Headings = JsonEncodedText.Encode("headings");
    private static readonly JsonEncodedText PullQuotes = JsonEncodedText.Encode("pullQuotes");
    private static readonly JsonEncodedText Quotes = JsonEncodedText.Encode("quotes");
    private static readonly JsonEncodedText Links = JsonEncodedText.Encode("links");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText BlockIndex = JsonEncodedText.Encode("blockIndex");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");

    /// <summary>Writer options: indented for the single document, compact for JSON Lines; LF line breaks.</summary>
    public static JsonWriterOptions Options(bool indented) => new() { Encoder = Encoder, Indented = indented, NewLine = "\n" };

    /// <summary>Writes one JSON document: the corpus header fields and an <c>articles</c> array.</summary>
    public static void WriteJson(Stream output, ArticleCollection articles, string? contentHash, ProgressReporter progress)
    {
        using var writer = new Utf8JsonWriter(output, Options(indented: true));
        writer.WriteStartObject();
        WriteHeaderFields(writer, articles, contentHash);
        writer.WriteStartArray(Articles);
        for (int i = 0; i < articles.Count; i++)
        {
            WriteArticle(writer, articles[i]);
            writer.Flush();
            progress.Report(i + 1, articles.Count);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
        progress.Complete(articles.Count);
    }

    /// <summary>Writes JSON Lines: the header object on the first line, then one article object per line.</summary>
    public static void WriteJsonLines(Stream output, ArticleCollection articles, string? contentHash, ProgressReporter progress)
    {
        using var writer = new Utf8JsonWriter(output, Options(indented: false));
        writer.WriteStartObject();
        WriteHeaderFields(writer, articles, contentHash);
        writer.WriteEndObject();
        EndLine(writer, output);
        for (int i = 0; i < articles.Count; i++)
        {
            WriteArticle(writer, articles[i]);
            EndLine(writer, output);
            progress.Report(i + 1, articles.Count);
        }

        progress.Complete(articles.Count);
    }

    /// <summary>The block kind as written in exports: <c>paragraph</c>, <c>heading</c> or <c>pullQuote</c>.</summary>
    public static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.Paragraph => "paragraph",
        BlockKind.Heading => "heading",
        BlockKind.PullQuote => "pullQuote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown block kind."),
    };

    /// <summary>A date as ISO 8601 (<c>yyyy-MM-dd</c>), Gregorian, whatever the current culture.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void EndLine(Utf8JsonWriter writer, Stream output)
    {
        writer.Flush();
        output.WriteByte((byte)'\n');

        // A new top-level value follows: the writer must not see it as a second root.
        writer.Reset();
    }

    private static void WriteHeaderFields(Utf8JsonWriter writer, ArticleCollection articles, string? contentHash)
    {
        writer.WriteString(Format, ExportInfo.FormatName);
        writer.WriteNumber(FormatVersion, ExportInfo.FormatVersion);
        writer.WriteString(Version, ExportInfo.Version);
        if (contentHash is null)
        {
            writer.WriteNull(ContentHash);
        }
        else
        {
            writer.WriteString(ContentHash, contentHash);
        }

        writer.WriteNumber(ArticleCount, articles.Count);
    }

    private static void WriteArticle(Utf8JsonWriter writer, Article article)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, article.Id);
        writer.WriteString(Title, article.Title.Span);
        writer.WriteNumber(TitleLine, article.TitleLine);
        writer.WriteString(Author, article.Author.Span);
        writer.WriteNumber(BylineLine, article.BylineLine);
        writer.WriteString(Published, FormatDate(article.Published));
        writer.WriteString(Language, ArticleLanguage.Tag(ArticleLanguage.Detect(article)));
        writer.WriteNumber(WordCount, article.WordCount);

        writer.WriteStartObject(Counts);
        writer.WriteNumber(Blocks, article.Blocks.Count);
        writer.WriteNumber(Paragraphs, article.Paragraphs.Count);
        writer.WriteNumber(Headings, article.Headings.Count);
        writer.WriteNumber(PullQuotes, article.PullQuotes.Count);
        writer.WriteNumber(Quotes, article.Quotes.Count);
        writer.WriteNumber(Links, article.Links.Count);
        writer.WriteEndObject();

        writer.WriteStartArray(Blocks);
        foreach (Block block in article.Blocks)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Index, block.Index);
            writer.WriteString(Kind, KindName(block.Kind));
            writer.WriteNumber(Line, block.Line);
            writer.WriteString(Text, block.Text.Span);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Quotes);
        foreach (Quote quote in article.Quotes)
        {
            writer.WriteStartObject();
            writer.WriteNumber(BlockIndex, quote.BlockIndex);
            writer.WriteNumber(Start, quote.Start);
            writer.WriteNumber(Length, quote.Length);
            writer.WriteString(Text, quote.Text.Span);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Links);
        foreach (Link link in article.Links)
        {
            writer.WriteStartObject();
            writer.WriteNumber(BlockIndex, link.BlockIndex);
            writer.WriteNumber(Start, link.Start);
            writer.WriteNumber(Length, link.Length);
            writer.WriteString(Text, link.Text.Span);
            writer.WriteString(Target, link.Target);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
