using System.Text.Json;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>The generator through CSharpGeneratorDriver: its output compiles cleanly and reads back exactly.</summary>
public sealed class GeneratorTests
{
    [Fact]
    public void Real_seed_output_compiles_without_errors_or_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.RealSeed());
        Assert.Null(run.GeneratorException);
        Assert.Empty(run.CompileProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(["Article.__000__8fbc388ac0ad8ee7.g.cs", "Corpus.Index.g.cs", "Corpus.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Real_seed_reads_back_at_run_time_exactly_as_parsed()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.RealSeed());
        ArticleCollection articles = GeneratorHarness.LoadArticles(run.Output);
        ArticleSpec spec = SeedParser.Parse("000_8fbc388ac0ad8ee7.txt", TestFiles.RealSeed).Article!;

        Article article = Assert.Single(articles);
        Assert.Equal(spec.Id, article.Id);
        Assert.Equal(spec.Title, article.Title.ToString());
        Assert.Equal(spec.Author, article.Author.ToString());
        Assert.Equal(new DateOnly(2016, 10, 1), article.Published);
        Assert.Equal(spec.WordCount, article.WordCount);
        Assert.Equal(spec.Blocks.Select(b => (b.Index, (int)b.Kind, b.Line, b.Text)), article.Blocks.Select(b => (b.Index, (int)b.Kind, b.Line, b.Text.ToString())));
        Assert.Equal(spec.Quotes.Select(q => (q.BlockIndex, q.Start, q.Text)), article.Quotes.Select(q => (q.BlockIndex, q.Start, q.Text.ToString())));
        Assert.Equal(spec.Links.Select(l => (l.BlockIndex, l.Start, l.Text, l.Target)), article.Links.Select(l => (l.BlockIndex, l.Start, l.Text.ToString(), l.Target)));
        Assert.Equal(13, article.Paragraphs.Count);
        Assert.Equal(2, article.Headings.Count);
        Assert.Equal(3, article.PullQuotes.Count);
    }

    [Fact]
    public void Content_hash_is_sha256_of_the_seeds_and_ignores_line_endings_and_bom()
    {
        string lf = GeneratorHarness.Run(GeneratorHarness.RealSeed()).Sources["Corpus.g.cs"];
        string crlf = GeneratorHarness.Run(GeneratorHarness.Seed("/other/000_8fbc388ac0ad8ee7.txt", "\uFEFF" + TestFiles.RealSeed.Replace("\n", "\r\n"))).Sources["Corpus.g.cs"];
        Assert.Equal(lf, crlf);

        string edited = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/seeds/000_8fbc388ac0ad8ee7.txt", TestFiles.RealSeed + "\nفقرة مضافة.\n")).Sources["Corpus.g.cs"];
        Assert.NotEqual(lf, edited);

        // Independent computation of the documented formula.
        string seedSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestFiles.RealSeedPath)));
        string expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("000_8fbc388ac0ad8ee7\t" + seedSha + "\n")));
        Assert.Contains("public const string ContentHash = \"" + expected + "\";", lf);
    }

    [Theory]
    [InlineData("class.txt", "@class")]
    [InlineData("1-مقال.txt", "_1_مقال")]
    [InlineData("my article.txt", "my_article")]
    [InlineData("مقال_جديد.txt", "مقال_جديد")]
    public void Member_names_are_valid_identifiers_for_any_file_name(string file, string member)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/seeds/" + file, TestFiles.ReadFixture("minimal.txt")));
        Assert.Null(run.GeneratorException);
        Assert.Empty(run.CompileProblems);
        Assert.Contains(run.Sources.Values, s => s.Contains("public static global::CorpusSdk.Article " + member + " =>", StringComparison.Ordinal));
        Assert.Single(GeneratorHarness.LoadArticles(run.Output));
    }

    [Fact]
    public void Two_files_mapping_to_one_identifier_is_a_diagnostic_naming_both_not_CS0101()
    {
        string text = TestFiles.ReadFixture("minimal.txt");
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/seeds/a-b.txt", text), GeneratorHarness.Seed("/repo/seeds/a_b.txt", text));
        Diagnostic duplicate = Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.DuplicateIdentifier);
        Assert.Equal(DiagnosticSeverity.Error, duplicate.Severity);
        string message = duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("a-b.txt", message);
        Assert.Contains("a_b.txt", message);
        Assert.Empty(run.CompileProblems);
    }

    [Theory]
    [InlineData("Articles")]
    [InlineData("Instance")]
    [InlineData("SearchEngine")]
    public void Seed_named_like_a_corpus_member_is_reported_not_a_compile_error(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/seeds/" + name + ".txt", TestFiles.ReadFixture("minimal.txt")));
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.ReservedIdentifier);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void Bad_seed_diagnostic_points_at_file_line_and_column()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.FixtureSeed("unknown-month.txt"), GeneratorHarness.RealSeed());
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticIds.UnknownMonth, diagnostic.Id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/seeds/unknown-month.txt", span.Path);
        Assert.Equal((2, "كتبه سارة علي | 1 ".Length), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal("برمودا", TestFiles.ReadFixture("unknown-month.txt").Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        // The other seed still generates.
        Assert.Contains("Article.__000__8fbc388ac0ad8ee7.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Namespace_and_class_name_come_from_msbuild_properties()
    {
        GeneratorRun run = GeneratorHarness.Run(
            [GeneratorHarness.FixtureSeed("minimal.txt")],
            new Dictionary<string, string> { ["build_property.CorpusSdkNamespace"] = "My.Texts", ["build_property.CorpusSdkClassName"] = "Library" });
        Assert.Empty(run.CompileProblems);
        Assert.Single(GeneratorHarness.LoadArticles(run.Output, "My.Texts.Library"));
    }

    [Fact]
    public void Invalid_namespace_setting_is_a_warning_and_falls_back()
    {
        GeneratorRun run = GeneratorHarness.Run(
            [GeneratorHarness.FixtureSeed("minimal.txt")],
            new Dictionary<string, string> { ["build_property.CorpusSdkNamespace"] = "not valid; class X" });
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.InvalidSetting);
        Assert.Empty(run.CompileProblems);
        Assert.Single(GeneratorHarness.LoadArticles(run.Output, "CorpusSdk.Generated.Corpus"));
    }

    [Fact]
    public void No_seeds_still_gives_an_empty_corpus()
    {
        GeneratorRun run = GeneratorHarness.Run();
        Assert.Empty(run.CompileProblems);
        Assert.Empty(GeneratorHarness.LoadArticles(run.Output));
    }

    [Fact]
    public void Files_not_marked_as_seeds_are_ignored()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed("/repo/notes.md", "# not a seed"));
        Assert.Empty(GeneratorHarness.LoadArticles(run.Output));
    }
}
