using System.Globalization;
using System.Text;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;
using Microsoft.CodeAnalysis;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// <c>CorpusSdkSearchModes</c>: an index of some modes (built by the production indexer and writer) searches those modes
/// exactly as the index of every mode does, is smaller, and refuses the modes it lacks with an exception that names the
/// setting; the MSBuild property reaches the generator and the index build step.
/// </summary>
public sealed class SearchModesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int LuceneOnly = 1 << (int)IndexMode.LuceneCompatible;
    private const int DefaultOnly = 1 << (int)IndexMode.Default;

    private static readonly Lazy<List<(string Path, string Text)>> Seeds = new(() =>
        [.. SyntheticCorpus.SyntheticCorpus.Generate(200, Vocabulary.FromSeed()).Select(a => ("/corpus/" + a.FileName, a.Text))]);

    [Theory]
    [InlineData(LuceneOnly, new[] { SearchMode.LuceneCompatible })]
    [InlineData(DefaultOnly, new[] { SearchMode.Default, SearchMode.Normalized })] // the default mode reads the normalized index
    [InlineData((1 << (int)IndexMode.Exact) | LuceneOnly, new[] { SearchMode.Exact, SearchMode.LuceneCompatible })]
    public void An_index_of_some_modes_searches_them_as_the_full_index_does(int modes, SearchMode[] indexed)
    {
        SectionIndexData fullIndex = SectionIndexData.Build(Seeds.Value);
        SectionIndexData partIndex = SectionIndexData.Build(Seeds.Value, modes: modes);
        var full = new CompiledCorpus(fullIndex, "full");
        var part = new CompiledCorpus(partIndex, "part");
        foreach (SearchMode mode in Enum.GetValues<SearchMode>())
        {
            Assert.True(full.SearchEngine.IsIndexed(mode));
            Assert.Equal(indexed.Contains(mode), part.SearchEngine.IsIndexed(mode));
        }

        string[] words = [.. Seeds.Value.SelectMany(s => s.Text.Split([' ', '\n', '،', '.'], StringSplitOptions.RemoveEmptyEntries)).Where(w => w.All(char.IsLetter)).Distinct().Take(60)];
        var random = new Random(20261208);
        int hits = 0, queries = 0;
        foreach (SearchMode mode in indexed)
        {
            for (int q = 0; q < 60; q++)
            {
                string a = words[random.Next(words.Length)], b = words[random.Next(words.Length)];
                string text = (q % 5) switch
                {
                    0 => a,
                    1 => a + " " + b,
                    2 => $"\"{a} {b}\"",
                    3 => a + " OR " + b,
                    _ => a[..Math.Max(2, a.Length - 2)] + "* -" + b,
                };
                foreach (SearchUnit unit in Enum.GetValues<SearchUnit>())
                {
                    var options = new SearchOptions(mode) { Unit = unit, Top = 10 };
                    using SearchResults expected = full.SearchEngine.Search(text, options);
                    using SearchResults actual = part.SearchEngine.Search(text, options);
                    hits += SearchAssert.SameHits(expected, actual, $"«{text}» {mode} {unit}", "with every mode indexed");
                    Assert.Equal(full.SearchEngine.Count(text, options), part.SearchEngine.Count(text, options));
                    queries++;
                }
            }
        }

        output.WriteLine($"{queries} queries, {hits} hits equal; index {partIndex.Bytes:N0} bytes against {fullIndex.Bytes:N0} with every mode");
        Assert.True(hits > 500, $"only {hits} hits compared");
        Assert.True(partIndex.Bytes < fullIndex.Bytes * 0.8, $"{partIndex.Bytes} bytes against {fullIndex.Bytes}: leaving modes out saved little");
    }

    [Fact]
    public void Searching_a_mode_that_is_not_indexed_throws_and_names_the_setting()
    {
        var corpus = new CompiledCorpus(SectionIndexData.Build(Seeds.Value.Take(5), modes: LuceneOnly), "lucene");
        var exact = new SearchOptions(SearchMode.Exact);
        var search = Assert.Throws<NotSupportedException>(() => corpus.SearchEngine.Search("كيري", exact).Dispose());
        Assert.Equal(
            "This corpus has no index for search mode Exact: it was built with CorpusSdkSearchModes=LuceneCompatible. Search one of those modes (SearchOptions.Mode), or add Exact to CorpusSdkSearchModes in the project that compiles the seeds.",
            search.Message);
        Assert.Throws<NotSupportedException>(() => corpus.SearchEngine.Count("كيري"));
        var both = new MultiCorpusSearch(corpus, new CompiledCorpus(SectionIndexData.Build(Seeds.Value.Skip(5).Take(5)), "full"));
        Assert.Throws<NotSupportedException>(() => both.Search("كيري").Dispose());
        Assert.Throws<NotSupportedException>(() => both.Count("كيري", new SearchOptions(SearchMode.Normalized)));
        Assert.Equal(both.Count("كيري", new SearchOptions(SearchMode.LuceneCompatible)), corpus.SearchEngine.Count("كيري", new SearchOptions(SearchMode.LuceneCompatible)) + both.Corpora[1].SearchEngine.Count("كيري", new SearchOptions(SearchMode.LuceneCompatible)));
    }

    [Theory]
    [InlineData(null, "Default,Exact,Normalized,LuceneCompatible")]
    [InlineData("LuceneCompatible", "LuceneCompatible")]
    [InlineData("default", "Default,Normalized")]
    [InlineData("Exact; lucenecompatible", "Exact,LuceneCompatible")]
    [InlineData("All", "Default,Exact,Normalized,LuceneCompatible")]
    public void The_modes_are_an_msbuild_setting(string? value, string expected)
    {
        AdditionalText[] seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(3, Vocabulary.FromSeed())
            .Select(a => GeneratorHarness.Seed("/repo/seeds/" + a.FileName, a.Text))];
        GeneratorRun run = GeneratorHarness.Run(seeds, value is null ? null : new Dictionary<string, string> { ["build_property.CorpusSdkSearchModes"] = value });
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Empty(run.CompileProblems);
        string index = run.Sources["Corpus.Index.g.cs"];
        string[] present = [.. Enum.GetNames<SearchMode>().Where(m => index.Contains("IndexSection.TermPostings, global::CorpusSdk.SearchMode." + m + ")", StringComparison.Ordinal))];
        Assert.Equal(expected, string.Join(",", present));
    }

    [Theory]
    [InlineData("Fuzzy")]
    [InlineData("Default;Fuzzy")]
    [InlineData(";")]
    public void An_invalid_mode_list_is_a_warning_and_falls_back_to_every_mode(string value)
    {
        GeneratorRun run = GeneratorHarness.Run(
            [GeneratorHarness.FixtureSeed("minimal.txt")],
            new Dictionary<string, string> { ["build_property.CorpusSdkSearchModes"] = value });
        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.InvalidSetting);
        Assert.Contains(
            $"CorpusSdkSearchModes is '{value}', which is not modes separated by ';' or ',' among Default, Exact, Normalized, LuceneCompatible, or All; 'All' is used instead",
            warning.GetMessage(CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems);
        Assert.Contains("IndexSection.TermPostings, global::CorpusSdk.SearchMode.Exact)", run.Sources["Corpus.Index.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_build_step_takes_the_modes()
    {
        var seeds = SyntheticCorpus.SyntheticCorpus.Generate(20, Vocabulary.FromSeed()).Select(a => ("/seeds/" + a.FileName, Encoding.UTF8.GetBytes(a.Text))).ToList();
        var (all, hash, _) = IndexFileBuilder.Build(seeds, "Corpus");
        var (lucene, luceneHash, _) = IndexFileBuilder.Build(seeds, "Corpus", null, modes: LuceneOnly);
        Assert.Equal(hash, luceneHash); // the same corpus: only the index differs
        Assert.True(lucene.Length < all.Length * 0.5, $"{lucene.Length} bytes against {all.Length}");
        var corpus = new CompiledCorpus(new FileIndexData(lucene, hash, 20), hash);
        Assert.True(corpus.SearchEngine.IsIndexed(SearchMode.LuceneCompatible));
        Assert.False(corpus.SearchEngine.IsIndexed(SearchMode.Default));
        Assert.True(GeneratorSettings.TryParseSearchModes("Default", out int modes));
        Assert.Equal(DefaultOnly | (1 << (int)IndexMode.Normalized), modes);
    }
}
