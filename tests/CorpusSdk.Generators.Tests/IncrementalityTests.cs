using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>Editing one seed regenerates that article only; no step holds compiler objects.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    [
        CorpusGenerator.TrackingNames.Seeds,
        CorpusGenerator.TrackingNames.Plan,
        CorpusGenerator.TrackingNames.Articles,
        CorpusGenerator.TrackingNames.Corpus,
        CorpusGenerator.TrackingNames.Settings,
        CorpusGenerator.TrackingNames.ArticleIndex,
        CorpusGenerator.TrackingNames.Index,
        CorpusGenerator.TrackingNames.Storage,
    ];

    private static GeneratorDriver Driver(out AdditionalText a, out AdditionalText b, out AdditionalText c)
    {
        a = GeneratorHarness.RealSeed();
        b = GeneratorHarness.FixtureSeed("english-byline.txt");
        c = GeneratorHarness.FixtureSeed("links-and-quotes.txt");
        return GeneratorHarness.CreateDriver([a, b, c]);
    }

    [Fact]
    public void Second_run_without_changes_is_fully_cached()
    {
        GeneratorDriver driver = Driver(out _, out _, out _);
        Compilation compilation = GeneratorHarness.CreateCompilation();
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        driver = driver.RunGenerators(compilation.Clone());
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), step);
            foreach (IncrementalGeneratorRunStep run in second.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
                }
            }
        }

        Assert.Equal(first.GeneratedSources.Length, second.GeneratedSources.Length);
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_seed_regenerates_only_that_article()
    {
        GeneratorDriver driver = Driver(out _, out AdditionalText b, out _);
        Compilation compilation = GeneratorHarness.CreateCompilation();
        driver = driver.RunGenerators(compilation);

        AdditionalText edited = GeneratorHarness.Seed(b.Path, TestFiles.ReadFixture("english-byline.txt").Replace("Leaks from the meeting", "Leaks from the summit", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(b, edited).RunGenerators(compilation.Clone());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        // Per-seed parse: only the edited file ran again.
        var seedReasons = result.TrackedSteps[CorpusGenerator.TrackingNames.Seeds].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Single(seedReasons, r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(2, seedReasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // Names did not change, so the name plan is unchanged.
        Assert.All(result.TrackedSteps[CorpusGenerator.TrackingNames.Plan].SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));

        // Per-article models: exactly one modified, the other two untouched.
        var articleReasons = result.TrackedSteps[CorpusGenerator.TrackingNames.Articles].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(3, articleReasons.Count);
        Assert.Single(articleReasons, r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(2, articleReasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // Search analysis: only the edited article is re-tokenised.
        var indexReasons = result.TrackedSteps[CorpusGenerator.TrackingNames.ArticleIndex].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(3, indexReasons.Count);
        Assert.Single(indexReasons, r => r == IncrementalStepRunReason.Modified);

        Assert.Contains("Leaks from the summit", result.GeneratedSources.Single(s => s.HintName == "Article.english__byline.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_or_syntax_node()
    {
        GeneratorDriver driver = Driver(out _, out _, out _).RunGenerators(GeneratorHarness.CreateCompilation());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        int checkedValues = 0;
        foreach (var step in TrackedSteps.SelectMany(name => result.TrackedSteps[name]))
        {
            foreach (var (value, _) in step.Outputs)
            {
                AssertNoCompilerObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step.Name ?? "?");
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 5);
    }

    private static void AssertNoCompilerObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or AdditionalText or Diagnostic or Location,
            $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                AssertNoCompilerObjects(item, seen, path + "[]");
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), seen, path + "." + field.Name);
        }
    }
}
