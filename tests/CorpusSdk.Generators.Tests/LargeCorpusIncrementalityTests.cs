using System.Diagnostics;
using CorpusSdk.SyntheticCorpus;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CorpusSdk.Generators.Tests;

/// <summary>Editing one seed among 1,000 re-runs the per-article steps for that seed only (tracked step reasons).</summary>
public sealed class LargeCorpusIncrementalityTests(ITestOutputHelper output)
{
    private const int Count = 1000;
    private const int Edited = 500;

    [Fact]
    public void Editing_one_seed_among_1000_reruns_only_its_per_article_steps()
    {
        IReadOnlyList<SyntheticArticle> articles = SyntheticCorpus.SyntheticCorpus.Generate(Count, Vocabulary.FromSeed());
        AdditionalText[] seeds = articles.Select(a => GeneratorHarness.Seed("/repo/seeds/" + a.FileName, a.Text)).ToArray();
        Compilation compilation = GeneratorHarness.CreateCompilation();

        var watch = Stopwatch.StartNew();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(seeds).RunGenerators(compilation);
        TimeSpan first = watch.Elapsed;
        Assert.Equal(Count + 2, driver.GetRunResult().Results.Single().GeneratedSources.Length); // articles, Corpus, Corpus.Index

        // Edit one paragraph's wording: same file, same name, same block structure.
        SyntheticArticle target = articles[Edited];
        int at = target.Text.Contains('\r', StringComparison.Ordinal) ? target.Text.IndexOf(".\r\n", StringComparison.Ordinal) : target.Text.IndexOf(".\n", StringComparison.Ordinal);
        Assert.True(at > 0);
        string edited = target.Text.Insert(at, " تعديل");
        Assert.NotEqual(target.Text, edited);

        watch.Restart();
        driver = driver.ReplaceAdditionalText(seeds[Edited], GeneratorHarness.Seed(seeds[Edited].Path, edited)).RunGenerators(compilation.Clone());
        TimeSpan second = watch.Elapsed;
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        output.WriteLine($"first run {first.TotalMilliseconds:F0} ms, after editing one seed {second.TotalMilliseconds:F0} ms");

        // Per-seed steps: exactly the edited seed ran again; the other 999 came from the cache.
        foreach (string step in new[] { CorpusGenerator.TrackingNames.Seeds, CorpusGenerator.TrackingNames.Articles, CorpusGenerator.TrackingNames.ArticleIndex })
        {
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            output.WriteLine($"{step}: {string.Join(", ", reasons.GroupBy(r => r).Select(g => $"{g.Key} {g.Count()}"))}");
            Assert.Equal(Count, reasons.Count);
            Assert.Single(reasons, r => r == IncrementalStepRunReason.Modified);
            Assert.Equal(Count - 1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
            Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[step][Edited].Outputs.Single().Reason);
        }

        // Corpus-wide steps: the name plan and the storage decision did not change; the article list's hash and the index did.
        foreach (string step in new[] { CorpusGenerator.TrackingNames.Plan, CorpusGenerator.TrackingNames.Storage, CorpusGenerator.TrackingNames.Settings })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[CorpusGenerator.TrackingNames.Corpus].Single().Outputs.Single().Reason);

        // Source outputs: the edited article's file and the two corpus-wide files; the other 999 article files are cached.
        // Told apart from the per-seed diagnostic outputs by their input, the Articles step.
        var articleFiles = result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(s => s.Inputs.Any(i => i.Source.Name == CorpusGenerator.TrackingNames.Articles))
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        output.WriteLine($"article files: {string.Join(", ", articleFiles.GroupBy(r => r).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.Equal(Count, articleFiles.Count);
        Assert.Equal(Count - 1, articleFiles.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(articleFiles, r => r != IncrementalStepRunReason.Cached));
        Assert.Single(result.GeneratedSources, s => s.SourceText.ToString().Contains(" تعديل.", StringComparison.Ordinal));
    }
}
