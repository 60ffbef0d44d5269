using System;
using System.Threading;

namespace CorpusSdk.Search.Execution;

/// <summary>Totals of the corpus that BM25 needs, for one way of counting a part's length.</summary>
internal sealed class CorpusStatistics
{
    /// <summary>Tokens in all titles.</summary>
    public long TitleTokens { get; init; }

    /// <summary>Tokens in all blocks.</summary>
    public long BodyTokens { get; init; }

    /// <summary>Titles with at least one token.</summary>
    public int TitleDocs { get; init; }

    /// <summary>Articles whose blocks have at least one token.</summary>
    public int BodyArticles { get; init; }

    /// <summary>Blocks with at least one token.</summary>
    public int BlockDocs { get; init; }

    /// <summary>Each part's length (a title's or a block's), read once so that scoring a document costs no index reads.</summary>
    public required int[] PartLengths { get; init; }

    /// <summary>Each article's title length.</summary>
    public required int[] TitleLengths { get; init; }

    /// <summary>Each article's body length (its blocks' lengths summed).</summary>
    public required int[] BodyLengths { get; init; }

    /// <summary>Per chunk of 2^<see cref="Evaluator.BoundBlockShift"/> articles: the shortest title among those with one (0: none).</summary>
    public required int[] ChunkMinTitles { get; init; }

    /// <summary>Per chunk of 2^<see cref="Evaluator.BoundBlockShift"/> articles: the shortest body among those with one (0: none).</summary>
    public required int[] ChunkMinBodies { get; init; }

    /// <summary>Lucene's norm byte of each part's length (<see cref="SmallFloat.EncodeLength"/>).</summary>
    public required byte[] PartNormBytes { get; init; }

    /// <summary>Lucene's norm byte of each article's title length.</summary>
    public required byte[] TitleNormBytes { get; init; }

    /// <summary>Lucene's norm byte of each article's body length.</summary>
    public required byte[] BodyNormBytes { get; init; }

    private ArticleNorms? _norms;

    /// <summary>
    /// Each article's title and body norm (<see cref="Bm25.TitleNorm"/>, <see cref="Bm25.BodyNorm"/>) for one set of
    /// parameters, so that scoring an article posting reads one float per field. The first parameters asked for are kept
    /// (the same for every query of most applications); others get null and score through the norm tables. Built once,
    /// shared by every thread (a race builds equal tables).
    /// </summary>
    public ArticleNorms? NormsFor(Bm25 scorer)
    {
        ArticleNorms? norms = Volatile.Read(ref _norms);
        if (norms is not null)
        {
            return norms.Matches(scorer) ? norms : null;
        }

        norms = ArticleNorms.Build(scorer, TitleLengths.Length);
        Interlocked.CompareExchange(ref _norms, norms, null);
        norms = Volatile.Read(ref _norms)!;
        return norms.Matches(scorer) ? norms : null;
    }

    public static CorpusStatistics Compute(in IndexView index)
    {
        long title = 0, body = 0;
        int titleDocs = 0, bodyArticles = 0, blockDocs = 0;
        int[] partLengths = new int[index.PartCount];
        int[] titleLengths = new int[index.ArticleCount];
        int[] bodyLengths = new int[index.ArticleCount];
        for (int a = 0; a < index.ArticleCount; a++)
        {
            int first = index.ArticleFirstParts[a];
            int end = index.ArticleFirstParts[a + 1];
            int titleLength = index.PartLength(first);
            partLengths[first] = titleLength;
            titleLengths[a] = titleLength;
            title += titleLength;
            titleDocs += titleLength > 0 ? 1 : 0;
            long articleBody = 0;
            for (int p = first + 1; p < end; p++)
            {
                int length = index.PartLength(p);
                partLengths[p] = length;
                articleBody += length;
                blockDocs += length > 0 ? 1 : 0;
            }

            body += articleBody;
            bodyArticles += articleBody > 0 ? 1 : 0;
            bodyLengths[a] = (int)articleBody;
        }

        byte[] partNorms = new byte[partLengths.Length];
        for (int p = 0; p < partNorms.Length; p++)
        {
            partNorms[p] = SmallFloat.EncodeLength(partLengths[p]);
        }

        byte[] titleNorms = new byte[titleLengths.Length];
        byte[] bodyNorms = new byte[bodyLengths.Length];
        for (int a = 0; a < bodyNorms.Length; a++)
        {
            titleNorms[a] = SmallFloat.EncodeLength(titleLengths[a]);
            bodyNorms[a] = SmallFloat.EncodeLength(bodyLengths[a]);
        }

        int chunkSize = 1 << Evaluator.BoundBlockShift;
        int[] chunkTitles = new int[(titleLengths.Length + chunkSize - 1) / chunkSize];
        int[] chunkBodies = new int[chunkTitles.Length];
        for (int c = 0; c < chunkTitles.Length; c++)
        {
            int minTitle = int.MaxValue, minBody = int.MaxValue;
            for (int a = c * chunkSize; a < Math.Min((c + 1) * chunkSize, titleLengths.Length); a++)
            {
                minTitle = titleLengths[a] > 0 ? Math.Min(minTitle, titleLengths[a]) : minTitle;
                minBody = bodyLengths[a] > 0 ? Math.Min(minBody, bodyLengths[a]) : minBody;
            }

            chunkTitles[c] = minTitle == int.MaxValue ? 0 : minTitle;
            chunkBodies[c] = minBody == int.MaxValue ? 0 : minBody;
        }

        return new CorpusStatistics
        {
            ChunkMinTitles = chunkTitles,
            ChunkMinBodies = chunkBodies,
            TitleTokens = title,
            BodyTokens = body,
            TitleDocs = titleDocs,
            BodyArticles = bodyArticles,
            BlockDocs = blockDocs,
            PartLengths = partLengths,
            TitleLengths = titleLengths,
            BodyLengths = bodyLengths,
            PartNormBytes = partNorms,
            TitleNormBytes = titleNorms,
            BodyNormBytes = bodyNorms,
        };
    }
}

