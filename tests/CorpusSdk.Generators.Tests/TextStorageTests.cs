using CorpusSdk.Tests.Shared;
using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// CorpusSdkTextStorage: Strings (string literals), Utf8 (one u8 literal per article, decoded on first
/// use) and Auto (Utf8 above the string-heap threshold, with CSDK103); CSDK016 instead of CS8103.
/// </summary>
public sealed class TextStorageTests
{
    private static readonly Dictionary<string, string> Utf8 = new() { ["build_property.CorpusSdkTextStorage"] = "Utf8" };

    private static readonly string[] Fixtures =
    [
        "english-byline.txt", "links-and-quotes.txt", "heading-and-pull-quote.txt", "split-paragraph.txt",
        "legitimate-marks.txt", "levantine-month.txt", "arabic-indic-digits.txt", "utf16-with-bom.txt",
    ];

    private static AdditionalText[] RealSeedAndFixtures() =>
        [GeneratorHarness.RealSeed(), .. Fixtures.Select(GeneratorHarness.FixtureSeed)];

    [Fact]
    public void Utf8_article_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.FixtureSeed("links-and-quotes.txt")], Utf8);
        Snapshots.Match(run.Sources["Article.links__and__quotes.g.cs"], "Fixture.links-and-quotes.Utf8");
    }

    [Fact]
    public void Utf8_mode_compiles_to_the_same_articles_as_string_literals()
    {
        GeneratorRun strings = GeneratorHarness.Run(RealSeedAndFixtures(), null);
        GeneratorRun utf8 = GeneratorHarness.Run(RealSeedAndFixtures(), Utf8);
        Assert.Empty(strings.CompileProblems);
        Assert.Empty(utf8.CompileProblems);
        Assert.Contains("FromUtf8(", utf8.Sources["Article.__000__8fbc388ac0ad8ee7.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("FromUtf8(", strings.Sources["Article.__000__8fbc388ac0ad8ee7.g.cs"], StringComparison.Ordinal);

        ArticleCollection expected = GeneratorHarness.LoadArticles(strings.Output);
        ArticleCollection actual = GeneratorHarness.LoadArticles(utf8.Output);
        Assert.Equal(Fixtures.Length + 1, actual.Count);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Fact]
    public void Utf8_corpus_second_traversal_allocates_zero_bytes()
    {
        ArticleCollection articles = GeneratorHarness.LoadArticles(GeneratorHarness.Run(RealSeedAndFixtures(), Utf8).Output);
        long first = CorpusTraversal.Traverse(articles);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long second = CorpusTraversal.Traverse(articles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(first, second);
        Assert.True(second > 0);
        Assert.Equal(0, allocated);

        // The same measurement sees an allocation (a quotation's text as a new string).
        before = GC.GetAllocatedBytesForCurrentThread();
        string quote = articles.First(a => a.Quotes.Count > 0).Quotes[0].ToString();
        Assert.NotEmpty(quote);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0);
    }

    [Fact]
    public void Utf8_block_text_is_decoded_once_and_shared()
    {
        ArticleCollection articles = GeneratorHarness.LoadArticles(GeneratorHarness.Run([GeneratorHarness.RealSeed()], Utf8).Output);
        Article article = articles[0];
        Assert.Same(article.Blocks[3].ToString(), article.Blocks[3].ToString());
        Assert.Same(article.Title.ToString(), article.ToString());
        Assert.Equal("تسريبات كيري: عليكم أن تقاتلوا من أجلنا لكننا لن نقاتل معكم", article.Title.ToString());
    }

    [Fact]
    public void Auto_keeps_string_literals_for_a_small_corpus()
    {
        GeneratorRun run = GeneratorHarness.Run(RealSeedAndFixtures(), null);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CSDK103" or "CSDK016" or "CSDK017");
        Assert.All(run.Sources.Where(s => s.Key.StartsWith("Article.", StringComparison.Ordinal)), s => Assert.DoesNotContain("FromUtf8(", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Auto_switches_to_utf8_above_the_threshold_and_says_so()
    {
        // Seven articles of a million characters each: about 13.4 MiB as UTF-16 literals, over 12 MiB.
        GeneratorRun run = GeneratorHarness.Run([.. Large(7, 1_000_000), GeneratorHarness.RealSeed()], null);
        Diagnostic note = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CSDK103");
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains("13.4 MiB", note.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.All(run.Sources.Where(s => s.Key.StartsWith("Article.", StringComparison.Ordinal)), s => Assert.Contains("FromUtf8(", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Forced_strings_over_the_limit_is_CSDK016_not_CS8103()
    {
        var strings = new Dictionary<string, string> { ["build_property.CorpusSdkTextStorage"] = "strings" };
        GeneratorRun run = GeneratorHarness.Run(Large(9, 1_000_000), strings); // 17.2 MiB
        Diagnostic error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CSDK016");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("<CorpusSdkTextStorage>Utf8</CorpusSdkTextStorage>", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // The code is emitted as UTF-8, so the compiler has nothing to add: no CS8103 next to CSDK016.
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));

        // Forced Strings under the limit is honoured.
        GeneratorRun under = GeneratorHarness.Run(Large(7, 1_000_000), strings); // 13.4 MiB: over Auto's threshold, under the limit
        Assert.DoesNotContain(under.GeneratorDiagnostics, d => d.Id is "CSDK016" or "CSDK103");
        Assert.DoesNotContain("FromUtf8(", under.Sources["Article.large0.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_storage_value_is_a_warning_and_auto_is_used()
    {
        var options = new Dictionary<string, string> { ["build_property.CorpusSdkTextStorage"] = "Resources" };
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.RealSeed()], options);
        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CSDK017");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'Resources'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("FromUtf8(", run.Sources["Article.__000__8fbc388ac0ad8ee7.g.cs"], StringComparison.Ordinal);
    }

    /// <summary>The estimate is the compiler's own accounting: just over the limit fails with CS8103, just under compiles.</summary>
    [Theory]
    [InlineData(16.02, true)]
    [InlineData(15.98, false)]
    public void String_heap_estimate_matches_the_compiler(double mib, bool overflows)
    {
        // One article whose estimate is the target size, emitted with string literals and compiled for real.
        (ArticleSpec article, long estimate) = ArticleOfEstimate((long)(mib * 1024 * 1024));
        Assert.Equal(overflows, estimate > StringHeap.Limit);
        string source = ArticleEmitter.Emit(article, "big", "Consumer", "Corpus", "1.0", utf8: false);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { static partial class Corpus { } }", GeneratorHarness.ParseOptions));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.Equal(overflows, result.Diagnostics.Any(d => d.Id == "CS8103"));
        Assert.Equal(!overflows, result.Success);
    }

    private static (ArticleSpec Article, long Estimate) ArticleOfEstimate(long target)
    {
        // The fixed literals (ID, title, author) first, then one block filling the rest (4-byte prefix, 1 trailing byte).
        long fixedPart = StringHeap.EntrySize("big") + StringHeap.EntrySize("t") + StringHeap.EntrySize("a");
        int chars = (int)((target - fixedPart - 5) / 2);
        var block = new BlockSpec(BlockKindSpec.Paragraph, 0, new string('-', chars - 1) + ".", new[] { 5 }.ToEquatableArray());
        var article = new ArticleSpec("big", "big.txt", "t", 1, "a", 3, new DateSpec(2016, 10, 1), new[] { block }.ToEquatableArray(),
            EquatableArray<QuoteSpec>.Empty, EquatableArray<LinkSpec>.Empty, 0);
        return (article, StringHeap.Estimate(article));
    }

    /// <summary>Seeds with one paragraph of <paramref name="chars"/> characters and no words each (cheap to index, one small u8 literal each).</summary>
    private static AdditionalText[] Large(int count, int chars) =>
        Enumerable.Range(0, count)
            .Select(i => GeneratorHarness.Seed($"/repo/seeds/large{i}.txt", "عنوان\n\nكتبه سارة علي | 1 أكتوبر, 2016\n\n" + new string('-', chars - 1) + ".\n"))
            .ToArray();

    private static string Describe(ArticleCollection articles)
    {
        var text = new StringBuilder();
        foreach (Article article in articles)
        {
            text.Append(article.Id).Append('|').Append(article.Title.ToString()).Append('|').Append(article.Author.ToString()).Append('|')
                .Append(article.Published).Append('|').Append(article.TitleLine).Append('|').Append(article.BylineLine).Append('|').Append(article.WordCount).Append('\n');
            foreach (Block block in article.Blocks)
            {
                text.Append(block.Kind).Append(' ').Append(block.Index).Append(' ').Append(block.Line).Append(' ').Append(block.ToString()).Append('\n');
            }

            foreach (Quote quote in article.Quotes)
            {
                text.Append("quote ").Append(quote.BlockIndex).Append(' ').Append(quote.Start).Append(' ').Append(quote.ToString()).Append('\n');
            }

            foreach (Link link in article.Links)
            {
                text.Append("link ").Append(link.BlockIndex).Append(' ').Append(link.Start).Append(' ').Append(link.ToString()).Append(' ').Append(link.Target).Append('\n');
            }
        }

        return text.ToString();
    }
}
