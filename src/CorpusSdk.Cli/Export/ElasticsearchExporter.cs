using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using CorpusSdk.Cli.Output;

namespace CorpusSdk.Cli.Export;

/// <summary>
/// Writes an Elasticsearch/OpenSearch index definition (<see cref="IndexFileName"/>: settings and
/// mappings) and an NDJSON <c>_bulk</c> body (<see cref="BulkFileName"/>).
/// </summary>
/// <remarks>
/// One document per article part: the title, and each body block. This mirrors the SDK's own hit
/// model (article, part, character range): a hit names the block it matched, highlighting returns
/// that block, and short documents score passages rather than whole articles. <c>collapse</c> on
/// <c>article_id</c> gives one hit per article; an article without body blocks is still found by its
/// title document. Article metadata (title, author, date) is repeated on every document so a hit can
/// be shown without a second query. Text is indexed in <c>text_ar</c> (built-in <c>arabic</c>
/// analyzer) or <c>text_en</c> (<c>english</c>), by the article's detected language.
/// </remarks>
internal static class ElasticsearchExporter
{
    /// <summary>The index settings and mappings, for <c>PUT /&lt;index&gt;</c>.</summary>
    public const string IndexFileName = "index.json";

    /// <summary>The bulk body, for <c>POST /&lt;index&gt;/_bulk</c>.</summary>
    public const string BulkFileName = "bulk.ndjson";

    /// <summary>The part name of a title document (block documents use their block kind).</summary>
    public const string TitlePart = "title";

    private static readonly JsonEncodedText IndexAction = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText DocId = JsonEncodedText.Encode("_id");
    private static readonly JsonEncodedText ArticleId = JsonEncodedText.Encode("article_id");
    private static readonly JsonEncodedText Part = JsonEncodedText.Encode("part");
    private static readonly JsonEncodedText BlockIndex = JsonEncodedText.Encode("block_index");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText ArticleTitle = JsonEncodedText.Encode("article_title");
    private static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
    private static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText TextAr = JsonEncodedText.Encode("text_ar");
    private static readonly JsonEncodedText TextEn = JsonEncodedText.Encode("text_en");
    private static readonly JsonEncodedText Quotes = JsonEncodedText.Encode("quotes");
    private static readonly JsonEncodedText Links = JsonEncodedText.Encode("links");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");

    /// <summary>The document ID of an article's title: <c>&lt;article id&gt;:title</c>.</summary>
    public static string TitleDocumentId(string articleId) => articleId + ":" + TitlePart;

