using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorpusSdk.Seeds;
using Xunit;
using Xunit.Abstractions;

namespace CorpusSdk.Cli.Tests;

/// <summary>
/// The three commands on a generated corpus of 1,000 articles (copies of the seed under distinct IDs):
/// checks the output and reports sizes and times (best of three, after a warm-up) for docs/export.md.
/// </summary>
public sealed class ThousandArticleTests : IClassFixture<RunLog>, IDisposable
{
    private const int Count = 1000;
    private static readonly ArticleCollection Articles = TestArticles.Copies(Corpus.Articles[0], Count);
    private readonly string _root = Directory.CreateTempSubdirectory("corpus-1000-").FullName;
    private readonly ITestOutputHelper _output;
    private readonly RunLog _log;

    public ThousandArticleTests(ITestOutputHelper output, RunLog log)
    {
        _output = output;
        _log = log;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void JsonExportOfOneThousandArticles()
    {
        string file = Path.Combine(_root, "corpus.json");
        Measure("json", ["export", "--format", "json", "--out", file], file);

        using FileStream stream = File.OpenRead(file);
        using JsonDocument document = JsonDocument.Parse(stream);
        Assert.Equal(Count, document.RootElement.GetProperty("articleCount").GetInt32());
        Assert.Equal(Count, document.RootElement.GetProperty("articles").GetArrayLength());
        Assert.Equal(Articles[Count - 1].Id, document.RootElement.GetProperty("articles")[Count - 1].GetProperty("id").GetString());
        ExportSchema.AssertValid(document.RootElement);
    }

    [Fact]
    public void JsonLinesExportOfOneThousandArticles()
    {
        string file = Path.Combine(_root, "corpus.jsonl");
        Measure("jsonl", ["export", "--format", "jsonl", "--out", file], file);

        string[] lines = File.ReadAllLines(file);
        Assert.Equal(1 + Count, lines.Length);
        Assert.Equal(Articles.Select(a => a.Id), lines.Skip(1).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public void ElasticsearchExportOfOneThousandArticles()
    {
        string folder = Path.Combine(_root, "es");
        Measure("elasticsearch", ["export", "--format", "elasticsearch", "--out", folder], folder);

        string[] lines = File.ReadAllLines(Path.Combine(folder, "bulk.ndjson"));
        Assert.Equal(2 * Count * 19, lines.Length);
        string[] ids = lines.Where((_, i) => i % 2 == 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("index").GetProperty("_id").GetString()!)
            .ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RenderOfOneThousandArticles()
    {
        string folder = Path.Combine(_root, "site");
        Measure("render", ["render", "--out", folder], folder);

        Assert.Equal(Count, Directory.GetFiles(Path.Combine(folder, "articles"), "*.html").Length);
        string index = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Equal(Count, index.Split("class=\"article-link\"").Length - 1);
    }

    private void Measure(string name, string[] args, string output)
    {
        // Warm-up (JIT) on a small corpus, then the best of three full runs.
        Assert.Equal(0, CliRun.Of([args[0], .. args[1..^1], Path.Combine(_root, "warm-up-" + name)], TestArticles.Copies(Corpus.Articles[0], 3)).ExitCode);
        TimeSpan best = TimeSpan.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            CliRun result = CliRun.Of(args, Articles);
            clock.Stop();
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(string.Empty, result.Stderr);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        long bytes = File.Exists(output)
            ? new FileInfo(output).Length
            : Directory.GetFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        int files = File.Exists(output) ? 1 : Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length;
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "1,000 articles, {0}: {1:N0} bytes in {2} file(s), best of 3: {3:N0} ms",
            name,
            bytes,
            files,
            best.TotalMilliseconds);
        _output.WriteLine(message);
        _log.Write(message);
    }
}
