using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace CorpusSdk.Cli.Tests;

/// <summary><c>corpus check</c>: the generator's parser and diagnostics, without a build.</summary>
public sealed class CheckCommandTests
{
    private static string Fixture(string name) => TestData.Path(Path.Combine("Fixtures", name));

    private static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "Fixtures");

    private static string RealSeed => TestData.Path(Path.Combine("Seeds", "000_8fbc388ac0ad8ee7.txt"));

    [Theory]
    [InlineData("unknown-month.txt", "error", "CSDK005", 3, 19)]
    [InlineData("impossible-date.txt", "error", "CSDK006", 3, 15)]
    [InlineData("bidi-control.txt", "error", "CSDK010", 5, 11)]
    [InlineData("unbalanced-quote.txt", "warning", "CSDK007", 5, 5)]
    [InlineData("unclosed-bracket.txt", "warning", "CSDK018", 5, 6)]
    [InlineData("malformed-link.txt", "warning", "CSDK008", 5, 6)]
    public void PrintsTheCanonicalLineTheBuildPrints(string fixture, string severity, string id, int line, int column)
    {
        string path = Fixture(fixture);
        CliRun run = CliRun.Of(["check", path]);
        string first = run.StdoutLines[0];
        Assert.StartsWith($"{path}({line},{column}): {severity} {id}: ", first, StringComparison.Ordinal);
        Assert.Equal(severity == "error" ? CorpusCli.ExitFailure : CorpusCli.ExitSuccess, run.ExitCode);
        Assert.Contains("1 seed checked", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageIsTheCatalogues()
    {
        CliRun run = CliRun.Of(["check", Fixture("unknown-month.txt")]);
        Assert.EndsWith(
            "error CSDK005: 'برمودا' is not a month name: use an Arabic (أكتوبر), Levantine (تشرين الأول) or English (October) Gregorian month",
            run.StdoutLines[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public void AProblemWithTheWholeFileHasNoPosition()
    {
        string path = Fixture("empty.txt");
        CliRun run = CliRun.Of(["check", path]);
        Assert.StartsWith(path + ": error CSDK001: ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(CorpusCli.ExitFailure, run.ExitCode);
    }

    [Fact]
    public void TheRealSeedIsCleanAndNotesAreShownOnlyWhenAsked()
    {
        CliRun run = CliRun.Of(["check", RealSeed]);
        Assert.Equal(CorpusCli.ExitSuccess, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("1 seed checked: 0 errors, 0 warnings", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnaserrorTurnsWarningsIntoErrorsAndTheExitCodeInto1()
    {
        string path = Fixture("unclosed-bracket.txt");
        Assert.Equal(CorpusCli.ExitSuccess, CliRun.Of(["check", path]).ExitCode);
        CliRun strict = CliRun.Of(["check", "--warnaserror", path]);
        Assert.Equal(CorpusCli.ExitFailure, strict.ExitCode);
        Assert.StartsWith(path + "(5,6): error CSDK018: ", strict.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainPrintsEachBlockKindAndReason()
    {
        string path = Fixture("explicit-kinds.txt");
        CliRun run = CliRun.Of(["check", "--explain", path]);
        Assert.Equal(CorpusCli.ExitSuccess, run.ExitCode);
        string[] blocks = run.StdoutLines.Where(l => l.Contains("): block ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(9, blocks.Length);
        Assert.Equal(path + "(5): block 0: heading (marked '## ')", blocks[0]);
        Assert.Equal(path + "(7): block 1: pull quote (marked '> ')", blocks[1]);
        Assert.StartsWith(path + "(14): block 4: heading (", blocks[4], StringComparison.Ordinal);

        // Inferences are listed with their notes; marked blocks have none.
        Assert.Contains(path + "(14,1): info CSDK102: ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(path + "(5,1): info", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryIsCheckedFileByFileInOrdinalOrder()
    {
        string directory = FixtureDirectory;
        CliRun run = CliRun.Of(["check", "--format", "json", directory]);
        Assert.Equal(CorpusCli.ExitFailure, run.ExitCode);
        using JsonDocument report = JsonDocument.Parse(run.Stdout);
        string[] paths = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(Directory.GetFiles(directory, "*.txt").Length, paths.Length);
        Assert.Equal(paths.Order(StringComparer.Ordinal).ToArray(), paths);
    }

    [Fact]
    public void JsonListsEveryDiagnosticWithItsPlaceAndASummary()
    {
        CliRun run = CliRun.Of(["check", "--format", "json", Fixture("unknown-month.txt"), RealSeed]);
        using JsonDocument report = JsonDocument.Parse(run.Stdout);
        JsonElement first = report.RootElement.GetProperty("files")[0];
        JsonElement diagnostic = first.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("CSDK005", diagnostic.GetProperty("id").GetString());
        Assert.Equal(3, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(19, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(25, diagnostic.GetProperty("endColumn").GetInt32()); // "برمودا" is six characters
        Assert.Equal("https://github.com/corpussdk/corpussdk/blob/main/docs/diagnostics.md#csdk005", diagnostic.GetProperty("helpUri").GetString());

        // The real seed's inference notes are in the JSON (severity info), not errors.
        JsonElement summary = report.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.True(summary.GetProperty("infos").GetInt32() >= 5);
    }

    [Fact]
    public void SarifIsValidSarif210()
    {
        CliRun run = CliRun.Of(["check", "--format", "sarif", FixtureDirectory]);
        using JsonDocument log = JsonDocument.Parse(run.Stdout);
        EvaluationResults results = SarifSchema.Evaluate(log.RootElement);
        Assert.True(results.IsValid, SarifSchema.Describe(results));

        JsonElement sarifRun = log.RootElement.GetProperty("runs")[0];
        JsonElement[] found = sarifRun.GetProperty("results").EnumerateArray().ToArray();
        JsonElement month = found.Single(r => r.GetProperty("ruleId").GetString() == "CSDK005");
        Assert.Equal("error", month.GetProperty("level").GetString());
        JsonElement region = month.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((3, 19, 25), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        JsonElement rule = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules")[month.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("CSDK005", rule.GetProperty("id").GetString());
        Assert.Contains(found, r => r.GetProperty("level").GetString() == "note");
    }

    [Fact]
    public void TheSarifSchemaRejectsWhatSarifForbids()
    {
        // So that the validity test above can fail: a wrong level and an unknown property are refused.
        CliRun run = CliRun.Of(["check", "--format", "sarif", Fixture("unknown-month.txt")]);
        JsonNode log = JsonNode.Parse(run.Stdout)!;
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.False(SarifSchema.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement).IsValid);

        log = JsonNode.Parse(run.Stdout)!;
        log["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        Assert.False(SarifSchema.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement).IsValid);

        log = JsonNode.Parse(run.Stdout)!;
        log["runs"]![0]!["tool"]!["driver"]!["rulez"] = new JsonArray();
        Assert.False(SarifSchema.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void AMissingPathIsBadUsage()
    {
        CliRun run = CliRun.Of(["check", Path.Combine(Path.GetTempPath(), "no-such-seed-" + Guid.NewGuid().ToString("N") + ".txt")]);
        Assert.Equal(CorpusCli.ExitUsage, run.ExitCode);
        Assert.Contains("is neither a file nor a directory", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BomAndUtf16AreDecodedAsTheCompilerDecodesThem()
    {
        string directory = Path.Combine(Path.GetTempPath(), "corpus-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string text = File.ReadAllText(RealSeed);
            File.WriteAllText(Path.Combine(directory, "utf8-bom.txt"), text, new UTF8Encoding(true));
            File.WriteAllText(Path.Combine(directory, "utf16.txt"), text, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
            File.WriteAllText(Path.Combine(directory, "utf16be.txt"), text, new UnicodeEncoding(bigEndian: true, byteOrderMark: true));
            CliRun run = CliRun.Of(["check", directory]);
            Assert.Equal(CorpusCli.ExitSuccess, run.ExitCode);
            Assert.Contains("3 seeds checked: 0 errors, 0 warnings", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>tests/CorpusSdk.Cli.Tests/TestData/sarif-2.1.0-subset.schema.json, loaded once.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(TestData.Path("sarif-2.1.0-subset.schema.json"))));

    public static EvaluationResults Evaluate(JsonElement log) =>
        Schema.Value.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List });

    public static string Describe(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")));
}
