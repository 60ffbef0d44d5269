using BenchmarkDotNet.Attributes;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The same queries through our compile-time index (<c>Corpus.Count</c>, a full enumeration of
/// <c>Corpus.Search</c>), Lucene.NET (all hits via TopDocs, and a count-only collector) and a naive
/// ordinal scan, on the real seed (Copies = 1) and on 1,000 copies of it.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private LuceneIndex? _lucene;
    private ArticleCollection _articles = null!;
    private string _query = string.Empty;
    private string[] _scan = [];

    /// <summary>Copies of the real seed in the compiled corpus.</summary>
    [Params(1, 1000)]
    public int Copies { get; set; }

    /// <summary>The query (see <see cref="Queries"/>).</summary>
    [Params(Queries.Term, Queries.RareTerm, Queries.Phrase, Queries.Prefix, Queries.AllTerms, Queries.Miss)]
    public string Query { get; set; } = Queries.Term;

    [GlobalSetup]
    public void Setup()
    {
        _articles = Corpora.Articles(Copies);
        _query = Queries.Text(Query);
        _scan = Queries.ScanStrings(Query);
        _lucene = LuceneIndex.For(Copies);
    }

    /// <summary>Ours: <c>Corpus.Count(query)</c>.</summary>
    [Benchmark]
    public int Ours_Count() => Corpora.Count(Copies, _query);

    /// <summary>Ours: <c>foreach (SearchHit hit in Corpus.Search(query))</c>, every field read.</summary>
    [Benchmark]
    public int Ours_Search() => Corpora.Enumerate(Copies, _query);

    /// <summary>Ours: the first hit of <c>Corpus.Search(query)</c> only (does evaluation stop early?).</summary>
    [Benchmark]
    public int Ours_FirstHit() => Corpora.First(Copies, _query);

    /// <summary>Lucene.NET: QueryParser (AND) + IndexSearcher.Search(query, maxDoc), every doc read.</summary>
    [Benchmark(Baseline = true)]
    public int Lucene_TopDocs() => _lucene!.SearchAll(_query);

    /// <summary>Lucene.NET: QueryParser (AND) + TotalHitCountCollector.</summary>
    [Benchmark]
    public int Lucene_Count() => _lucene!.Count(_query);

    /// <summary>Naive: ordinal IndexOf over every title and block.</summary>
    [Benchmark]
    public int Naive_Scan() => NaiveScan.Count(_articles, _scan);
}
