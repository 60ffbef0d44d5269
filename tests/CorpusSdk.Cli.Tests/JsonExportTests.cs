using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CorpusSdk.Cli.Export;
using CorpusSdk.Cli.Output;
using CorpusSdk.Seeds;
using Xunit;

namespace CorpusSdk.Cli.Tests;

public class JsonExportTests
{
    [Fact]
    public void JsonExportReadsBackAsTheCompiledCorpusFieldByField()
    {
        CliRun run = CliRun.Of(["export", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal("corpussdk-export", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(CorpusSdkInfo.Version, root.GetProperty("version").GetString());
        Assert.Equal(Corpus.ContentHash, root.GetProperty("contentHash").GetString());
        AssertArticles(Corpus.Articles, root.GetProperty("articles"));
        Assert.Equal(Corpus.Articles.Count, root.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public void JsonExportOfTheSeedMatchesTheSpec()
    {
        using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(TestData.Path("000_8fbc388ac0ad8ee7.expected.json")));
        using JsonDocument export = JsonDocument.Parse(CliRun.Of(["export"]).Stdout);
        JsonElement article = export.RootElement.GetProperty("articles")[0];
        JsonElement expected = spec.RootElement;

        Assert.Equal(Path.GetFileNameWithoutExtension(expected.GetProperty("file").GetString()), article.GetProperty("id").GetString());
        foreach (string field in new[] { "title", "author", "published" })
        {
            Assert.Equal(expected.GetProperty(field).GetString(), article.GetProperty(field).GetString());
        }

        Assert.Equal(expected.GetProperty("titleLine").GetInt32(), article.GetProperty("titleLine").GetInt32());
        Assert.Equal(expected.GetProperty("bylineLine").GetInt32(), article.GetProperty("bylineLine").GetInt32());
        JsonElement counts = expected.GetProperty("counts");
        JsonElement exportCounts = article.GetProperty("counts");
        Assert.Equal(counts.GetProperty("blocks").GetInt32(), exportCounts.GetProperty("blocks").GetInt32());
        Assert.Equal(counts.GetProperty("paragraph").GetInt32(), exportCounts.GetProperty("paragraphs").GetInt32());
        Assert.Equal(counts.GetProperty("heading").GetInt32(), exportCounts.GetProperty("headings").GetInt32());
        Assert.Equal(counts.GetProperty("pullQuote").GetInt32(), exportCounts.GetProperty("pullQuotes").GetInt32());
        Assert.Equal(counts.GetProperty("quotes").GetInt32(), exportCounts.GetProperty("quotes").GetInt32());
        Assert.Equal(counts.GetProperty("links").GetInt32(), exportCounts.GetProperty("links").GetInt32());

        Assert.Equal(
            expected.GetProperty("blocks").EnumerateArray().Select(b => (b.GetProperty("index").GetInt32(), b.GetProperty("kind").GetString(), b.GetProperty("lines")[0].GetInt32(), b.GetProperty("text").GetString())),
            article.GetProperty("blocks").EnumerateArray().Select(b => (b.GetProperty("index").GetInt32(), b.GetProperty("kind").GetString(), b.GetProperty("line").GetInt32(), b.GetProperty("text").GetString())));
        Assert.Equal(
            expected.GetProperty("quotes").EnumerateArray().Select(q => (q.GetProperty("block").GetInt32(), q.GetProperty("text").GetString())),
            article.GetProperty("quotes").EnumerateArray().Select(q => (q.GetProperty("blockIndex").GetInt32(), q.GetProperty("text").GetString())));
        Assert.Equal(
            expected.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("block").GetInt32(), l.GetProperty("text").GetString(), l.GetProperty("target").GetString())),
            article.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("blockIndex").GetInt32(), l.GetProperty("text").GetString(), l.GetProperty("target").GetString())));
        Assert.Equal("ar", article.GetProperty("language").GetString());
    }

    [Fact]
    public void JsonExportMatchesTheSchema()
    {
        using JsonDocument export = JsonDocument.Parse(CliRun.Of(["export"]).Stdout);

        ExportSchema.AssertValid(export.RootElement);
    }

