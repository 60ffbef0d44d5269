using System;
using System.Collections.Generic;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The peer: Lucene.NET 4.8, <c>ArabicAnalyzer</c>, <see cref="BM25Similarity"/> (k1 1.2, b 0.75) over an
/// in-memory <see cref="RAMDirectory"/> merged to one segment (the best case for a static corpus). One
/// document per article: field "title" and field "body" (each block a value, 1,000 positions apart), a
/// stored "id"; what our <see cref="SearchMode.LuceneCompatible"/> article ranking matches (the parity test,
/// tests/CorpusSdk.Generators.Tests/LuceneRankingParityTests.cs, proves the same top 10).
/// </summary>
internal sealed class LuceneIndex
{
    public const float TitleWeight = 2f;
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Dictionary<int, LuceneIndex> Cache = [];
    private static readonly ISet<string> IdOnly = new HashSet<string> { "id" };

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;

    public LuceneIndex(IEnumerable<(string Title, IReadOnlyList<string> Blocks)> articles)
    {
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, new GapAnalyzer()) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            int id = 0;
            foreach ((string title, IReadOnlyList<string> blocks) in articles)
            {
                var document = new Document
                {
                    new StoredField("id", id++),
                    new TextField("title", title, Field.Store.NO),
                };
                foreach (string block in blocks)
                {
                    document.Add(new TextField("body", block, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IndexSearcher Searcher { get; }

    public int MaxDoc => _reader.MaxDoc;

    /// <summary>The index's size in memory (the files Lucene would write).</summary>
    public long SizeInBytes => _directory.GetSizeInBytes();

    /// <summary>One index per corpus for the whole run: built once, before measuring.</summary>
    public static LuceneIndex For(int articles)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(articles, out LuceneIndex? index))
            {
                index = new LuceneIndex(Corpora.Texts(articles));
                Cache.Add(articles, index);
            }

            return index;
        }
    }

    /// <summary>
    /// The query object for a query class, built once (no parsing in the measured call: Lucene's fastest way):
    /// each word SHOULD(title^2, body), a phrase the same with phrase queries, AND = MUST clauses,
    /// OR = SHOULD clauses, exclusion = MUST_NOT, prefix = prefix queries on both fields.
    /// </summary>
    public static Query Build(string name) => name switch
    {
        Queries.Frequent => Word("كيري"),
        Queries.Middling => Word("تطالب"),
        Queries.Rare => Word("2132"),
        Queries.Phrase => Word("كيري المعارضة"),
        Queries.And => new BooleanQuery { { Word("روسيا"), Occur.MUST }, { Word("تطالب"), Occur.MUST } },
        Queries.Or => new BooleanQuery { { Word("تطالب"), Occur.SHOULD }, { Word("انخراط"), Occur.SHOULD } },
        Queries.Prefix => Fields(field => new PrefixQuery(new Term(field, "تسريب"))),
        Queries.Exclusion => new BooleanQuery { { Word("كيري"), Occur.MUST }, { Word("روسيا"), Occur.MUST_NOT } },
        Queries.Miss => Word("بيتزا"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown query."),
    };

    /// <summary>Top 10 under BM25, reading the 10 stored ids.</summary>
    public int Top10(Query query)
    {
        TopDocs top = Searcher.Search(query, 10);
        int checksum = top.TotalHits;
        foreach (ScoreDoc hit in top.ScoreDocs)
        {
            checksum += Searcher.Doc(hit.Doc, IdOnly).GetField("id").GetInt32Value() ?? 0;
        }

        return checksum;
    }

    /// <summary>The stored ids of the top 10 (checks).</summary>
    public List<int> Top10Ids(Query query)
    {
        var ids = new List<int>();
        foreach (ScoreDoc hit in Searcher.Search(query, 10).ScoreDocs)
        {
            ids.Add(Searcher.Doc(hit.Doc, IdOnly).GetField("id").GetInt32Value() ?? -1);
        }

        return ids;
    }

    /// <summary>The number of matching documents (no scores kept, no priority queue).</summary>
    public int Count(Query query)
    {
        var collector = new TotalHitCountCollector();
        Searcher.Search(query, collector);
        return collector.TotalHits;
    }

    /// <summary>Text analysed as the index was: one term a TermQuery, several a PhraseQuery at their positions; on both fields.</summary>
    private static BooleanQuery Word(string text)
    {
        var terms = new List<(string Term, int Position)>();
        using (var analyzer = new ArabicAnalyzer(Version))
        using (TokenStream stream = analyzer.GetTokenStream("body", text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            int position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                terms.Add((term.ToString(), position));
            }

            stream.End();
        }

        return Fields(field =>
        {
            if (terms.Count == 1)
            {
                return new TermQuery(new Term(field, terms[0].Term));
            }

            var phrase = new PhraseQuery();
            foreach (var (t, position) in terms)
            {
                phrase.Add(new Term(field, t), position - terms[0].Position);
            }

            return phrase;
        });
    }

    private static BooleanQuery Fields(Func<string, Query> make)
    {
        Query title = make("title");
        title.Boost = TitleWeight;
        return new BooleanQuery { { title, Occur.SHOULD }, { make("body"), Occur.SHOULD } };
    }

    /// <summary>ArabicAnalyzer with a gap of 1,000 positions between the blocks of the body.</summary>
    private sealed class GapAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        private readonly ArabicAnalyzer _arabic = new(Version);

        public override int GetPositionIncrementGap(string fieldName) => 1000;

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => _arabic;
    }
}
