using System;
using System.Collections.Generic;
using System.Linq;
using C1000 = CorpusSdk.Benchmarks.Corpus1000;
#if CORPUS10000
using C10000 = CorpusSdk.Benchmarks.Corpus10000;
#endif

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The compiled synthetic corpora, reached through their generated entry points (<c>Corpus.Count</c>,
/// <c>Corpus.Search</c>) or, for a corpus not compiled, the same engine over its index built in memory (<see cref="InMemoryCorpus"/>), in <see cref="SearchMode.LuceneCompatible"/> with articles as the unit, as Lucene's index.
/// </summary>
internal static class Corpora
{
    /// <summary>The corpus sizes measured.</summary>
    public static readonly int[] Sizes = [1000, 10000];

    /// <summary>The sizes compiled into an assembly (the others: <see cref="InMemoryCorpus"/>).</summary>
#if CORPUS10000
    public static readonly int[] CompiledSizes = [1000, 10000];
#else
    public static readonly int[] CompiledSizes = [1000];
#endif

    /// <summary>Whether the corpus of this size is compiled (else its index is built in memory).</summary>
    public static bool IsCompiled(int articles) => Array.IndexOf(CompiledSizes, articles) >= 0;

    /// <summary>Each article's title and blocks, in corpus order (Lucene's index is made from them).</summary>
    public static IEnumerable<(string Title, IReadOnlyList<string> Blocks)> Texts(int articles) => IsCompiled(articles)
        ? Articles(articles).Select(a => (a.Title.ToString(), (IReadOnlyList<string>)[.. a.Blocks.Select(b => b.ToString())]))
        : InMemoryCorpus.For(articles).Texts;

    /// <summary>The options of every measured query: Lucene's analysis, articles ranked, the 10 best.</summary>
    public static readonly SearchOptions Options = new(SearchMode.LuceneCompatible) { Unit = SearchUnit.Article, Top = 10 };

    /// <summary>The same without sub-results: the 10 best articles and their scores, what Lucene's top 10 gives.</summary>
    public static readonly SearchOptions HitsOnly = Options with { SubResults = false };

    /// <summary>The articles (building them builds every article: for Lucene's index only).</summary>
    public static ArticleCollection Articles(int articles) => articles switch
    {
        1000 => C1000.Corpus.Articles,
#if CORPUS10000
        10000 => C10000.Corpus.Articles,
#endif
        _ => throw new ArgumentOutOfRangeException(nameof(articles), articles, "1000 or 10000."),
    };

    /// <summary>The engine, for statistics and checks.</summary>
    public static CorpusSearch Engine(int articles) => !IsCompiled(articles) ? InMemoryCorpus.For(articles).Engine : articles switch
    {
        1000 => C1000.Corpus.SearchEngine,
#if CORPUS10000
        10000 => C10000.Corpus.SearchEngine,
#endif
        _ => throw new ArgumentOutOfRangeException(nameof(articles), articles, "1000 or 10000."),
    };

    /// <summary>The assembly that holds the corpus and its index.</summary>
    public static string AssemblyPath(int articles) => articles == 1000 ? typeof(C1000.Corpus).Assembly.Location : Location10000();

    /// <summary><c>Corpus.Count(query, options)</c>.</summary>
    public static int Count(int articles, string query) => articles == 1000
        ? C1000.Corpus.Count(query, Options)
        : Count10000(query);

    /// <summary><c>using var r = Corpus.Search(query, options)</c>, the 10 hits read.</summary>
    public static int Top10(int articles, string query, bool subResults = true) => articles == 1000 ? Top10In1000(query, subResults ? Options : HitsOnly) : Top10In10000(query, subResults ? Options : HitsOnly);

    private static int Top10In1000(string query, in SearchOptions options)
    {
        using SearchResults results = C1000.Corpus.Search(query, options);
        int checksum = results.TotalCount;
        foreach (RankedHit hit in results.Hits)
        {
            checksum += hit.ArticleIndex;
        }

        return checksum;
    }

#if CORPUS10000
    private static int Count10000(string query) => C10000.Corpus.Count(query, Options);

    private static int Top10In10000(string query, in SearchOptions options)
    {
        using SearchResults results = C10000.Corpus.Search(query, options);
        int checksum = results.TotalCount;
        foreach (RankedHit hit in results.Hits)
        {
            checksum += hit.ArticleIndex;
        }

        return checksum;
    }

    private static string Location10000() => typeof(C10000.Corpus).Assembly.Location;
#else
    private static int Count10000(string query) => InMemoryCorpus.For(10000).Engine.Count(query, Options);

    private static int Top10In10000(string query, in SearchOptions options)
    {
        using SearchResults results = InMemoryCorpus.For(10000).Engine.Search(query, options);
        int checksum = results.TotalCount;
        foreach (RankedHit hit in results.Hits)
        {
            checksum += hit.ArticleIndex;
        }

        return checksum;
    }

    private static string Location10000() => throw new InvalidOperationException("Built without the 10,000-article corpus.");
#endif
}