    [Theory]
    [InlineData("/articles/0/blocks/0/kind", "\"chapter\"")]
    [InlineData("/articles/0/quotes/0/start", "-1")]
    [InlineData("/articles/0/published", "\"1 October 2016\"")]
    [InlineData("/contentHash", "\"C8B6\"")]
    [InlineData("/articles/0/links/0/extra", "true")]
    public void SchemaRejectsAWrongExport(string location, string value)
    {
        JsonNode export = JsonNode.Parse(CliRun.Of(["export"]).Stdout)!;
        string[] path = location.TrimStart('/').Split('/');
        JsonNode parent = export;
        foreach (string step in path[..^1])
        {
            parent = int.TryParse(step, out int index) ? parent[index]! : parent[step]!;
        }

        parent.AsObject()[path[^1]] = JsonNode.Parse(value);
        using JsonDocument broken = JsonDocument.Parse(export.ToJsonString());

        Assert.False(ExportSchema.Evaluate(broken.RootElement).IsValid, $"The schema accepted {value} at {location}.");
    }

    [Theory]
    [InlineData("format")]
    [InlineData("articles/0/blocks")]
    [InlineData("articles/0/links/0/target")]
    public void SchemaRejectsAMissingField(string location)
    {
        JsonNode export = JsonNode.Parse(CliRun.Of(["export"]).Stdout)!;
        string[] path = location.Split('/');
        JsonNode parent = export;
        foreach (string step in path[..^1])
        {
            parent = int.TryParse(step, out int index) ? parent[index]! : parent[step]!;
        }

        Assert.True(parent.AsObject().Remove(path[^1]));
        using JsonDocument broken = JsonDocument.Parse(export.ToJsonString());

        Assert.False(ExportSchema.Evaluate(broken.RootElement).IsValid, $"The schema accepted an export without {location}.");
    }

