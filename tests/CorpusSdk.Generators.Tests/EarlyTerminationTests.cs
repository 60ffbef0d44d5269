using System.Reflection;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Top-k with early termination (block-max bounds written by the generator) ranks exactly as scoring every match:
/// random queries (terms, prefixes, AND, OR, exclusions) in every mode, with random k1, b, title weight and paging, on the
/// 1,000 synthetic articles of the parity test, searched once with pruning and once without (the same production
/// code, <c>SearchOptions.Exhaustive</c>): same count, same hits, bit-identical scores, same parts.
/// </summary>
public sealed class EarlyTerminationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly PropertyInfo Exhaustive = typeof(SearchOptions).GetProperty("Exhaustive", BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly PropertyInfo Skipped = typeof(CorpusSearch).Assembly
        .GetType("CorpusSdk.Search.Execution.PruningCounter", throwOnError: true)!
        .GetProperty("Skipped", BindingFlags.Public | BindingFlags.Static)!;

    [Fact]
    public void Pruned_top_k_equals_exhaustive_top_k()
    {
        LuceneRankingParityTests.ParityCorpus corpus = LuceneRankingParityTests.ParityCorpus.Shared;
        string[] words = corpus.Queries
            .SelectMany(q => q.Text.Split([' ', '"'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w != "OR")
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var random = new Random(20261129);
        SearchMode[] modes = [SearchMode.LuceneCompatible, SearchMode.Default, SearchMode.Normalized, SearchMode.Exact];
        float[] k1s = [1.2f, 0f, 0.5f, 3f];
        float[] bs = [0.75f, 0f, 1f, 0.3f];
        float[] titleWeights = [2f, 1f, 0f, 5f];
        int[] tops = [10, 1, 3, 50];
        long skippedBefore = (long)Skipped.GetValue(null)!;
        int queries = 0, hits = 0;
        for (int q = 0; q < 600; q++)
        {
            int count = 1 + random.Next(4);
            string separator = random.Next(2) == 0 ? " " : " OR ";
            var clauses = Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]).ToList();
            if (random.Next(5) == 0)
            {
                // A prefix: the word less its last two letters.
                clauses[0] = clauses[0][..Math.Max(2, clauses[0].Length - 2)] + "*";
            }
            if (separator == " " && count > 1 && random.Next(3) == 0)
            {
                clauses[^1] = "-" + clauses[^1];
            }

            string text = string.Join(separator, clauses);
            var options = new SearchOptions(modes[random.Next(modes.Length)])
            {
                Top = tops[random.Next(tops.Length)],
                Skip = random.Next(4) == 0 ? 5 : 0,
                K1 = k1s[random.Next(k1s.Length)],
                B = bs[random.Next(bs.Length)],
                TitleWeight = titleWeights[random.Next(titleWeights.Length)],
            };
            object boxed = options;
            Exhaustive.SetValue(boxed, true);
            var exhaustive = (SearchOptions)boxed;

            using SearchResults expected = corpus.Engine.Search(text, exhaustive);
            using SearchResults actual = corpus.Engine.Search(text, options);
            string context = $"«{text}» {options.Mode} top {options.Top} skip {options.Skip} k1 {options.K1} b {options.B} title {options.TitleWeight}";
            hits += SearchAssert.SameHits(expected, actual, context, "exhaustively");

            queries++;
        }

        long skipped = (long)Skipped.GetValue(null)! - skippedBefore;
        output.WriteLine($"{queries} queries, {hits} hits equal with and without pruning; {skipped} windows skipped by bound");
        Assert.True(hits > 2_000, $"only {hits} hits compared");
        Assert.True(skipped > 500, $"pruning skipped only {skipped} windows: the test does not exercise it");
    }
}
