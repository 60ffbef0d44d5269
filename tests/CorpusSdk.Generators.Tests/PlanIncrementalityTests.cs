using CorpusSdk.Generators.Corpus;
using CorpusSdk.Generators.Emit;
using CorpusSdk.SyntheticCorpus;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Which steps re-run after one seed among many changes: its text (the plan stays equal) or its name
/// (the plan changes). Reasons are read per tracking name and, for per-seed steps, per seed.
/// </summary>
public sealed class PlanIncrementalityTests
{
    private const int Count = 12;
    private const int Edited = 5;

    [Fact]
    public void Editing_one_seeds_text_reruns_its_steps_only_and_leaves_the_plan_unchanged()
    {
        (GeneratorDriver driver, AdditionalText[] seeds, Compilation compilation) = Start();
        string text = seeds[Edited].GetText()!.ToString();
        int at = text.Contains('\r', StringComparison.Ordinal) ? text.IndexOf(".\r\n", StringComparison.Ordinal) : text.IndexOf(".\n", StringComparison.Ordinal);
        Assert.True(at > 0);
        AdditionalText edited = GeneratorHarness.Seed(seeds[Edited].Path, text.Insert(at, " تعديل"));

        driver = driver.ReplaceAdditionalText(seeds[Edited], edited).RunGenerators(compilation.Clone());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        // The seed step re-read the edited file only.
        AssertPerSeed(result, CorpusGenerator.TrackingNames.Seeds, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        // The plan ran again (a hash changed in its input) and came out equal: no name changed.
        Assert.Equal(IncrementalStepRunReason.Unchanged, SingleReason(result, CorpusGenerator.TrackingNames.Plan));

        // So the article step re-ran for the edited seed alone; the others did not even run.
        AssertPerSeed(result, CorpusGenerator.TrackingNames.Articles, IncrementalStepRunReason.Cached);

        // The per-article index step re-analysed the edited seed alone.
        AssertPerSeed(result, CorpusGenerator.TrackingNames.ArticleIndex, IncrementalStepRunReason.Cached);

        // The content hash and the merged index changed; settings and storage did not.
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, CorpusGenerator.TrackingNames.Corpus));
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, CorpusGenerator.TrackingNames.Index));
        Assert.Equal(IncrementalStepRunReason.Cached, SingleReason(result, CorpusGenerator.TrackingNames.Settings));
        Assert.Equal(IncrementalStepRunReason.Unchanged, SingleReason(result, CorpusGenerator.TrackingNames.Storage));
        Assert.Single(result.GeneratedSources, s => s.SourceText.ToString().Contains(" تعديل.", StringComparison.Ordinal) && s.HintName.StartsWith("Article.", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_index_in_a_resource_editing_one_seed_reemits_that_article_and_the_content_hash_only()
    {
        var resource = new Dictionary<string, string> { ["build_property.CorpusSdkIndexResource"] = "CorpusSdk.SearchIndex" };
        (GeneratorDriver driver, AdditionalText[] seeds, Compilation compilation) = Start(resource);
        string text = seeds[Edited].GetText()!.ToString();
        int at = text.Contains('\r', StringComparison.Ordinal) ? text.IndexOf(".\r\n", StringComparison.Ordinal) : text.IndexOf(".\n", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(seeds[Edited], GeneratorHarness.Seed(seeds[Edited].Path, text.Insert(at, " تعديل"))).RunGenerators(compilation.Clone());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        AssertPerSeed(result, CorpusGenerator.TrackingNames.Articles, IncrementalStepRunReason.Cached);

        // Nothing is indexed by the generator, and the index file's model (member names) did not change: no index work at all.
        Assert.False(result.TrackedSteps.TryGetValue(CorpusGenerator.TrackingNames.ArticleIndex, out var indexed) && indexed.Any(run => run.Outputs.Length > 0));
        Assert.Contains(SingleReason(result, CorpusGenerator.TrackingNames.Index), new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, CorpusGenerator.TrackingNames.Corpus));
    }

    [Fact]
    public void Renaming_one_seed_modifies_the_plan()
    {
        (GeneratorDriver driver, AdditionalText[] seeds, Compilation compilation) = Start();
        string[] before = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        AdditionalText renamed = GeneratorHarness.Seed("/repo/seeds/zz_renamed.txt", seeds[Edited].GetText()!.ToString());

        driver = driver.ReplaceAdditionalText(seeds[Edited], renamed).RunGenerators(compilation.Clone());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        AssertPerSeed(result, CorpusGenerator.TrackingNames.Seeds, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, CorpusGenerator.TrackingNames.Plan));

        // Every article re-read the changed plan; only the renamed one's model changed.
        AssertPerSeed(result, CorpusGenerator.TrackingNames.Articles, IncrementalStepRunReason.Unchanged);

        // The analysis of the other articles does not depend on names.
        AssertPerSeed(result, CorpusGenerator.TrackingNames.ArticleIndex, IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, CorpusGenerator.TrackingNames.Corpus));
        Assert.Equal(IncrementalStepRunReason.Modified, SingleReason(result, CorpusGenerator.TrackingNames.Index));

        string[] after = result.GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Single(before.Except(after));
        Assert.Equal(HintNames.ForArticle(CSharpEscaper.Identifier("zz_renamed")), Assert.Single(after.Except(before)));
    }

    [Fact]
    public void The_plan_accepts_the_first_seed_of_a_name_in_ID_order()
    {
        CorpusEntry[] candidates =
        [
            new("b", "b", "1", "/s/b.txt"),
            new("a", "a", "2", "/s/a.txt"),
            new("a", "a", "3", "/t/a.txt"),
            new("Articles", "Articles", "4", "/s/Articles.txt"),
        ];

        CorpusPlan plan = CorpusPlanner.Plan(candidates, "Corpus");

        Assert.Equal(new[] { "/s/Articles.txt", "/s/a.txt", "/t/a.txt", "/s/b.txt" }, plan.Seeds.Select(s => s.Path));
        Assert.Equal(new[] { false, true, false, true }, plan.Seeds.Select(s => s.Accepted));
        Assert.Equal(new[] { "/s/a.txt", "/s/b.txt" }, plan.Accepted.Select(s => s.Path));
        Assert.True(plan.IsAccepted("a", "/s/a.txt"));
        Assert.False(plan.IsAccepted("a", "/t/a.txt"));
        Assert.False(plan.IsAccepted("Articles", "/s/Articles.txt"));
        Assert.False(plan.IsAccepted("c", "/s/c.txt"));
        Assert.Equal(2, plan.Diagnostics.Count);
    }

    private static (GeneratorDriver Driver, AdditionalText[] Seeds, Compilation Compilation) Start(Dictionary<string, string>? options = null)
    {
        AdditionalText[] seeds = SyntheticCorpus.SyntheticCorpus.Generate(Count, Vocabulary.FromSeed())
            .Select(a => GeneratorHarness.Seed("/repo/seeds/" + a.FileName, a.Text))
            .ToArray();
        Compilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(seeds, options).RunGenerators(compilation);
        Assert.Equal(Count + 2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        return (driver, seeds, compilation);
    }

    /// <summary>A per-seed step: one output per seed, the edited seed's Modified, every other one's among <paramref name="others"/>.</summary>
    private static void AssertPerSeed(GeneratorRunResult result, string step, params IncrementalStepRunReason[] others)
    {
        var runs = result.TrackedSteps[step];
        Assert.Equal(Count, runs.Length);
        for (int i = 0; i < Count; i++)
        {
            IncrementalStepRunReason reason = Assert.Single(runs[i].Outputs).Reason;
            if (i == Edited)
            {
                Assert.True(reason == IncrementalStepRunReason.Modified, $"{step}, edited seed {i}: {reason}");
            }
            else
            {
                Assert.True(others.Contains(reason), $"{step}, seed {i}: {reason}");
            }
        }
    }

    private static IncrementalStepRunReason SingleReason(GeneratorRunResult result, string step) =>
        Assert.Single(Assert.Single(result.TrackedSteps[step]).Outputs).Reason;
}
