using System.Globalization;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>Each diagnostic has a fixture and a test of its ID, severity, line and column; the generator never throws.</summary>
public sealed class ValidationTests
{
    /// <summary>Runs one fixture through the driver and returns its CSDK diagnostics (info notes excluded).</summary>
    private static List<Diagnostic> Problems(string fixture) =>
        GeneratorHarness.Run(GeneratorHarness.FixtureSeed(fixture)).GeneratorDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    [Theory]
    [InlineData("empty.txt", "CSDK001", DiagnosticSeverity.Error, 1, null)]
    [InlineData("missing-title.txt", "CSDK002", DiagnosticSeverity.Error, 1, "كتبه")]
    [InlineData("missing-byline.txt", "CSDK003", DiagnosticSeverity.Error, 3, "فقرة")]
    [InlineData("malformed-byline.txt", "CSDK004", DiagnosticSeverity.Error, 3, "كتبه")]
    [InlineData("byline-without-author.txt", "CSDK004", DiagnosticSeverity.Error, 3, "كتبه")]
    [InlineData("unknown-month.txt", "CSDK005", DiagnosticSeverity.Error, 3, "برمودا")]
    [InlineData("impossible-date.txt", "CSDK006", DiagnosticSeverity.Error, 3, "31")]
    [InlineData("unbalanced-quote.txt", "CSDK007", DiagnosticSeverity.Warning, 5, "“")]
    [InlineData("malformed-link.txt", "CSDK008", DiagnosticSeverity.Warning, 5, "[مفتوح]")]
    [InlineData("unbalanced-link-target.txt", "CSDK008", DiagnosticSeverity.Warning, 5, "[نص](")]
    [InlineData("unclosed-bracket.txt", "CSDK018", DiagnosticSeverity.Warning, 5, "[مكسور")]
    [InlineData("bidi-control.txt", "CSDK010", DiagnosticSeverity.Error, 5, "\u202E")]
    [InlineData("control-character.txt", "CSDK011", DiagnosticSeverity.Error, 5, "\u0007")]
    [InlineData("invalid-utf8.txt", "CSDK011", DiagnosticSeverity.Error, 5, "\uFFFD")]
    [InlineData("hijri-date.txt", "CSDK012", DiagnosticSeverity.Error, 3, "29")]
    [InlineData("no-body.txt", "CSDK014", DiagnosticSeverity.Warning, 3, null)]
    public void Fixture_gives_its_diagnostic_at_the_exact_place(string fixture, string id, DiagnosticSeverity severity, int line, string? marker)
    {
        Diagnostic diagnostic = Problems(fixture).First();
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/seeds/" + fixture, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        if (marker is not null)
        {
            string lineText = TestFiles.ReadFixture(fixture).Split('\n')[line - 1];
            Assert.Equal(lineText.IndexOf(marker, StringComparison.Ordinal), span.StartLinePosition.Character);
        }

        Assert.Equal("https://github.com/corpussdk/corpussdk/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_descriptor_is_documented_and_tracked()
    {
        string root = TestFiles.RepositoryRoot;
        string docs = File.ReadAllText(Path.Combine(root, "docs", "diagnostics.md"));
        string unshipped = File.ReadAllText(Path.Combine(root, "generators", "CorpusSdk.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains("## " + descriptor.Id + "\n", docs, StringComparison.Ordinal);
            Assert.Contains(descriptor.Id + " | CorpusSdk | " + descriptor.DefaultSeverity + " |", unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bidi_controls_are_reported_on_every_line_that_has_them()
    {
        List<Diagnostic> bidi = Problems("bidi-two-lines.txt").Where(d => d.Id == "CSDK010").ToList();
        Assert.Equal([5, 6], bidi.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToArray());
    }

    [Fact]
    public void Legitimate_direction_marks_and_joiners_pass_silently()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.FixtureSeed("legitimate-marks.txt"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Article article = Assert.Single(GeneratorHarness.LoadArticles(run.Output));
        Assert.Contains("\u200F", article.Blocks[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("\u200C", article.Blocks[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_bom_is_read_exactly()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.FixtureSeed("utf16-with-bom.txt"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal("فقرة بترميز UTF-16.", Assert.Single(GeneratorHarness.LoadArticles(run.Output)).Blocks[0].ToString());
    }

    [Fact]
    public void Utf16_without_bom_is_rejected_clearly_and_builds_no_article()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.FixtureSeed("utf16-without-bom.txt"));
        Diagnostic first = run.GeneratorDiagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CSDK011", first.Id);
        Assert.Contains("UTF-16", first.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(run.GeneratorDiagnostics.Count(d => d.Id == "CSDK011") <= SeedParser.MaxCharacterDiagnostics);
        Assert.Empty(GeneratorHarness.LoadArticles(run.Output));
        Assert.DoesNotContain(run.CompileProblems, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_decoded_with_a_legacy_code_page_is_rejected()
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("Title café", System.Text.Encoding.Latin1);
        SeedResult result = SeedReader.Read("/repo/seeds/latin.txt", text.ToString(), text.Encoding!.WebName, default);
        Assert.Null(result.Article);
        Assert.Equal("CSDK011", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Exception_inside_the_generator_is_a_diagnostic_naming_the_file_and_others_still_generate()
    {
        SeedReader.BeforeParse = path =>
        {
            if (path.EndsWith("__throw__.txt", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("simulated bug");
            }
        };

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/seeds/__throw__.txt", "x"), GeneratorHarness.RealSeed());
        Assert.Null(run.GeneratorException);
        Diagnostic error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CSDK999");
        Assert.Contains("__throw__.txt", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("simulated bug", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Single(GeneratorHarness.LoadArticles(run.Output));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        GeneratorDriver driver = GeneratorHarness.CreateDriver([GeneratorHarness.RealSeed()]);
        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(GeneratorHarness.CreateCompilation(), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SeedParser.Parse("x.txt", TestFiles.RealSeed, cancelled.Token));
    }

    [Fact]
    public void Broken_copy_of_the_real_seed_gives_exact_diagnostics()
    {
        // What a careless edit of seeds/000_8fbc388ac0ad8ee7.txt would do; CorpusSdk.Seeds builds with
        // warnings as errors, so any of these fails CI.
        string[] lines = TestFiles.RealSeed.Split('\n');
        lines[4] = lines[4].Replace("أكتوبر", "أكتوبرر", StringComparison.Ordinal);              // line 5: unknown month
        lines[30] = lines[30].Replace("الدولي”", "الدولي", StringComparison.Ordinal);          // line 31: unclosed quotation
        lines[36] = lines[36].Replace("[الصحيفة](#)", "[الصحيفة](#", StringComparison.Ordinal); // line 37: unclosed link
        lines[46] = "\u202E" + lines[46];                                                      // line 47: Trojan source
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/seeds/000_8fbc388ac0ad8ee7.txt", string.Join('\n', lines)));

        var problems = run.GeneratorDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Column: d.Location.GetLineSpan().StartLinePosition.Character + 1))
            .OrderBy(p => p.Line)
            .ToList();
        Assert.Equal(
        [
            ("CSDK005", DiagnosticSeverity.Error, 5, lines[4].IndexOf("أكتوبرر", StringComparison.Ordinal) + 1),
            ("CSDK007", DiagnosticSeverity.Warning, 31, lines[30].IndexOf('“') + 1),
            ("CSDK008", DiagnosticSeverity.Warning, 37, lines[36].IndexOf('[') + 1),
            ("CSDK010", DiagnosticSeverity.Error, 47, 1),
        ], problems);
    }
}
