using System.Diagnostics;
using System.Globalization;
using CorpusSdk;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Corpus = ScaleCorpus.Corpus;

// Run-time side of benchmarks/scale/run.sh; appends "key value" lines to the results file given as argument.
// Everything is measured in this one process, ours first (the first query is the first thing it does), then Lucene.NET.
DateTime processStart = Process.GetCurrentProcess().StartTime;
double startToMain = (DateTime.Now - processStart).TotalMilliseconds;
var firstWatch = Stopwatch.StartNew();
int firstHits = Corpus.Count(Queries.Term, Ours.Parts);
double firstFromMain = firstWatch.Elapsed.TotalMilliseconds;
double firstFromStart = (DateTime.Now - processStart).TotalMilliseconds;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string results = args.Length > 0 ? args[0] : "results.txt";
var lines = new List<string>
{
    $"start_to_main_ms {startToMain:F0}",
    $"first_query_ms {firstFromStart:F0}",
    $"first_query_from_main_ms {firstFromMain:F0}",
    $"articles {Corpus.Articles.Count}",
};

// Ours: query string to the 10 best parts (as Lucene's documents here are parts), their highlights read, and the
// number of matching parts; Count for the absent term (a lookup only).
long allocated = 0;
var term = Measure.Run(() => Ours.Top10(Queries.Term));
var absent = Measure.Run(() => Corpus.Count(Queries.Absent));
var phrase = Measure.Run(() => Ours.Top10(Queries.Phrase));
var prefix = Measure.Run(() => Ours.Top10(Queries.Prefix));
var snippets = Measure.Run(Ours.Snippets);
var traverse = Measure.Run(Ours.Traverse, budgetMs: 2000);
foreach (var m in new[] { term, absent, phrase, prefix, snippets })
{
    allocated = Math.Max(allocated, m.BytesPerCall);
}

if (firstHits != term.Result)
{
    throw new InvalidOperationException($"Count says {firstHits} parts, the ranked search {term.Result}.");
}

lines.AddRange(
[
    $"q_term_us {term.Microseconds:F2}", $"q_term_hits {term.Result}",
    $"q_absent_us {absent.Microseconds:F3}",
    $"q_phrase_us {phrase.Microseconds:F2}", $"q_phrase_hits {phrase.Result}",
    $"q_prefix_us {prefix.Microseconds:F2}", $"q_prefix_hits {prefix.Result}",
    $"snippet_ns_per_hit {snippets.Microseconds * 1000 / Math.Max(1, snippets.Result):F0}", $"snippet_hits {snippets.Result}",
    $"q_alloc_bytes {allocated}",
    $"traverse_ms {traverse.Microseconds / 1000:F1}", $"traverse_alloc_bytes {traverse.BytesPerCall}",
]);

// Lucene.NET 4.8, ArabicAnalyzer, RAMDirectory, one document per title and block, merged to one segment.
GC.Collect();
var buildWatch = Stopwatch.StartNew();
using var lucene = new LuceneCorpus(Corpus.Articles);
double luceneBuild = buildWatch.Elapsed.TotalMilliseconds;
var lTerm = Measure.Run(() => lucene.Count(Queries.Term));
var lAbsent = Measure.Run(() => lucene.Count(Queries.Absent));
var lPhrase = Measure.Run(() => lucene.Count(Queries.Phrase));
var lPrefix = Measure.Run(() => lucene.Count(Queries.Prefix));
lines.AddRange(
[
    $"lucene_build_ms {luceneBuild:F0}",
    $"lucene_index_mb {lucene.IndexBytes / 1048576.0:F1}",
    $"l_term_us {lTerm.Microseconds:F2}", $"l_term_hits {lTerm.Result}",
    $"l_absent_us {lAbsent.Microseconds:F3}",
    $"l_phrase_us {lPhrase.Microseconds:F2}", $"l_phrase_hits {lPhrase.Result}",
    $"l_prefix_us {lPrefix.Microseconds:F2}", $"l_prefix_hits {lPrefix.Result}",
    $"l_alloc_bytes {Math.Max(lTerm.BytesPerCall, lPhrase.BytesPerCall)}",
]);

File.AppendAllLines(results, lines);
Console.WriteLine(string.Join(Environment.NewLine, lines));
return 0;

/// <summary>The queries, the same at every N (words of the real seed, which every synthetic corpus draws from).</summary>
internal static class Queries
{
    public const string Term = "المعارضة";
    public const string Absent = "قسطنطينيات";
    public const string Phrase = "\"الولايات المتحدة\"";
    public const string Prefix = "تسريب*";
    public const string Snippet = "كيري";
}

internal static class Ours
{
    private static readonly char[] Buffer = new char[200];