/// <summary>
/// BM25 as Lucene's <c>BM25Similarity</c> computes it, in single precision and in the same order:
/// idf = ln(1 + (N − df + 0.5) / (df + 0.5)), score = idf·boost·(k1 + 1)·tf / (tf + k1·(1 − b + b·len / avgLen)).
/// In <see cref="SearchMode.LuceneCompatible"/> it is Lucene 4.8's exactly: N is the number of documents
/// (maxDoc), avgLen is tokens / N, and a length is what survives Lucene's one-byte norm
/// (<see cref="SmallFloat"/>). In the other modes N and avgLen count only the documents that have the
/// field (as Lucene 7 and later) and lengths are exact.
/// </summary>
internal sealed class Bm25
{
    private readonly float[] _titleNorms = new float[256];
    private readonly float[] _bodyNorms = new float[256];
    private CorpusStatistics? _stats;
    private (float K1, float B, float AverageTitle, float AverageBody) _tablesFor = (float.NaN, 0f, 0f, 0f);

    public float K1 { get; private set; }

    public float B { get; private set; }

    public float TitleWeight { get; private set; }

    public bool Lucene { get; private set; }

    /// <summary>Documents (for idf) that can hold a title term.</summary>
    public long TitleDocs { get; private set; }

    /// <summary>Documents (for idf) that can hold a body term.</summary>
    public long BodyDocs { get; private set; }

    public float AverageTitle { get; private set; }

    public float AverageBody { get; private set; }

    public void Prepare(in SearchOptions options, CorpusStatistics stats, int articleCount, int partCount, bool articles, bool lucene)
    {
        _stats = stats;
        K1 = options.K1;
        B = options.B;
        TitleWeight = options.TitleWeight;
        Lucene = lucene;
        if (lucene)
        {
            long maxDoc = articles ? articleCount : partCount;
            TitleDocs = maxDoc;
            BodyDocs = maxDoc;
            float averageTitle = Average(stats.TitleTokens, maxDoc);
            float averageBody = Average(stats.BodyTokens, maxDoc);
            if (_tablesFor == (K1, B, averageTitle, averageBody))
            {
                // The norm tables of the last query still hold (512 divisions saved: about 0.5 µs a query).
                AverageTitle = averageTitle;
                AverageBody = averageBody;
                return;
            }

            AverageTitle = averageTitle;
            AverageBody = averageBody;
            _tablesFor = (K1, B, averageTitle, averageBody);
            for (int i = 0; i < 256; i++)
            {
                float length = SmallFloat.DecodeLength((byte)i);
                _titleNorms[i] = K1 * ((1 - B) + (B * length / AverageTitle));
                _bodyNorms[i] = K1 * ((1 - B) + (B * length / AverageBody));
            }
        }
        else
        {
            TitleDocs = stats.TitleDocs;
            BodyDocs = articles ? stats.BodyArticles : stats.BlockDocs;
            AverageTitle = Average(stats.TitleTokens, TitleDocs);
            AverageBody = Average(stats.BodyTokens, BodyDocs);
        }
    }

    /// <summary>
    /// Takes the document lengths of one corpus, keeping the totals of <see cref="Prepare"/>: several corpora are scored
    /// with their combined totals and each document with its own corpus's length.
    /// </summary>
    public void UseLengths(CorpusStatistics corpus) => _stats = corpus;

    /// <summary>Lucene's idf (0 when the term is in no document of the field).</summary>
    public static float Idf(long df, long docs) => df <= 0 ? 0f : (float)Math.Log(1 + ((docs - df + 0.5D) / (df + 0.5D)));

