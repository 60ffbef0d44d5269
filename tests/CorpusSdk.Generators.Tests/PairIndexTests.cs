using System.Globalization;
using System.Reflection;
using System.Text;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;
using Microsoft.CodeAnalysis;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The pair index (two adjacent words' article postings, built by <see cref="CorpusIndexBuilder"/>) answers a two-word
/// phrase exactly as the words' positions do: the same synthetic articles indexed by the production code with a pair for
/// every adjacent couple of words (threshold 1) and with none (threshold 0), searched by the same engine with phrases alone
/// and inside AND, OR and exclusions, in every mode: same count, same hits, bit-identical scores, same parts.
/// </summary>
public sealed class PairIndexTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Articles = 300;

    private static readonly PropertyInfo Exhaustive = typeof(SearchOptions).GetProperty("Exhaustive", BindingFlags.NonPublic | BindingFlags.Instance)!;

    [Fact]
    public void A_phrase_read_from_the_pair_index_equals_the_phrase_read_from_positions()
    {
        List<(string Path, string Text)> seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(Articles, Vocabulary.FromSeed())
            .Select(a => ("/corpus/" + a.FileName, a.Text))];
        SectionIndexData pairedIndex = SectionIndexData.Build(seeds, pairMinArticles: 1);
        SectionIndexData positionalIndex = SectionIndexData.Build(seeds, pairMinArticles: 0);
        foreach (SearchMode mode in new[] { SearchMode.Exact, SearchMode.Normalized, SearchMode.LuceneCompatible })
        {
            Assert.True(pairedIndex.GetSection(IndexSection.PairSeconds, mode).Length > 0, mode + ": no pair index was built");
            Assert.True(positionalIndex.GetSection(IndexSection.PairSeconds, mode).IsEmpty, mode + ": a pair index was built with threshold 0");
        }

        Assert.True(pairedIndex.GetSection(IndexSection.PairSeconds, SearchMode.Default).IsEmpty, "the default mode has no pair index");
        var paired = new CompiledCorpus(pairedIndex, "paired");
        var positional = new CompiledCorpus(positionalIndex, "positional");

        // Phrases: adjacent words of the texts (they match), and words drawn at random (most do not).
        var random = new Random(20261207);
        string[] words = [.. seeds.SelectMany(s => s.Text.Split([' ', '\n', '،', '.', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.All(char.IsLetterOrDigit))];
        SearchMode[] modes = [SearchMode.LuceneCompatible, SearchMode.Exact, SearchMode.Normalized, SearchMode.Default];
        int[] tops = [10, 1, 3, 50];
        int queries = 0, hits = 0, matching = 0;
        for (int q = 0; q < 400; q++)
        {
            int at = random.Next(words.Length - 1);
            string phrase = random.Next(4) == 0
                ? $"\"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}\""
                : $"\"{words[at]} {words[at + 1]}\"";
            string other = words[random.Next(words.Length)];
            string text = (q % 5) switch
            {
                0 => phrase + " " + other,
                1 => other + " -" + phrase,
                2 => phrase + " OR " + other,
                3 => other + " " + phrase,
                _ => phrase,
            };
            var options = new SearchOptions(modes[random.Next(modes.Length)])
            {
                Top = tops[random.Next(tops.Length)],
                Skip = random.Next(4) == 0 ? 5 : 0,
                K1 = random.Next(3) == 0 ? 0.5f : 1.2f,
                B = random.Next(3) == 0 ? 0.3f : 0.75f,
            };
            string context = $"«{text}» {options.Mode} top {options.Top} skip {options.Skip}";
            Assert.Equal(positional.SearchEngine.Count(text, options), paired.SearchEngine.Count(text, options));
            foreach (bool exhaustive in new[] { false, true })
            {
                object boxed = options;
                Exhaustive.SetValue(boxed, exhaustive);
                var run = (SearchOptions)boxed;
                using SearchResults expected = positional.SearchEngine.Search(text, run);
                using SearchResults actual = paired.SearchEngine.Search(text, run);
                hits += SearchAssert.SameHits(expected, actual, context + " exhaustive " + exhaustive, "from positions");

                matching += expected.TotalCount > 0 ? 1 : 0;
            }

            queries++;
        }

        output.WriteLine($"{queries} queries ({matching / 2} with matches), {hits} hits equal from the pair index and from positions");
        Assert.True(hits > 2_000, $"only {hits} hits compared");
        Assert.True(matching / 2 > 200, $"only {matching / 2} queries matched anything");
    }

    [Fact]
    public void Words_below_the_threshold_are_not_paired_and_still_match()
    {
        List<(string Path, string Text)> seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(40, Vocabulary.FromSeed())
            .Select(a => ("/corpus/" + a.FileName, a.Text))];

        // A threshold above the article count: no pair qualifies, so no pair section is written and phrases read positions.
        SectionIndexData noneIndex = SectionIndexData.Build(seeds, pairMinArticles: 41);
        SectionIndexData allIndex = SectionIndexData.Build(seeds, pairMinArticles: 1);
        Assert.True(noneIndex.GetSection(IndexSection.PairMinArticles, SearchMode.LuceneCompatible).IsEmpty);
        Assert.True(noneIndex.GetSection(IndexSection.PairSeconds, SearchMode.LuceneCompatible).IsEmpty);
        Assert.False(allIndex.GetSection(IndexSection.PairSeconds, SearchMode.LuceneCompatible).IsEmpty);
        var none = new CompiledCorpus(noneIndex, "none");
        var all = new CompiledCorpus(allIndex, "all");
        string[] words = [.. seeds[0].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).Take(40)];
        int compared = 0;
        for (int i = 0; i + 1 < words.Length; i++)
        {
            string text = $"\"{words[i]} {words[i + 1]}\"";
            var options = new SearchOptions(SearchMode.LuceneCompatible) { Top = 5 };
            Assert.Equal(all.SearchEngine.Count(text, options), none.SearchEngine.Count(text, options));
            using SearchResults a = all.SearchEngine.Search(text, options);
            using SearchResults b = none.SearchEngine.Search(text, options);
            Assert.Equal(a.Hits.ToArray().Select(h => (h.ArticleIndex, h.Score)), b.Hits.ToArray().Select(h => (h.ArticleIndex, h.Score)));
            compared += a.TotalCount;
        }

        Assert.True(compared > 20, $"only {compared} matches compared");
    }

    [Theory]
    [InlineData(null, false)] // default 32: three articles give no pair
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void The_threshold_is_an_msbuild_setting(string? value, bool pairs)
    {
        AdditionalText[] seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(3, Vocabulary.FromSeed())
            .Select(a => GeneratorHarness.Seed("/repo/seeds/" + a.FileName, a.Text))];
        GeneratorRun run = GeneratorHarness.Run(seeds, value is null ? null : new Dictionary<string, string> { ["build_property.CorpusSdkPairMinArticles"] = value });
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Empty(run.CompileProblems);
        string index = run.Sources["Corpus.Index.g.cs"];
        Assert.Equal(pairs, index.Contains("IndexSection.PairArticlePostings, global::CorpusSdk.SearchMode.LuceneCompatible", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_threshold_is_a_warning_and_falls_back_to_32()
    {
        GeneratorRun run = GeneratorHarness.Run(
            [GeneratorHarness.FixtureSeed("minimal.txt")],
            new Dictionary<string, string> { ["build_property.CorpusSdkPairMinArticles"] = "-5" });
        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.InvalidSetting);
        Assert.Contains("CorpusSdkPairMinArticles is '-5', which is not a whole number of articles (0: no pair index); '32' is used instead", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void The_index_build_step_takes_the_threshold()
    {
        var seeds = SyntheticCorpus.SyntheticCorpus.Generate(3, Vocabulary.FromSeed()).Select(a => ("/seeds/" + a.FileName, Encoding.UTF8.GetBytes(a.Text))).ToList();
        var (withPairs, _, _) = IndexFileBuilder.Build(seeds, "Corpus", null, pairMinArticles: 1);
        var (without, _, _) = IndexFileBuilder.Build(seeds, "Corpus", null, pairMinArticles: 0);
        var (byDefault, _, _) = IndexFileBuilder.Build(seeds, "Corpus");
        Assert.True(Encoding.ASCII.GetString(withPairs).Contains("PairArticlePostings", StringComparison.Ordinal));
        Assert.False(Encoding.ASCII.GetString(without).Contains("PairArticlePostings", StringComparison.Ordinal));
        Assert.Equal(without, byDefault);
    }

    /// <summary>
    /// Two-word phrases whose words have several terms (the default mode), and two-word phrases with parts as the unit in
    /// every mode, are read with byte maps of the words' positions in each candidate article; the merge of part postings
    /// they replaced is kept for this test (the same index, the same engine): same count, same hits, bit-identical scores.
    /// </summary>
    [Fact]
    public void A_default_mode_phrase_read_with_byte_maps_equals_the_merge()
    {
        PropertyInfo merge = typeof(CorpusSearch).Assembly.GetType("CorpusSdk.Search.Execution.PhraseMerge", throwOnError: true)!
            .GetProperty("Enabled", BindingFlags.Public | BindingFlags.Static)!;
        List<(string Path, string Text)> seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(Articles, Vocabulary.FromSeed())
            .Select(a => ("/corpus/" + a.FileName, a.Text))];
        CorpusSearch engine = SectionIndexData.Corpus(seeds, pairMinArticles: 0).SearchEngine;
        var random = new Random(20261208);
        string[] words = [.. seeds.SelectMany(s => s.Text.Split([' ', '\n', '،', '.', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.All(char.IsLetterOrDigit))];
        int hits = 0, matching = 0;
        try
        {
            for (int q = 0; q < 300; q++)
            {
                int at = random.Next(words.Length - 1);
                string phrase = random.Next(4) == 0
                    ? $"\"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}\""
                    : $"\"{words[at]} {words[at + 1]}\"";
                string text = q % 3 == 0 ? phrase + " " + words[random.Next(words.Length)] : phrase;
                SearchMode mode = (q % 8) switch { 0 => SearchMode.Normalized, 1 => SearchMode.LuceneCompatible, 2 => SearchMode.Exact, _ => SearchMode.Default };
                var options = new SearchOptions(mode) { Top = q % 2 == 0 ? 10 : 50, Unit = q % 3 == 1 ? SearchUnit.Part : SearchUnit.Article };
                merge.SetValue(null, true);
                int expectedCount = engine.Count(text, options);
                using SearchResults expected = engine.Search(text, options);
                merge.SetValue(null, false);
                Assert.Equal(expectedCount, engine.Count(text, options));
                using SearchResults actual = engine.Search(text, options);
                hits += SearchAssert.SameHits(expected, actual, $"«{text}» {options.Mode} {options.Unit}", "merged");

                matching += expected.TotalCount > 0 ? 1 : 0;
            }
        }
        finally
        {
            merge.SetValue(null, false);
        }

        output.WriteLine($"{matching} of 300 default-mode phrases matched; {hits} hits equal with byte maps and with the merge");
        Assert.True(hits > 2_000, $"only {hits} hits compared");
        Assert.True(matching > 150, $"only {matching} phrases matched anything");
    }
}