    /// <summary>Parts ranked (title and blocks as documents, as Lucene's index here), the 10 best, default mode.</summary>
    public static readonly SearchOptions Parts = new() { Unit = SearchUnit.Part, Top = 10 };

    /// <summary>The 10 best parts of <paramref name="query"/>, their highlights read; returns the number of matching parts.</summary>
    public static int Top10(string query)
    {
        using SearchResults results = Corpus.Search(query, Parts);
        long checksum = 0;
        foreach (RankedHit hit in results.Hits)
        {
            foreach (PartHit part in results.GetParts(hit))
            {
                foreach (SearchHit highlight in results.GetHighlights(part))
                {
                    checksum += highlight.ArticleIndex + highlight.BlockIndex + highlight.Start + highlight.Length;
                }
            }
        }

        return checksum < 0 ? -1 : results.TotalCount;
    }

    /// <summary>A keyword-in-context snippet of every highlight of the 10 best parts for <see cref="Queries.Snippet"/>.</summary>
    public static int Snippets()
    {
        int snippets = 0;
        using SearchResults results = Corpus.Search(Queries.Snippet, Parts);
        foreach (RankedHit hit in results.Hits)
        {
            foreach (PartHit part in results.GetParts(hit))
            {
                foreach (SearchHit highlight in results.GetHighlights(part))
                {
                    if (Corpus.TryWriteSnippet(highlight, Buffer, out int written) && written > 0)
                    {
                        snippets++;
                    }
                }
            }
        }

        return snippets;
    }

    /// <summary>Every article, block, quotation and link, their text read.</summary>
    public static int Traverse()
    {
        long sum = 0;
        foreach (Article article in Corpus.Articles)
        {
            sum += article.Title.Length + article.Author.Length + article.WordCount;
            foreach (Block block in article.Blocks)
            {
                ReadOnlySpan<char> text = block.Text.Span;
                sum += text.Length + (text.Length > 0 ? text[^1] : 0);
            }

            foreach (Quote quote in article.Quotes)
            {
                sum += quote.Text.Length;
            }

            foreach (Link link in article.Links)
            {
                sum += link.Text.Length + link.Target.Length;
            }
        }

        return (int)(sum & int.MaxValue);
    }
}

/// <summary>Median time of repeated calls, in batches long enough for the clock; allocation per call.</summary>
internal readonly record struct Measure(double Microseconds, long BytesPerCall, int Result)
{
    public static Measure Run(Func<int> action, int budgetMs = 600)
    {
        int result = action();
        for (int i = 0; i < 3; i++)
        {
            action();
        }

        // Batch size: enough calls for about 50 µs per sample.
        var watch = Stopwatch.StartNew();
        action();
        double once = Math.Max(watch.Elapsed.TotalMicroseconds, 0.01);
        int batch = (int)Math.Clamp(50 / once, 1, 100_000);

        var samples = new List<double>();
        long bytes = 0, calls = 0;
        var budget = Stopwatch.StartNew();
        while (samples.Count < 9 || (budget.ElapsedMilliseconds < budgetMs && samples.Count < 2000))
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            for (int i = 0; i < batch; i++)
            {
                action();
            }

            double elapsed = watch.Elapsed.TotalMicroseconds;
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            calls += batch;
            samples.Add(elapsed / batch);
        }

        samples.Sort();
        return new Measure(samples[samples.Count / 2], bytes / calls, result);
    }
}

/// <summary>The peer, built the way a .NET user would for a static corpus.</summary>
internal sealed class LuceneCorpus : IDisposable
{
    private const string Field = "text";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly ArabicAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly QueryParser _parser;

    /// <summary>The index's bytes after the merge (one mode, no positions' offsets, compressed).</summary>
    public long IndexBytes { get; }

    public LuceneCorpus(ArticleCollection articles)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE }))
        {
            var field = new TextField(Field, string.Empty, Lucene.Net.Documents.Field.Store.NO);
            var document = new Document { field };
            foreach (Article article in articles)
            {
                field.SetStringValue(article.Title.ToString());
                writer.AddDocument(document);
                foreach (Block block in article.Blocks)
                {
                    field.SetStringValue(block.ToString());
                    writer.AddDocument(document);
                }
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        IndexBytes = _directory.GetSizeInBytes();
        _parser = new QueryParser(Version, Field, _analyzer) { DefaultOperator = Operator.AND };
    }

    /// <summary>Parses the query and collects every matching document (no scoring kept, no stored fields).</summary>
    public int Count(string query)
    {
        var collector = new CountingCollector();
        _searcher.Search(_parser.Parse(query), collector);
        return collector.Count;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private sealed class CountingCollector : ICollector
    {
        private int _docBase;

        public int Count { get; private set; }

        public long Checksum { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc)
        {
            Count++;
            Checksum += _docBase + doc;
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
    }
}