    [Fact]
    public void JsonLinesHoldTheHeaderThenOneArticlePerLineSameDataAsJson()
    {
        CliRun lines = CliRun.Of(["export", "--format", "jsonl"]);
        CliRun json = CliRun.Of(["export", "--format", "json"]);

        Assert.Equal(0, lines.ExitCode);
        Assert.EndsWith("\n", lines.Stdout, StringComparison.Ordinal);
        string[] records = lines.StdoutLines;
        Assert.Equal(1 + Corpus.Articles.Count, records.Length);
        Assert.All(records, record => Assert.DoesNotContain('\r', record));

        // Reassembled into one document, the lines are the json export exactly.
        JsonObject document = JsonNode.Parse(records[0])!.AsObject();
        Assert.False(document.ContainsKey("articles"));
        document["articles"] = new JsonArray(records[1..].Select(record => JsonNode.Parse(record)).ToArray());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json.Stdout), document), "jsonl and json exports differ.");
        using JsonDocument reassembled = JsonDocument.Parse(document.ToJsonString());
        ExportSchema.AssertValid(reassembled.RootElement);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    public void OutWritesUtf8WithoutBomToTheFileAndNothingToStdout(string format)
    {
        string folder = Directory.CreateTempSubdirectory("corpus-export-").FullName;
        try
        {
            string file = Path.Combine(folder, "nested", "corpus." + format);
            CliRun run = CliRun.Of(["export", "--format", format, "--out", file]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.Equal(string.Empty, run.Stderr);
            byte[] bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the export starts with a byte order mark");
            Assert.Equal(CliRun.Of(["export", "--format", format]).Stdout, new UTF8Encoding(false, true).GetString(bytes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void HostileTextRoundTripsExactly()
    {
        ArticleCollection corpus = HostileCorpus.Create();
        CliRun run = CliRun.Of(["export"], corpus);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(TestCorpus.Hash, document.RootElement.GetProperty("contentHash").GetString());
        AssertArticles(corpus, document.RootElement.GetProperty("articles"));
        ExportSchema.AssertValid(document.RootElement);
        Assert.Equal(
            ["ar", "en"],
            document.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("language").GetString()));

        // Control characters never appear raw: the tab in the English paragraph is escaped.
        Assert.DoesNotContain('\t', run.Stdout);
        Assert.Contains("tab\\there", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHashOfTheCorpusIsWritten()
    {
        CliRun run = CliRun.Of(["export", "--format", "jsonl"], TestCorpus.Of(HostileCorpus.Create(), new string('a', 64)));

        using JsonDocument header = JsonDocument.Parse(run.StdoutLines[0]);
        Assert.Equal(new string('a', 64), header.RootElement.GetProperty("contentHash").GetString());
        Assert.Equal(2, header.RootElement.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public void EmptyCorpusExportsAnEmptyArticleList()
    {
        CliRun run = CliRun.Of(["export"], new ArticleCollection([]));

        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, document.RootElement.GetProperty("articles").GetArrayLength());
        ExportSchema.AssertValid(document.RootElement);
    }

    [Theory]
    [InlineData("export --format xml")]
    [InlineData("export --format")]
    [InlineData("export --out")]
    [InlineData("export extra")]
    public void BadExportUsageExitsWithTwo(string commandLine)
    {
        CliRun run = CliRun.Of(commandLine.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.EndsWith("Run 'corpus --help' for usage.\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnwritableOutFailsWithOneAndNamesThePath()
    {
        string folder = Directory.CreateTempSubdirectory("corpus-export-").FullName;
        try
        {
            // A file where a folder is needed.
            string blocker = Path.Combine(folder, "file");
            File.WriteAllText(blocker, "x");
            CliRun run = CliRun.Of(["export", "--out", Path.Combine(blocker, "corpus.json")]);

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("corpus: cannot write '" + Path.Combine(blocker, "corpus.json") + "': ", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("json", "corpus.json")]
    [InlineData("jsonl", "corpus.jsonl")]
    public void OutNamingAnExistingFolderSaysItIsAFolder(string format, string suggested)
    {
        string folder = Directory.CreateTempSubdirectory("corpus-export-").FullName;
        try
        {
            CliRun run = CliRun.Of(["export", "--format", format, "--out", folder]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.Equal(
                "corpus: --out '" + folder + "' is a folder; export --format " + format + " writes one file: name the file, for example '" + Path.Combine(folder, suggested) + "'.\n",
                run.Stderr);
            Assert.DoesNotContain("denied", run.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ExportIsWrittenIncrementallyNotAsOneBuffer()
    {
        ArticleCollection corpus = TestArticles.Copies(Corpus.Articles[0], 50);
        var json = new RecordingStream();
        var lines = new RecordingStream();

        JsonExporter.WriteJson(json, corpus, null, ProgressReporter.Create(TextWriter.Null, enabled: false, "export"));
        JsonExporter.WriteJsonLines(lines, corpus, null, ProgressReporter.Create(TextWriter.Null, enabled: false, "export"));

        // Flushed at least once per article, and no write holds more than a few articles.
        foreach (RecordingStream stream in new[] { json, lines })
        {
            Assert.True(stream.Writes.Count >= corpus.Count, $"{stream.Writes.Count} writes for {corpus.Count} articles");
            Assert.True(stream.Writes.Max() < stream.Length / 10, $"largest write {stream.Writes.Max()} of {stream.Length} bytes");
        }
    }

    [Fact]
    public void ProgressGoesToStderrOnlyWhenEnabled()
    {
        ArticleCollection corpus = TestArticles.Copies(Corpus.Articles[0], 3);
        var stderr = new StringWriter();
        var progress = new ProgressReporter(stderr, "export", TimeSpan.Zero, TimeSpan.Zero);
        var output = new MemoryStream();

        JsonExporter.WriteJsonLines(output, corpus, null, progress);

        Assert.Equal(
            "\rcorpus: export 1/3 articles\rcorpus: export 2/3 articles\rcorpus: export 3/3 articles\rcorpus: export 3/3 articles, done." + Environment.NewLine,
            stderr.ToString());
        Assert.DoesNotContain("corpus:", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);

        // Through the CLI, progress is off unless the options say stderr is a terminal.
        Assert.Equal(string.Empty, CliRun.Of(["export"], corpus).Stderr);
    }

    private static void AssertArticles(ArticleCollection articles, JsonElement exported)
    {
        Assert.Equal(articles.Count, exported.GetArrayLength());
        for (int i = 0; i < articles.Count; i++)
        {
            Article article = articles[i];
            JsonElement json = exported[i];
            Assert.Equal(article.Id, json.GetProperty("id").GetString());
            Assert.Equal(article.Title.ToString(), json.GetProperty("title").GetString());
            Assert.Equal(article.TitleLine, json.GetProperty("titleLine").GetInt32());
            Assert.Equal(article.Author.ToString(), json.GetProperty("author").GetString());
            Assert.Equal(article.BylineLine, json.GetProperty("bylineLine").GetInt32());
            Assert.Equal(article.Published, DateOnly.ParseExact(json.GetProperty("published").GetString()!, "yyyy-MM-dd"));
            Assert.Equal(article.WordCount, json.GetProperty("wordCount").GetInt32());

            JsonElement counts = json.GetProperty("counts");
            Assert.Equal(article.Blocks.Count, counts.GetProperty("blocks").GetInt32());
            Assert.Equal(article.Paragraphs.Count, counts.GetProperty("paragraphs").GetInt32());
            Assert.Equal(article.Headings.Count, counts.GetProperty("headings").GetInt32());
            Assert.Equal(article.PullQuotes.Count, counts.GetProperty("pullQuotes").GetInt32());
            Assert.Equal(article.Quotes.Count, counts.GetProperty("quotes").GetInt32());
            Assert.Equal(article.Links.Count, counts.GetProperty("links").GetInt32());

            JsonElement blocks = json.GetProperty("blocks");
            Assert.Equal(article.Blocks.Count, blocks.GetArrayLength());
            foreach (Block block in article.Blocks)
            {
                JsonElement b = blocks[block.Index];
                Assert.Equal(block.Index, b.GetProperty("index").GetInt32());
                Assert.Equal(ArticleWriter.KindLabel(block.Kind).Replace(" q", "Q", StringComparison.Ordinal), b.GetProperty("kind").GetString());
                Assert.Equal(block.Line, b.GetProperty("line").GetInt32());
                Assert.Equal(block.ToString(), b.GetProperty("text").GetString());
            }

            JsonElement quotes = json.GetProperty("quotes");
            Assert.Equal(article.Quotes.Count, quotes.GetArrayLength());
            for (int q = 0; q < article.Quotes.Count; q++)
            {
                Quote quote = article.Quotes[q];
                JsonElement e = quotes[q];
                Assert.Equal(quote.BlockIndex, e.GetProperty("blockIndex").GetInt32());
                Assert.Equal(quote.Start, e.GetProperty("start").GetInt32());
                Assert.Equal(quote.Length, e.GetProperty("length").GetInt32());
                Assert.Equal(quote.ToString(), e.GetProperty("text").GetString());

                // The offsets address the exported block text.
                Assert.Equal(e.GetProperty("text").GetString(), blocks[quote.BlockIndex].GetProperty("text").GetString()!.Substring(quote.Start, quote.Length));
            }

            JsonElement links = json.GetProperty("links");
            Assert.Equal(article.Links.Count, links.GetArrayLength());
            for (int l = 0; l < article.Links.Count; l++)
            {
                Link link = article.Links[l];
                JsonElement e = links[l];
                Assert.Equal(link.BlockIndex, e.GetProperty("blockIndex").GetInt32());
                Assert.Equal(link.Start, e.GetProperty("start").GetInt32());
                Assert.Equal(link.Length, e.GetProperty("length").GetInt32());
                Assert.Equal(link.ToString(), e.GetProperty("text").GetString());
                Assert.Equal(link.Target, e.GetProperty("target").GetString());
                Assert.Equal(e.GetProperty("text").GetString(), blocks[link.BlockIndex].GetProperty("text").GetString()!.Substring(link.Start, link.Length));
            }
        }
    }

    /// <summary>A stream that records the size of every write.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes.Add(buffer.Length);
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Writes.Add(1);
            base.WriteByte(value);
        }
    }
}
