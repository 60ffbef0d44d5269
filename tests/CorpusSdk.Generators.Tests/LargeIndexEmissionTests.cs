using System.Reflection;
using System.Runtime.Loader;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.Generators.Search;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Index data over the part size is emitted as parts (one property each) joined on first use: the same
/// bytes, so the same hits in every mode, and no allocation per query once joined.
/// </summary>
public sealed class LargeIndexEmissionTests
{
    private static readonly string[] Queries = ["كيري", "\"الولايات المتحدة\"", "تسريب*", "المعارضة", "سوريا لافروف", "قائلا", "Kerry"];

    [Fact]
    public void Index_in_parts_finds_the_same_hits_as_index_in_literals()
    {
        string[] fixtures = ["english-byline.txt", "links-and-quotes.txt", "heading-and-pull-quote.txt", "split-paragraph.txt"];
        AdditionalText[] seeds = [GeneratorHarness.RealSeed(), .. fixtures.Select(GeneratorHarness.FixtureSeed)];
        GeneratorRun run = GeneratorHarness.Run(seeds);
        SyntaxTree literals = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Corpus.Index.g.cs", StringComparison.Ordinal));

        // The same index, emitted with parts of 64 bytes: every array of the index is split.
        var specs = seeds
            .Select(s => (s.Path, Article: SeedParser.Parse(s.Path, s.GetText()!.ToString()).Article!))
            .OrderBy(s => s.Article.Id, StringComparer.Ordinal)
            .Select(s => ArticleIndexer.Index(s.Article, s.Path))
            .ToList();
        List<string> members = specs.Select(s => CSharpEscaper.Identifier(s.Id)).ToList();
        string parted = IndexEmitter.Emit(CorpusIndexBuilder.Build(specs), members, "Consumer", "Corpus", "1.0", partBytes: 64);
        Assert.Contains("Part2 =>", parted, StringComparison.Ordinal);
        Assert.Contains("private static class __PositionsDefault", parted, StringComparison.Ordinal);
        Assert.DoesNotContain("Part0", literals.ToString(), StringComparison.Ordinal);

        Compilation partedCompilation = run.Output.ReplaceSyntaxTree(literals, CSharpSyntaxTree.ParseText(parted, GeneratorHarness.ParseOptions, literals.FilePath));
        Assert.Empty(partedCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        CorpusSearch expected = LoadSearch(run.Output);
        CorpusSearch actual = LoadSearch(partedCompilation);

        int compared = 0;
        foreach (SearchMode mode in Enum.GetValues<SearchMode>())
        {
            foreach (string query in Queries)
            {
                List<SearchHit> hits = Hits(expected, query, mode);
                Assert.Equal(hits, Hits(actual, query, mode));
                compared += hits.Count;
            }
        }

        Assert.True(compared > 50, $"only {compared} hits compared");

        // Joined once (and the query buffers grown once); queries then read the arrays without allocating.
        Hits(actual, "كيري", SearchMode.Default);
        int Counts() => actual.Count("كيري") + actual.Count("\"الولايات المتحدة\"") + actual.Count("تسريب*");
        Counts();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int count = Counts();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(count > 0);
    }

    private static List<SearchHit> Hits(CorpusSearch search, string query, SearchMode mode)
    {
        var hits = new List<SearchHit>();
        using SearchResults results = search.Search(query, new SearchOptions(mode) { Unit = SearchUnit.Part, Sort = SearchSort.CorpusOrder, Top = int.MaxValue });
        foreach (RankedHit hit in results.Hits)
        {
            foreach (PartHit part in results.GetParts(hit))
            {
                hits.AddRange(results.GetHighlights(part).ToArray());
            }
        }

        return hits;
    }

    private static CorpusSearch LoadSearch(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("index-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        Assembly assembly = context.LoadFromStream(stream);
        return (CorpusSearch)assembly.GetType("Consumer.Corpus", throwOnError: true)!.GetProperty("SearchEngine")!.GetValue(null)!;
    }
}
