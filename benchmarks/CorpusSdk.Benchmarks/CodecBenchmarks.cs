using BenchmarkDotNet.Attributes;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// Issue 11, item 3: the same engine over the same 1,000 synthetic articles, with every integer section in the
/// fixed layout (the baseline), as the generator writes them, and with the block layout wherever it saves a quarter
/// of the bytes, in one run. The indexes are built in memory by the production writer (<see cref="InMemoryCorpus"/>). Three ways to read: the
/// count and the top 10 in Lucene's mode by article (article postings), and the top 10 parts in the default mode
/// with their highlights (part postings and positions).
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private static readonly SearchOptions Parts = new() { Unit = SearchUnit.Part, Top = 10 };

    private CorpusSearch _engine = null!;
    private string _query = string.Empty;

    /// <summary>The layout of the integer sections.</summary>
    [Params(IndexLayout.Fixed, IndexLayout.Written, IndexLayout.AllBlocked, IndexLayout.RawBytes)]
    public IndexLayout Layout { get; set; } = IndexLayout.Written;

    /// <summary>The query class (see <see cref="Queries"/>).</summary>
    [Params(Queries.Frequent, Queries.Middling, Queries.Phrase, Queries.And, Queries.Prefix)]
    public string Query { get; set; } = Queries.Frequent;

    [GlobalSetup]
    public void Setup()
    {
        _query = Queries.Text(Query);
        _engine = InMemoryCorpus.For(1000, Layout).Engine;
    }

    /// <summary>Count, Lucene's mode, articles.</summary>
    [Benchmark]
    public int Count() => _engine.Count(_query, Corpora.Options);

    /// <summary>Top 10 articles, Lucene's mode.</summary>
    [Benchmark]
    public int Top10() => Read(_engine.Search(_query, Corpora.Options), highlights: false);

    /// <summary>Top 10 parts, default mode, highlights read.</summary>
    [Benchmark]
    public int Top10Parts() => Read(_engine.Search(_query, Parts), highlights: true);

    private static int Read(SearchResults results, bool highlights)
    {
        using (results)
        {
            int checksum = results.TotalCount;
            foreach (RankedHit hit in results.Hits)
            {
                checksum += hit.ArticleIndex;
                if (highlights)
                {
                    foreach (PartHit part in results.GetParts(hit))
                    {
                        checksum += results.GetHighlights(part).Length;
                    }
                }
            }

            return checksum;
        }
    }
}