    /// <summary>The frequency-independent factor: idf · boost · (k1 + 1).</summary>
    public float Weight(float idf, float boost) => idf * boost * (K1 + 1);

    /// <summary>k1 · (1 − b + b · length / average) for a title or body of <paramref name="length"/> tokens.</summary>
    public float Norm(int length, bool title)
    {
        if (Lucene)
        {
            return (title ? _titleNorms : _bodyNorms)[SmallFloat.EncodeLength(length)];
        }

        return K1 * ((1 - B) + (B * length / (title ? AverageTitle : AverageBody)));
    }

    /// <summary>The corpus's per-chunk shortest titles and bodies (<see cref="CorpusStatistics.ChunkMinTitles"/>), for chunk bounds.</summary>
    public CorpusStatistics Statistics => _stats!;

    /// <summary><see cref="Norm"/> of a part's length (its field: title or body), from the statistics' lengths.</summary>
    public float PartNorm(int part, bool title)
    {
        CorpusStatistics stats = _stats!;
        if (Lucene)
        {
            return (title ? _titleNorms : _bodyNorms)[stats.PartNormBytes[part]];
        }

        return K1 * ((1 - B) + (B * stats.PartLengths[part] / (title ? AverageTitle : AverageBody)));
    }

    /// <summary><see cref="Norm"/> of an article's title length.</summary>
    public float TitleNorm(int article)
    {
        CorpusStatistics stats = _stats!;
        if (Lucene)
        {
            return _titleNorms[stats.TitleNormBytes[article]];
        }

        return K1 * ((1 - B) + (B * stats.TitleLengths[article] / AverageTitle));
    }

    /// <summary><see cref="Norm"/> of an article's body length.</summary>
    public float BodyNorm(int article)
    {
        CorpusStatistics stats = _stats!;
        if (Lucene)
        {
            return _bodyNorms[stats.BodyNormBytes[article]];
        }

        return K1 * ((1 - B) + (B * stats.BodyLengths[article] / AverageBody));
    }

    public static float Score(float weight, float freq, float norm) => weight * freq / (freq + norm);

    private static float Average(long tokens, long docs) => tokens <= 0 || docs <= 0 ? 1f : (float)(tokens / (double)docs);
}

/// <summary>Lucene's one-byte length norm (<c>SmallFloat.floatToByte315</c> of 1/√length) and its decoding.</summary>
internal static class SmallFloat
{
    /// <summary>The norm byte Lucene 4.8 stores for a field of <paramref name="length"/> tokens (boost 1).</summary>
    public static byte EncodeLength(int length) => FloatToByte315(1f / (float)Math.Sqrt(length));

    /// <summary>The length Lucene reads back from a norm byte: 1 / f².</summary>
    public static float DecodeLength(byte norm)
    {
        float f = Byte315ToFloat(norm);
        return 1.0f / (f * f);
    }

    public static byte FloatToByte315(float value)
    {
        int bits = BitConverter.SingleToInt32Bits(value);
        int small = bits >> (24 - 3);
        if (small <= ((63 - 15) << 3))
        {
            return (byte)(bits <= 0 ? 0 : 1);
        }

        if (small >= ((63 - 15) << 3) + 0x100)
        {
            return 255;
        }

        return (byte)(small - ((63 - 15) << 3));
    }

    public static float Byte315ToFloat(byte value)
    {
        if (value == 0)
        {
            return 0f;
        }

        int bits = (value & 0xff) << (24 - 3);
        bits += (63 - 15) << 24;
        return BitConverter.Int32BitsToSingle(bits);
    }
}

/// <summary>Each article's title and body norm for one (k1, b, average lengths, Lucene's norms) (<see cref="CorpusStatistics.NormsFor"/>).</summary>
internal sealed class ArticleNorms(float k1, float b, float averageTitle, float averageBody, bool lucene, float[] title, float[] body)
{
    /// <summary>Each article's <see cref="Bm25.TitleNorm"/>.</summary>
    public float[] Title { get; } = title;

    /// <summary>Each article's <see cref="Bm25.BodyNorm"/>.</summary>
    public float[] Body { get; } = body;

    public static ArticleNorms Build(Bm25 scorer, int articles)
    {
        float[] title = new float[articles];
        float[] body = new float[articles];
        for (int a = 0; a < articles; a++)
        {
            title[a] = scorer.TitleNorm(a);
            body[a] = scorer.BodyNorm(a);
        }

        return new ArticleNorms(scorer.K1, scorer.B, scorer.AverageTitle, scorer.AverageBody, scorer.Lucene, title, body);
    }

    public bool Matches(Bm25 scorer)
        => scorer.K1.Equals(k1) && scorer.B.Equals(b) && scorer.AverageTitle.Equals(averageTitle) && scorer.AverageBody.Equals(averageBody) && scorer.Lucene == lucene;
}
