using BenchmarkDotNet.Attributes;
using Lucene.Net.Search;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// Ranked search (issue 10, item 9): each query class through our compiled index (<c>Corpus.Count</c>,
/// top 10 of <c>Corpus.Search</c>) and through Lucene.NET's fastest way to the same answer (a prebuilt
/// query: <see cref="TotalHitCountCollector"/> for the count, <c>IndexSearcher.Search(query, 10)</c> under
/// BM25 reading the 10 stored ids for the top 10), on 1,000 and 10,000 distinct synthetic articles.
/// Ours parses the query text in every call; Lucene's query object is built once.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private LuceneIndex _lucene = null!;
    private Query _luceneQuery = null!;
    private string _query = string.Empty;

    /// <summary>Distinct synthetic articles in the corpus (10,000: compiled, or indexed in memory; see <see cref="Corpora"/>).</summary>
    [Params(1000, 10000)]
    public int Articles { get; set; }

    /// <summary>The query class (see <see cref="Queries"/>).</summary>
    [Params(Queries.Frequent, Queries.Middling, Queries.Rare, Queries.Phrase, Queries.And, Queries.Or, Queries.Prefix, Queries.Exclusion, Queries.Miss)]
    public string Query { get; set; } = Queries.Frequent;

    [GlobalSetup]
    public void Setup()
    {
        _query = Queries.Text(Query);
        _lucene = LuceneIndex.For(Articles);
        _luceneQuery = LuceneIndex.Build(Query);
    }

    /// <summary>Ours: <c>Corpus.Count(query, options)</c>.</summary>
    [Benchmark]
    public int Ours_Count() => Corpora.Count(Articles, _query);

    /// <summary>Ours: <c>using var r = Corpus.Search(query, options)</c>, the 10 hits read.</summary>
    [Benchmark]
    public int Ours_Top10() => Corpora.Top10(Articles, _query);

    /// <summary>The same answer as Lucene's top 10 (ids and scores), without sub-results and highlights.</summary>
    [Benchmark]
    public int Ours_Top10Hits() => Corpora.Top10(Articles, _query, subResults: false);

    /// <summary>Lucene.NET: <see cref="TotalHitCountCollector"/>.</summary>
    [Benchmark]
    public int Lucene_Count() => _lucene.Count(_luceneQuery);

    /// <summary>Lucene.NET: top 10 under BM25, the 10 stored ids read.</summary>
    [Benchmark(Baseline = true)]
    public int Lucene_Top10() => _lucene.Top10(_luceneQuery);
}
