using System.Diagnostics;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The engine on 1,000 distinct synthetic articles (production parser, indexer, layout and runtime engine):
/// large result sets allocate nothing once the buffers have grown, and results do not depend on what ran before.
/// </summary>
public sealed class ThousandArticleSearchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<(CorpusSearch Search, string[] Queries)> Corpus = new(Build);

    private static readonly SearchOptions[] Options =
    [
        default,
        new() { Unit = SearchUnit.Part, Top = 10 },
        new() { Unit = SearchUnit.Part, Sort = SearchSort.CorpusOrder, Top = int.MaxValue, Facets = true },
        new() { Sort = SearchSort.Newest, Top = 1_000, Facets = true },
        new(SearchMode.LuceneCompatible) { Top = 10 },
        new(SearchMode.LuceneCompatible) { Unit = SearchUnit.Part, Top = 10 },
        new(SearchMode.LuceneCompatible) { Top = 10, SubResults = false },
    ];

    [Fact]
    public void Without_sub_results_the_hits_scores_and_counts_are_the_same_and_no_part_is_returned()
    {
        (CorpusSearch search, string[] queries) = Corpus.Value;
        int compared = 0;
        foreach (string query in queries)
        {
            foreach (SearchOptions options in Options.Where(o => o.SubResults))
            {
                using SearchResults full = search.Search(query, options);
                using SearchResults bare = search.Search(query, options with { SubResults = false });
                Assert.Equal(full.TotalCount, bare.TotalCount);
                Assert.Equal(full.Hits.Length, bare.Hits.Length);
                for (int i = 0; i < full.Hits.Length; i++)
                {
                    RankedHit a = full.Hits[i], b = bare.Hits[i];
                    Assert.Equal((a.ArticleIndex, a.Score), (b.ArticleIndex, b.Score));
                    Assert.Equal(options.Unit == SearchUnit.Part ? a.BlockIndex : -1, b.BlockIndex);
                    Assert.True(bare.GetParts(b).IsEmpty);
                    compared++;
                }
            }
        }

        Assert.True(compared > 1_000, compared + " hits compared");
    }

    [Fact]
    public void Queries_over_1000_articles_allocate_zero_bytes_in_steady_state()
    {
        (CorpusSearch search, string[] queries) = Corpus.Value;
        long first = RunAll(search, queries, out int hits);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        long second = RunAll(search, queries, out _);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{queries.Length * Options.Length} searches and counts, {hits} hits read, {elapsed.TotalMilliseconds:F1} ms, {allocated} B");
        Assert.Equal(first, second);
        Assert.True(hits > 30_000, $"only {hits} hits: the result sets are not large");
        Assert.Equal(0, allocated);
    }

    private static long RunAll(CorpusSearch search, string[] queries, out int hits)
    {
        long sum = 0;
        hits = 0;
        foreach (string query in queries)
        {
            foreach (SearchOptions options in Options)
            {
                sum += search.Count(query, options);
                using SearchResults results = search.Search(query, options);
                sum = (sum * 31) + results.TotalCount + results.AuthorFacets.Length + results.YearFacets.Length;
                foreach (RankedHit hit in results.Hits)
                {
                    hits++;
                    sum = (sum * 31) + hit.ArticleIndex + BitConverter.SingleToInt32Bits(hit.Score);
                    foreach (PartHit part in results.GetParts(hit))
                    {
                        sum += results.GetHighlights(part).Length;
                    }
                }
            }
        }

        return sum;
    }

    private static (CorpusSearch, string[]) Build()
    {
        IReadOnlyList<SyntheticArticle> articles = SyntheticCorpus.SyntheticCorpus.Generate(1_000, Vocabulary.FromSeed());
        CorpusSearch search = SectionIndexData.Search(articles.Select(a => (a.FileName, a.Text)));

        // Words by frequency in the generated text: frequent, middling and rare ones, and phrases taken from the text.
        var words = articles
            .SelectMany(a => a.Text.Split([' ', '\n', '،', '.', '“', '”', '[', ']', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 2 && !w.Contains('|', StringComparison.Ordinal) && !w.Contains('#', StringComparison.Ordinal))
            .GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        string frequent = words[0], second = words[1], middling = words[words.Count / 4], rare = words[^1];
        string[] sentence = articles[7].Text.Split('\n').MaxBy(l => l.Length)!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] queries =
        [
            frequent, second, middling, rare,
            frequent + " " + second,
            frequent + " OR " + middling,
            "\"" + sentence[1] + " " + sentence[2] + "\"",
            frequent[..3] + "*",
            frequent + " -" + second,
            "(" + middling + " OR " + rare + ") " + frequent,
            "zzzzzz",
        ];
        return (search, queries);
    }
}
