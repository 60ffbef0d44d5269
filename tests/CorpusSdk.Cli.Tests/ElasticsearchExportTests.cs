using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorpusSdk.Cli.Export;
using CorpusSdk.Seeds;
using Xunit;

namespace CorpusSdk.Cli.Tests;

public sealed class ElasticsearchExportTests : IDisposable
{
    private const string Id = "000_8fbc388ac0ad8ee7";
    private readonly string _folder = Directory.CreateTempSubdirectory("corpus-es-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BulkFileAlternatesActionAndDocumentLinesOnePairPerTitleAndBlock()
    {
        string[] lines = Export(out _);

        // One title document and 18 block documents, two lines each.
        Assert.Equal(2 * (1 + 18), lines.Length);
        for (int i = 0; i < lines.Length; i += 2)
        {
            using JsonDocument action = JsonDocument.Parse(lines[i]);
            JsonProperty only = Assert.Single(action.RootElement.EnumerateObject());
            Assert.Equal("index", only.Name);
            Assert.Equal(["_id"], only.Value.EnumerateObject().Select(p => p.Name));

            using JsonDocument source = JsonDocument.Parse(lines[i + 1]);
            Assert.Equal(JsonValueKind.Object, source.RootElement.ValueKind);
            Assert.False(source.RootElement.TryGetProperty("index", out _), $"line {i + 2} looks like an action");
        }
    }

    [Fact]
    public void BulkFileIsNewlineTerminatedWithoutBlankLinesOrCarriageReturns()
    {
        Export(out string text);

        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void DocumentIdsAreUniqueAndDerivedFromArticleIdAndPart()
    {
        string[] lines = Export(out _);
        string[] ids = Actions(lines).Select(a => a.GetProperty("index").GetProperty("_id").GetString()!).ToArray();

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal([Id + ":title", .. Enumerable.Range(0, 18).Select(i => Id + ":" + i)], ids);
    }

    [Fact]
    public void ExportIsByteForByteStable()
    {
        Export(out string first);
        Export(out string second);

        Assert.Equal(first, second);
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "index.json")), RunIndexDefinition());
    }

    [Fact]
    public void DocumentsCarryTheBlocksTextKindLineAndArticleMetadata()
    {
        string[] lines = Export(out _);
        JsonElement[] docs = Sources(lines).ToArray();
        Article article = Corpus.Articles[0];

        JsonElement title = docs[0];
        Assert.Equal("title", title.GetProperty("part").GetString());
        Assert.Equal(article.Title.ToString(), title.GetProperty("text_ar").GetString());
        Assert.Equal(article.TitleLine, title.GetProperty("line").GetInt32());
        Assert.False(title.TryGetProperty("block_index", out _));

        foreach (Block block in article.Blocks)
        {
            JsonElement doc = docs[1 + block.Index];
            Assert.Equal(Id, doc.GetProperty("article_id").GetString());
            Assert.Equal(block.Index, doc.GetProperty("block_index").GetInt32());
            Assert.Equal(JsonExporter.KindName(block.Kind), doc.GetProperty("part").GetString());
            Assert.Equal(block.Line, doc.GetProperty("line").GetInt32());
            Assert.Equal(block.ToString(), doc.GetProperty("text_ar").GetString());
            Assert.False(doc.TryGetProperty("text_en", out _));
        }

        Assert.All(docs, doc =>
        {
            Assert.Equal("ar", doc.GetProperty("language").GetString());
            Assert.Equal(article.Author.ToString(), doc.GetProperty("author").GetString());
            Assert.Equal("2016-10-01", doc.GetProperty("published").GetString());
            Assert.Equal(article.Title.ToString(), doc.GetProperty("article_title").GetString());
        });
        Assert.Equal(13, docs.Count(d => d.GetProperty("part").GetString() == "paragraph"));
        Assert.Equal(2, docs.Count(d => d.GetProperty("part").GetString() == "heading"));
        Assert.Equal(3, docs.Count(d => d.GetProperty("part").GetString() == "pullQuote"));
        Assert.Equal(8, docs.Skip(1).Sum(d => d.GetProperty("quotes").GetArrayLength()));
        Assert.Equal(3, docs.Skip(1).Sum(d => d.GetProperty("links").GetArrayLength()));
        JsonElement link = docs[1].GetProperty("links")[0];
        Assert.Equal("نيويورك تايمز", link.GetProperty("text").GetString());
        Assert.Equal("#", link.GetProperty("target").GetString());
    }

    [Fact]
    public void MappingUsesArabicAndEnglishAnalyzersKeywordIdsAndAuthorsAndDates()
    {
        Export(out _);
        using JsonDocument index = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "index.json")));
        JsonElement mappings = index.RootElement.GetProperty("mappings");
        JsonElement properties = mappings.GetProperty("properties");

        Assert.Equal(["settings", "mappings"], index.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("strict", mappings.GetProperty("dynamic").GetString());
        Assert.Equal(Corpus.ContentHash, mappings.GetProperty("_meta").GetProperty("contentHash").GetString());
        Assert.Equal(("text", "arabic"), Analyzed(properties.GetProperty("text_ar")));
        Assert.Equal(("text", "english"), Analyzed(properties.GetProperty("text_en")));
        Assert.Equal("keyword", Type(properties.GetProperty("article_id")));
        Assert.Equal("keyword", Type(properties.GetProperty("part")));
        Assert.Equal("keyword", Type(properties.GetProperty("author")));
        Assert.Equal("text", Type(properties.GetProperty("author").GetProperty("fields").GetProperty("text")));
        Assert.Equal("date", Type(properties.GetProperty("published")));
        Assert.Equal("strict_date", properties.GetProperty("published").GetProperty("format").GetString());
        Assert.Equal("integer", Type(properties.GetProperty("block_index")));

        // The custom analyzer named by author.text exists and uses only built-in parts.
        string nameAnalyzer = properties.GetProperty("author").GetProperty("fields").GetProperty("text").GetProperty("analyzer").GetString()!;
        JsonElement analyzer = index.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("analyzer").GetProperty(nameAnalyzer);
        Assert.Equal("standard", analyzer.GetProperty("tokenizer").GetString());
        Assert.Equal(["lowercase", "decimal_digit", "arabic_normalization"], analyzer.GetProperty("filter").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void EveryDocumentFieldIsDeclaredInTheStrictMapping()
    {
        // With "dynamic": "strict" the cluster rejects a document with an undeclared field.
        CliRun run = CliRun.Of(["export", "--format", "elasticsearch", "--out", _folder], HostileCorpus.Create());
        Assert.Equal(0, run.ExitCode);
        string[] lines = File.ReadAllText(Path.Combine(_folder, "bulk.ndjson")).TrimEnd('\n').Split('\n');
        using JsonDocument index = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "index.json")));
        JsonElement properties = index.RootElement.GetProperty("mappings").GetProperty("properties");

        int checkedFields = 0;
        foreach (JsonElement doc in Sources(lines))
        {
            checkedFields += AssertDeclared(doc, properties, string.Empty);
        }

        Assert.True(checkedFields > 50, $"only {checkedFields} fields checked");
    }

    [Fact]
    public void EnglishArticleTextGoesToTheEnglishField()
    {
        CliRun run = CliRun.Of(["export", "-f", "elasticsearch", "-o", _folder], HostileCorpus.Create());

        Assert.Equal(0, run.ExitCode);
        string[] lines = File.ReadAllText(Path.Combine(_folder, "bulk.ndjson")).TrimEnd('\n').Split('\n');
        JsonElement[] english = Sources(lines).Where(d => d.GetProperty("article_id").GetString() == HostileCorpus.EnglishId).ToArray();
        Assert.Equal(3, english.Length);
        Assert.All(english, d =>
        {
            Assert.Equal("en", d.GetProperty("language").GetString());
            Assert.True(d.TryGetProperty("text_en", out _));
            Assert.False(d.TryGetProperty("text_ar", out _));
        });
        Assert.Equal("Plain <b>text</b> with “a quote” and a bad link, a good link and tab\there.", english[1].GetProperty("text_en").GetString());
        JsonElement[] arabic = Sources(lines).Where(d => d.GetProperty("article_id").GetString() == HostileCorpus.ArabicId).ToArray();
        Assert.All(arabic, d => Assert.Equal("ar", d.GetProperty("language").GetString()));
    }

    [Fact]
    public void WithoutOutTheElasticsearchFormatIsAUsageError()
    {
        CliRun run = CliRun.Of(["export", "--format", "elasticsearch"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("corpus: The elasticsearch format writes two files: name their folder with --out.\n", run.Stderr, StringComparison.Ordinal);
    }

    private static (string?, string?) Analyzed(JsonElement field) => (Type(field), field.GetProperty("analyzer").GetString());

    private static string? Type(JsonElement field) => field.GetProperty("type").GetString();

    private static int AssertDeclared(JsonElement doc, JsonElement properties, string prefix)
    {
        int count = 0;
        foreach (JsonProperty field in doc.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(field.Name, out JsonElement mapping), $"field '{prefix}{field.Name}' is not in the mapping");
            count++;
            if (mapping.TryGetProperty("enabled", out JsonElement enabled) && !enabled.GetBoolean())
            {
                continue;
            }

            IEnumerable<JsonElement> values = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray() : [field.Value];
            foreach (JsonElement value in values)
            {
                if (value.ValueKind == JsonValueKind.Object)
                {
                    Assert.True(mapping.TryGetProperty("properties", out JsonElement inner), $"field '{prefix}{field.Name}' holds objects but maps no properties");
                    count += AssertDeclared(value, inner, prefix + field.Name + ".");
                }
                else
                {
                    string type = mapping.GetProperty("type").GetString()!;
                    Assert.Equal(
                        type is "integer" ? JsonValueKind.Number : JsonValueKind.String,
                        value.ValueKind);
                }
            }
        }

        return count;
    }

    private static IEnumerable<JsonElement> Actions(string[] lines) =>
        lines.Where((_, i) => i % 2 == 0).Select(line => JsonDocument.Parse(line).RootElement);

    private static IEnumerable<JsonElement> Sources(string[] lines) =>
        lines.Where((_, i) => i % 2 == 1).Select(line => JsonDocument.Parse(line).RootElement);

    private string RunIndexDefinition()
    {
        string other = Path.Combine(_folder, "again");
        Assert.Equal(0, CliRun.Of(["export", "--format", "elasticsearch", "--out", other]).ExitCode);
        return File.ReadAllText(Path.Combine(other, "index.json"));
    }

    private string[] Export(out string text)
    {
        CliRun run = CliRun.Of(["export", "--format", "elasticsearch", "--out", _folder]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(["bulk.ndjson", "index.json"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        text = File.ReadAllText(Path.Combine(_folder, "bulk.ndjson"));
        return text.TrimEnd('\n').Split('\n');
    }
}
