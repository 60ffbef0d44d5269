using System.Reflection;
using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.Generators.Search;
using CorpusSdk.SyntheticCorpus;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Issue 10, item 2: in <see cref="SearchMode.LuceneCompatible"/> our top 10 equal Lucene.NET 4.8's top 10
/// under <see cref="BM25Similarity"/> (same documents, same order, scores within 1e-4 relative) on 1,000
/// distinct synthetic articles and over 200 queries per unit (terms, phrases, AND, OR), for parts as
/// documents and for articles as documents (title and body fields, title boosted). Our side is production
/// code only: <see cref="SeedParser"/>, <see cref="ArticleIndexer"/>, <see cref="CorpusIndexBuilder"/>,
/// <see cref="IndexEmitter.Sections"/> (served by <see cref="SectionIndexData"/>) and the runtime's <see cref="CorpusSearch"/>.
/// </summary>
public sealed class LuceneRankingParityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Scores must agree to this relative difference.</summary>
    private const double ScoreTolerance = 1e-4;

    /// <summary>Two Lucene scores this close are a tie whose order may differ by the last bit of a sum.</summary>
    private const double TieTolerance = 1e-6;

    [Theory]
    [InlineData(SearchUnit.Part)]
    [InlineData(SearchUnit.Article)]
    public void Top_10_equal_Lucene_BM25(SearchUnit unit)
    {
        ParityCorpus corpus = ParityCorpus.Shared;
        LuceneSide lucene = unit == SearchUnit.Part ? corpus.Parts : corpus.Articles;
        var differences = new List<string>();
        int queries = 0, hits = 0, swaps = 0, matches = 0;
        var byClass = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (ParityQuery query in corpus.Queries)
        {
            // Lucene's top 20: its first 10 are its top 10; the next ones show ties across the 10th place.
            TopDocs expected = lucene.Searcher.Search(LuceneSide.Build(query, ParityCorpus.TitleWeight), 20);
            var options = new SearchOptions(SearchMode.LuceneCompatible) { Unit = unit, Top = 10 };
            using SearchResults actual = corpus.Engine.Search(query.Text, options);
            Assert.True(actual.IsValid, $"{query.Text}: {actual.Error}");

            queries++;
            byClass[query.Kind] = byClass.GetValueOrDefault(query.Kind) + 1;
            matches += expected.TotalHits;
            if (actual.TotalCount != expected.TotalHits)
            {
                differences.Add($"{query.Kind} «{query.Text}»: {actual.TotalCount} matches, Lucene {expected.TotalHits}");
                continue;
            }

            int top = Math.Min(10, expected.ScoreDocs.Length);
            if (actual.Hits.Length != top)
            {
                differences.Add($"{query.Kind} «{query.Text}»: {actual.Hits.Length} hits, Lucene {top}");
                continue;
            }

            var seen = new HashSet<int>();
            for (int i = 0; i < top; i++)
            {
                RankedHit hit = actual.Hits[i];
                int doc = unit == SearchUnit.Part ? corpus.PartId(hit.ArticleIndex, hit.BlockIndex) : hit.ArticleIndex;
                ScoreDoc want = expected.ScoreDocs[i];
                hits++;
                if (!seen.Add(doc))
                {
                    differences.Add($"{query.Kind} «{query.Text}» #{i}: doc {doc} twice");
                    continue;
                }

                if (doc != want.Doc)
                {
                    // Another document is only acceptable as a tie in Lucene's own list.
                    ScoreDoc? tied = expected.ScoreDocs.FirstOrDefault(d => d.Doc == doc);
                    if (tied is null || !Close(tied.Score, want.Score, TieTolerance))
                    {
                        differences.Add($"{query.Kind} «{query.Text}» #{i}: doc {doc} ({hit.Score:R}), Lucene doc {want.Doc} ({want.Score:R})");
                        continue;
                    }

                    swaps++;
                    want = tied;
                }

                if (!Close(hit.Score, want.Score, ScoreTolerance))
                {
                    differences.Add($"{query.Kind} «{query.Text}» #{i}: doc {doc} scores {hit.Score:R}, Lucene {want.Score:R}");
                }
            }
        }

        output.WriteLine($"{unit}: {corpus.ArticleCount} articles, {corpus.PartCount} parts; {queries} queries compared ({string.Join(", ", byClass.Select(p => $"{p.Value} {p.Key}"))}), {matches} matching documents, {hits} top-10 hits compared");
        output.WriteLine($"{unit}: {differences.Count} differences, {swaps} tied hits in swapped order");
        foreach (string difference in differences.Take(40))
        {
            output.WriteLine("  " + difference);
        }

        Assert.True(queries >= 200, $"only {queries} queries");
        Assert.True(hits >= 1_000, $"only {hits} hits compared");
        Assert.True(differences.Count == 0, $"{differences.Count} differences from Lucene, first: {differences.FirstOrDefault()}");
    }

    /// <summary>
    /// Prefixes match what Lucene's PrefixQuery matches (counts only: Lucene scores a prefix as a constant). Short
    /// prefixes of frequent terms merge tens of thousands of postings (summed in an array over all documents), long
    /// ones few (gathered, sorted and merged).
    /// </summary>
    [Theory]
    [InlineData(SearchUnit.Part)]
    [InlineData(SearchUnit.Article)]
    public void Prefix_matches_equal_Lucene(SearchUnit unit)
    {
        ParityCorpus corpus = ParityCorpus.Shared;
        LuceneSide lucene = unit == SearchUnit.Part ? corpus.Parts : corpus.Articles;
        var prefixes = corpus.Queries
            .Where(q => q.Clauses.Count == 1 && q.Clauses[0].Count == 1)
            .Select(q => q.Clauses[0][0].Term)
            .SelectMany(t => new[] { t[..Math.Min(2, t.Length)], t[..Math.Min(3, t.Length)], t })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        int compared = 0, largest = 0;
        foreach (string prefix in prefixes)
        {
            var query = new BooleanQuery { { new PrefixQuery(new Term("title", prefix)), Occur.SHOULD }, { new PrefixQuery(new Term("body", prefix)), Occur.SHOULD } };
            int expected = lucene.Searcher.Search(query, 1).TotalHits;
            int actual = corpus.Engine.Count(prefix + "*", new SearchOptions(SearchMode.LuceneCompatible) { Unit = unit });
            Assert.True(expected == actual, $"{prefix}*: {actual} matches, Lucene {expected}");
            compared++;
            largest = Math.Max(largest, expected);
        }

        output.WriteLine($"{unit}: {compared} prefixes, up to {largest} matching documents each, counts equal to Lucene's");
        Assert.True(compared >= 50 && largest > corpus.ArticleCount / 2, $"{compared} prefixes, largest {largest}");
    }

    [Fact]
    public void Length_norms_equal_Lucene_SmallSingle_for_lengths_0_to_100000()
    {
        // Our SmallFloat is internal to the runtime: its production methods are called through reflection.
        Type smallFloat = typeof(CorpusSearch).Assembly.GetType("CorpusSdk.Search.Execution.SmallFloat", throwOnError: true)!;
        var encode = smallFloat.GetMethod("EncodeLength", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<int, byte>>();
        var decode = smallFloat.GetMethod("DecodeLength", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<byte, float>>();
        var lucene = new ExposedBm25();
        int lengths = 0;
        for (int length = 0; length <= 100_000; length++, lengths++)
        {
            byte expected = lucene.Encode(length);
            Assert.True(expected == encode(length), $"length {length}: norm byte {encode(length)}, Lucene {expected}");
            Assert.Equal(SmallSingle.SingleToByte315(1f / (float)Math.Sqrt(length)), expected);
        }

        for (int b = 0; b < 256; b++)
        {
            float expected = lucene.Decode((byte)b);
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(decode((byte)b)), $"byte {b}: length {decode((byte)b):R}, Lucene {expected:R}");
        }

        output.WriteLine($"{lengths} lengths encoded and 256 norm bytes decoded as Lucene does");
    }

    private static bool Close(double actual, double expected, double relative) =>
        Math.Abs(actual - expected) <= relative * Math.Max(Math.Abs(expected), float.Epsilon);

    /// <summary>Lucene's BM25 norm encoding and decoding, which it keeps protected.</summary>
    private sealed class ExposedBm25 : BM25Similarity
    {
        public byte Encode(int length) => EncodeNormValue(1f, length);

        public float Decode(byte norm) => DecodeNormValue(norm);
    }

    /// <summary>One query: its text in our language and, for Lucene, each clause's analysed terms and positions.</summary>
    internal sealed record ParityQuery(string Kind, string Text, bool And, IReadOnlyList<IReadOnlyList<(string Term, int Position)>> Clauses);

    /// <summary>The 1,000 articles, our engine over their index, both Lucene indexes and the queries; built once.</summary>
    internal sealed class ParityCorpus
    {
        public const int Count = 1_000;
        public const float TitleWeight = 2f;

        private static readonly Lazy<ParityCorpus> Instance = new(() => new ParityCorpus());

        private readonly int[] _firstParts;

        private ParityCorpus()
        {
            // Distinct synthetic articles, parsed and indexed by the production code in the generator's order (by ID),
            // served from memory (SectionIndexData); the same parse, in the same order, for Lucene.
            List<SyntheticArticle> seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(Count, Vocabulary.FromSeed())];
            List<ArticleSpec> articles = seeds
                .Select(a => SeedParser.Parse("/corpus/" + a.FileName, a.Text).Article ?? throw new InvalidOperationException(a.FileName + " did not parse"))
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(Count, articles.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(Count, articles.Select(a => a.Blocks.Count > 0 ? a.Blocks[0].Text : a.Title).Distinct(StringComparer.Ordinal).Count());
            Engine = SectionIndexData.Search(seeds.Select(a => ("/corpus/" + a.FileName, a.Text)));

            _firstParts = new int[articles.Count];
            for (int a = 0, part = 0; a < articles.Count; part += 1 + articles[a].Blocks.Count, a++)
            {
                _firstParts[a] = part;
            }

            ArticleCount = articles.Count;
            PartCount = articles.Sum(a => 1 + a.Blocks.Count);
            Parts = LuceneSide.Create(articles, byPart: true);
            Articles = LuceneSide.Create(articles, byPart: false);
            Queries = QuerySampler.Sample(articles);
        }

        public static ParityCorpus Shared => Instance.Value;

        public CorpusSearch Engine { get; }

        public int ArticleCount { get; }

        public int PartCount { get; }

        public LuceneSide Parts { get; }

        public LuceneSide Articles { get; }

        public IReadOnlyList<ParityQuery> Queries { get; }

        /// <summary>The Lucene document of a part: parts are added title first, then blocks, article after article.</summary>
        public int PartId(int article, int block) => _firstParts[article] + 1 + block;
    }

    /// <summary>A Lucene.NET index of the corpus, by part or by article, and its searcher (BM25, default k1 and b).</summary>
    internal sealed class LuceneSide
    {
        private LuceneSide(IndexSearcher searcher) => Searcher = searcher;

        public IndexSearcher Searcher { get; }

        public static LuceneSide Create(IReadOnlyList<ArticleSpec> articles, bool byPart)
        {
            var directory = new RAMDirectory();
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new GapAnalyzer())
            {
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 512,
                MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
                MergePolicy = new LogByteSizeMergePolicy(), // merges neighbours only: document numbers stay in insertion order
            };
            int id = 0;
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (ArticleSpec article in articles)
                {
                    if (byPart)
                    {
                        writer.AddDocument(Doc(id++, ("title", article.Title)));
                        foreach (BlockSpec block in article.Blocks)
                        {
                            writer.AddDocument(Doc(id++, ("body", block.Text)));
                        }
                    }
                    else
                    {
                        writer.AddDocument(Doc(id++, [("title", article.Title), .. article.Blocks.Select(b => ("body", b.Text))]));
                    }
                }

                writer.ForceMerge(1);
            }

            var reader = DirectoryReader.Open(directory);
            Assert.Equal(id, reader.MaxDoc);
            for (int doc = 0; doc < reader.MaxDoc; doc += 97)
            {
                Assert.Equal(doc, reader.Document(doc).GetField("id").GetInt32Value());
            }

            return new LuceneSide(new IndexSearcher(reader) { Similarity = new BM25Similarity() });

            static Document Doc(int id, params (string Field, string Text)[] fields)
            {
                var document = new Document { new StoredField("id", id) };
                foreach (var (field, text) in fields)
                {
                    document.Add(new TextField(field, text, Lucene.Net.Documents.Field.Store.NO));
                }

                return document;
            }
        }

        /// <summary>
        /// A word or phrase: SHOULD(title, boosted) + SHOULD(body), each a TermQuery or a PhraseQuery at the
        /// analyser's positions; several clauses: MUST each (AND) or SHOULD each (OR).
        /// </summary>
        public static Query Build(ParityQuery query, float titleWeight)
        {
            if (query.Clauses.Count == 1)
            {
                return Word(query.Clauses[0], titleWeight);
            }

            var all = new BooleanQuery();
            foreach (var clause in query.Clauses)
            {
                all.Add(Word(clause, titleWeight), query.And ? Occur.MUST : Occur.SHOULD);
            }

            return all;
        }

        private static BooleanQuery Word(IReadOnlyList<(string Term, int Position)> terms, float titleWeight)
        {
            Query title = Field("title", terms);
            title.Boost = titleWeight;
            return new BooleanQuery { { title, Occur.SHOULD }, { Field("body", terms), Occur.SHOULD } };
        }

        private static Query Field(string field, IReadOnlyList<(string Term, int Position)> terms)
        {
            if (terms.Count == 1)
            {
                return new TermQuery(new Term(field, terms[0].Term));
            }

            var phrase = new PhraseQuery();
            foreach (var (term, position) in terms)
            {
                phrase.Add(new Term(field, term), position);
            }

            return phrase;
        }
    }

    /// <summary>ArabicAnalyzer with a gap of 1,000 positions between the values of a multi-valued field.</summary>
    private sealed class GapAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        private readonly ArabicAnalyzer _arabic = new(LuceneVersion.LUCENE_48);

        public override int GetPositionIncrementGap(string fieldName) => 1000;

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => _arabic;
    }

    /// <summary>A token as Lucene's ArabicAnalyzer gives it, with the text it came from.</summary>
    internal readonly record struct LuceneToken(string Term, string Surface, int Start, int End, int Position);

    /// <summary>A part's text and its Lucene tokens.</summary>
    internal sealed record AnalysedPart(string Text, List<LuceneToken> Tokens)
    {
        public int Count => Tokens.Count;

        public LuceneToken this[int index] => Tokens[index];
    }

    /// <summary>Queries drawn deterministically from the corpus: terms by frequency band, phrases from the text, AND and OR pairs.</summary>
    private static class QuerySampler
    {
        public static List<ParityQuery> Sample(IReadOnlyList<ArticleSpec> articles)
        {
            var random = new Random(10_02);
            List<AnalysedPart[]> tokens = articles
                .Select(a => (AnalysedPart[])[Part(a.Title), .. a.Blocks.Select(b => Part(b.Text))])
                .ToList();

            // The vocabulary: each term's part frequency and a word of the text that analyses to it alone.
            var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
            var surface = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (AnalysedPart part in tokens.SelectMany(t => t))
            {
                foreach (string term in part.Tokens.Select(t => t.Term).Distinct(StringComparer.Ordinal))
                {
                    frequency[term] = frequency.GetValueOrDefault(term) + 1;
                }

                foreach (LuceneToken token in part.Tokens)
                {
                    if (!surface.ContainsKey(token.Term) && IsQueryWord(token.Surface, token.Term))
                    {
                        surface[token.Term] = token.Surface;
                    }
                }
            }

            List<string> byFrequency = surface.Keys.OrderByDescending(t => frequency[t]).ThenBy(t => t, StringComparer.Ordinal).ToList();
            int n = byFrequency.Count;
            var queries = new List<ParityQuery>();
            AddTerms("frequent term", byFrequency.Take(Math.Max(30, n / 50)).ToList());
            AddTerms("middling term", byFrequency.Skip(n / 4).Take(n / 2).ToList());
            AddTerms("rare term", byFrequency.Where(t => frequency[t] <= 3).ToList());

            // Phrases: two neighbouring words of a part, and words with a stop word between them (a gap).
            for (int attempts = 0, added = 0; added < 40 && attempts < 10_000; attempts++)
            {
                AnalysedPart part = RandomPart(tokens, random);
                if (part.Count < 2)
                {
                    continue;
                }

                int i = random.Next(part.Count - 1);
                LuceneToken first = part[i], second = part[i + 1];
                int gap = second.Position - first.Position;
                if (gap > 2 || (added % 4 == 3) != (gap == 2) || !IsQueryWord(first.Surface, first.Term) || !IsQueryWord(second.Surface, second.Term))
                {
                    continue; // every fourth phrase has a stop word inside
                }

                // The words as the text has them, with the stop word between them when there is one.
                string text = string.Join(' ', part.Text[first.Start..second.End].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                List<LuceneToken> analysed = Analyze(text);
                if (!text.All(c => c == ' ' || IsWordChar(c)) || analysed.Count != 2 || analysed[1].Position - analysed[0].Position != gap)
                {
                    continue;
                }

                queries.Add(new ParityQuery(gap == 2 ? "phrase with a stop word" : "phrase", "\"" + text + "\"", And: true, [[(analysed[0].Term, 0), (analysed[1].Term, gap)]]));
                added++;
            }

            // AND: two words of one part, or of two parts of one article; OR: two words from anywhere.
            for (int attempts = 0, added = 0; added < 40 && attempts < 10_000; attempts++)
            {
                int article = random.Next(tokens.Count);
                AnalysedPart[] parts = tokens[article];
                AnalysedPart a = parts[random.Next(parts.Length)];
                AnalysedPart b = added % 2 == 0 ? a : parts[random.Next(parts.Length)];
                if (a.Count == 0 || b.Count == 0)
                {
                    continue;
                }

                LuceneToken x = a[random.Next(a.Count)], y = b[random.Next(b.Count)];
                if (x.Term != y.Term && IsQueryWord(x.Surface, x.Term) && IsQueryWord(y.Surface, y.Term))
                {
                    queries.Add(new ParityQuery("AND", x.Surface + " " + y.Surface, And: true, [[(x.Term, 0)], [(y.Term, 0)]]));
                    added++;
                }
            }

            for (int added = 0; added < 40; added++)
            {
                string x = byFrequency[random.Next(n)], y = byFrequency[random.Next(n)];
                if (x != y)
                {
                    queries.Add(new ParityQuery("OR", surface[x] + " OR " + surface[y], And: false, [[(x, 0)], [(y, 0)]]));
                }
            }

            // A word twice: AND (Lucene adds both clauses), OR, and a phrase of the word repeated.
            foreach (string term in byFrequency.Take(3).Concat(byFrequency.Skip(n / 2).Take(3)))
            {
                string w = surface[term];
                queries.Add(new ParityQuery("word twice", w + " " + w, And: true, [[(term, 0)], [(term, 0)]]));
                queries.Add(new ParityQuery("word twice", w + " OR " + w, And: false, [[(term, 0)], [(term, 0)]]));
                queries.Add(new ParityQuery("word twice", "\"" + w + " " + w + "\"", And: true, [[(term, 0), (term, 1)]]));
            }

            return queries;

            void AddTerms(string kind, List<string> band)
            {
                for (int i = 0; i < 30 && band.Count > 0; i++)
                {
                    string term = band[(int)((long)i * band.Count / 30)];
                    queries.Add(new ParityQuery(kind, surface[term], And: true, [[(term, 0)]]));
                }
            }
        }

        private static AnalysedPart RandomPart(List<AnalysedPart[]> tokens, Random random)
        {
            AnalysedPart[] parts = tokens[random.Next(tokens.Count)];
            return parts[random.Next(parts.Length)];
        }

        private static AnalysedPart Part(string text) => new(text, Analyze(text));

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

        /// <summary>A word our query language reads as a plain word and Lucene analyses to this one term.</summary>
        private static bool IsQueryWord(string surface, string term)
        {
            if (surface.Length == 0 || surface == "OR" || !surface.All(IsWordChar))
            {
                return false;
            }

            List<LuceneToken> analysed = Analyze(surface);
            return analysed.Count == 1 && analysed[0].Term == term;
        }

        public static List<LuceneToken> Analyze(string text) =>
            LuceneAnalysis.Tokens(text).Select(t => new LuceneToken(t.Term, text[t.Start..t.End], t.Start, t.End, t.Position)).ToList();
    }
}