    /// <summary>The document ID of a block: <c>&lt;article id&gt;:&lt;block index&gt;</c>.</summary>
    public static string BlockDocumentId(string articleId, int blockIndex) => articleId + ":" + blockIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed).</summary>
    public static void Write(string directory, ArticleCollection articles, string? contentHash, ProgressReporter progress)
    {
        Directory.CreateDirectory(directory);
        using (FileStream index = File.Create(Path.Combine(directory, IndexFileName)))
        {
            WriteIndexDefinition(index, contentHash);
        }

        using FileStream bulk = File.Create(Path.Combine(directory, BulkFileName), 1 << 16);
        WriteBulk(bulk, articles, progress);
    }

    /// <summary>Writes the index settings and mappings (valid for Elasticsearch 7+/8+ and OpenSearch 1+/2+).</summary>
    public static void WriteIndexDefinition(Stream output, string? contentHash)
    {
        using var w = new Utf8JsonWriter(output, JsonExporter.Options(indented: true));
        w.WriteStartObject();

        w.WriteStartObject("settings");
        w.WriteStartObject("index");
        w.WriteNumber("number_of_shards", 1);
        w.WriteEndObject();
        w.WriteStartObject("analysis");
        w.WriteStartObject("analyzer");

        // Names match whatever the script: lower-case, ASCII digits, Arabic letter variants folded; no stemming.
        w.WriteStartObject("corpus_name");
        w.WriteString("type", "custom");
        w.WriteString("tokenizer", "standard");
        w.WriteStartArray("filter");
        w.WriteStringValue("lowercase");
        w.WriteStringValue("decimal_digit");
        w.WriteStringValue("arabic_normalization");
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("mappings");
        w.WriteString("dynamic", "strict");
        w.WriteStartObject("_meta");
        w.WriteString("format", ExportInfo.FormatName + "-elasticsearch");
        w.WriteNumber("formatVersion", ExportInfo.FormatVersion);
        w.WriteString("version", ExportInfo.Version);
        if (contentHash is null)
        {
            w.WriteNull("contentHash");
        }
        else
        {
            w.WriteString("contentHash", contentHash);
        }

        w.WriteEndObject();

        w.WriteStartObject("properties");
        Keyword(w, "article_id");
        Keyword(w, "part");
        Field(w, "block_index", "integer");
        Field(w, "line", "integer");
        Keyword(w, "language");
        StoredOnly(w, "article_title");

        w.WriteStartObject("author");
        w.WriteString("type", "keyword");
        w.WriteNumber("ignore_above", 1024);
        w.WriteStartObject("fields");
        w.WriteStartObject("text");
        w.WriteString("type", "text");
        w.WriteString("analyzer", "corpus_name");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("published");
        w.WriteString("type", "date");
        w.WriteString("format", "strict_date");
        w.WriteEndObject();

        Analyzed(w, "text_ar", "arabic");
        Analyzed(w, "text_en", "english");

        // Quotation ranges are kept for display only; their text is already searchable in the block.
        w.WriteStartObject("quotes");
        w.WriteString("type", "object");
        w.WriteBoolean("enabled", false);
        w.WriteEndObject();

        w.WriteStartObject("links");
        w.WriteStartObject("properties");
        w.WriteStartObject("target");
        w.WriteString("type", "keyword");

        // Lucene's term limit is 32,766 UTF-8 bytes; longer targets stay in _source, unindexed.
        w.WriteNumber("ignore_above", 8191);
        w.WriteEndObject();
        StoredOnly(w, "text");
        w.WriteStartObject("start");
        w.WriteString("type", "integer");
        w.WriteBoolean("index", false);
        w.WriteEndObject();
        w.WriteStartObject("length");
        w.WriteString("type", "integer");
        w.WriteBoolean("index", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes the bulk body: for each document an action line and a source line, each ending in LF.</summary>
    public static void WriteBulk(Stream output, ArticleCollection articles, ProgressReporter progress)
    {
        using var w = new Utf8JsonWriter(output, JsonExporter.Options(indented: false));
        for (int i = 0; i < articles.Count; i++)
        {
            Article article = articles[i];
            ContentLanguage language = ArticleLanguage.Detect(article);

            Action(w, output, TitleDocumentId(article.Id));
            w.WriteStartObject();
            Common(w, article, language, TitlePart);
            w.WriteNumber(Line, article.TitleLine);
            w.WriteString(language == ContentLanguage.Arabic ? TextAr : TextEn, article.Title.Span);
            w.WriteEndObject();
            EndLine(w, output);

            foreach (Block block in article.Blocks)
            {
                Action(w, output, BlockDocumentId(article.Id, block.Index));
                w.WriteStartObject();
                Common(w, article, language, JsonExporter.KindName(block.Kind));
                w.WriteNumber(BlockIndex, block.Index);
                w.WriteNumber(Line, block.Line);
                w.WriteString(language == ContentLanguage.Arabic ? TextAr : TextEn, block.Text.Span);
                WriteQuotes(w, article, block.Index);
                WriteLinks(w, article, block.Index);
                w.WriteEndObject();
                EndLine(w, output);
            }

            progress.Report(i + 1, articles.Count);
        }

        progress.Complete(articles.Count);
    }

    private static void Action(Utf8JsonWriter w, Stream output, string id)
    {
        w.WriteStartObject();
        w.WriteStartObject(IndexAction);
        w.WriteString(DocId, id);
        w.WriteEndObject();
        w.WriteEndObject();
        EndLine(w, output);
    }

    private static void Common(Utf8JsonWriter w, Article article, ContentLanguage language, string part)
    {
        w.WriteString(ArticleId, article.Id);
        w.WriteString(Part, part);
        w.WriteString(Language, ArticleLanguage.Tag(language));
        w.WriteString(ArticleTitle, article.Title.Span);
        w.WriteString(Author, article.Author.Span);
        w.WriteString(Published, JsonExporter.FormatDate(article.Published));
    }

    private static void WriteQuotes(Utf8JsonWriter w, Article article, int blockIndex)
    {
        w.WriteStartArray(Quotes);
        foreach (Quote quote in article.Quotes)
        {
            if (quote.BlockIndex == blockIndex)
            {
                w.WriteStartObject();
                w.WriteNumber(Start, quote.Start);
                w.WriteNumber(Length, quote.Length);
                w.WriteString(Text, quote.Text.Span);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static void WriteLinks(Utf8JsonWriter w, Article article, int blockIndex)
    {
        w.WriteStartArray(Links);
        foreach (Link link in article.Links)
        {
            if (link.BlockIndex == blockIndex)
            {
                w.WriteStartObject();
                w.WriteNumber(Start, link.Start);
                w.WriteNumber(Length, link.Length);
                w.WriteString(Text, link.Text.Span);
                w.WriteString(Target, link.Target);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static void EndLine(Utf8JsonWriter w, Stream output)
    {
        w.Flush();
        output.WriteByte((byte)'\n');
        w.Reset();
    }

    private static void Keyword(Utf8JsonWriter w, string name) => Field(w, name, "keyword");

    private static void Field(Utf8JsonWriter w, string name, string type)
    {
        w.WriteStartObject(name);
        w.WriteString("type", type);
        w.WriteEndObject();
    }

    private static void Analyzed(Utf8JsonWriter w, string name, string analyzer)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "text");
        w.WriteString("analyzer", analyzer);
        w.WriteEndObject();
    }

    // Kept in _source for display, neither indexed nor aggregatable.
    private static void StoredOnly(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "keyword");
        w.WriteBoolean("index", false);
        w.WriteBoolean("doc_values", false);
        w.WriteEndObject();
    }
}
