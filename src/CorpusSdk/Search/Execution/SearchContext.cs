using System;
using System.Threading;
using CorpusSdk.Search.Query;

namespace CorpusSdk.Search.Execution;

/// <summary>A growable array reused across queries: no allocation once it has grown to the largest query's size.</summary>
internal sealed class Buffer<T>
{
    private T[] _items;

    public Buffer(int capacity = 16) => _items = new T[capacity];

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    public void Clear() => Count = 0;

    public void Truncate(int count) => Count = count;

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow(_items.Length * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>Makes room for <paramref name="count"/> items in all and returns the whole array.</summary>
    public T[] Reserve(int count)
    {
        if (count > _items.Length)
        {
            Grow(Math.Max(count, _items.Length * 2));
        }

        return _items;
    }

    public void SetCount(int count) => Count = count;

    public Span<T> AsSpan() => new(_items, 0, Count);

    public Span<T> AsSpan(int start, int length) => new(_items, start, length);

    /// <summary>Array.Copy, not Array.Resize&lt;T&gt;: no generic instantiation of the framework to compile per item type at start-up.</summary>
    private void Grow(int capacity)
    {
        var items = new T[capacity];
        Array.Copy(_items, items, _items.Length);
        _items = items;
    }
}

/// <summary>Plan nodes and their child lists.</summary>
internal sealed class PlanBuffer
{
    private readonly Buffer<PlanNode> _nodes = new(32);
    private readonly Buffer<int> _children = new(32);

    public int Count => _nodes.Count;

    public int ChildCount => _children.Count;

    public ref PlanNode this[int index] => ref _nodes[index];

    public void Clear()
    {
        _nodes.Clear();
        _children.Clear();
    }

    public int Add(PlanKind kind, int queryStart, int queryLength)
    {
        _nodes.Add(new PlanNode { Kind = kind, First = -1, Boost = 1f, QueryStart = queryStart, QueryLength = queryLength });
        return _nodes.Count - 1;
    }

    public void AddChild(int node) => _children.Add(node);

    public int ChildAt(int index) => _children[index];
}

/// <summary>A document (part or article) and its score.</summary>
internal struct ScoredDoc
{
    public int Doc;
    public float Score;

    public ScoredDoc(int doc, float score)
    {
        Doc = doc;
        Score = score;
    }
}

/// <summary>A document of one corpus of several, its score and its sort key (<see cref="MultiCorpusSearch"/>).</summary>
internal struct CorpusDoc
{
    public int Corpus;
    public int Doc;
    public float Score;

    /// <summary>What the hits are ordered by, higher first: the score, the day (newest), minus the day (oldest), or 0 (corpus order).</summary>
    public float Key;
}

/// <summary>
/// Everything one query needs besides the index: parse tree, plan, postings buffers, collectors and the
/// results. One is kept per thread and lent to each query until its <see cref="SearchResults"/> is disposed,
/// so steady-state queries allocate nothing.
/// </summary>
internal sealed class SearchContext
{
    /// <summary>How many idle contexts a thread keeps (searches nested inside another's results need their own).</summary>
    private const int MaxCached = 4;

    [ThreadStatic]
    private static SearchContext? s_cached;

    [ThreadStatic]
    private static int s_cachedCount;

    private int _generation;
    private SearchContext? _next;

    public SyntaxBuffer Syntax { get; } = new();

    public PlanBuffer Plan { get; } = new();

    public Buffer<int> Scratch { get; } = new();

    public Buffer<int> Scratch2 { get; } = new();

    /// <summary>The merged documents of the plan's prefixes.</summary>
    public Buffer<PrefixDoc> Prefixes { get; } = new(64);

    /// <summary>Scratch of a prefix's merge: frequencies per article (title; a part's all) and per article body.</summary>
    public Buffer<int> DenseTitle { get; } = new(64);

    public Buffer<int> DenseBody { get; } = new(64);

    /// <summary>
    /// Per chunk of 2^<see cref="Evaluator.BoundBlockShift"/> articles of a prefix merged through the dense arrays: where
    /// its documents start in <see cref="Prefixes"/>, its largest title and body frequencies (three ints a chunk).
    /// </summary>
    public Buffer<int> PrefixChunks { get; } = new(64);

    public Bm25 Scorer { get; } = new();

    /// <summary>While planning: the collection that gives document frequencies and costs.</summary>
    public QueryCollection Collection { get; set; }

    /// <summary>Scratch of <see cref="QueryCollection.Prefix"/>: per term, its frequencies summed over the corpora.</summary>
    public Buffer<int> CollectionCounts { get; } = new();

    /// <summary>Several corpora: each corpus's best hits, then merged; and the page position of each hit as it was added.</summary>
    public Buffer<CorpusDoc> Merged { get; } = new(16);

    public Buffer<int> PageOrder { get; } = new(16);

    /// <summary>A phrase's words' positions in one article, as (position &lt;&lt; 24 | part).</summary>
    public Buffer<long> PhrasePositions { get; } = new(64);

    /// <summary>A two-word phrase's marks of the second word's positions in one article (a byte each).</summary>
    public Buffer<byte> PhraseSeen { get; } = new(1024);

    /// <summary>A two-word phrase with parts as the unit: its matches in each part of the article at hand.</summary>
    public Buffer<int> PhrasePartCounts { get; } = new(64);

    /// <summary>Free article bitsets for counting (a stack).</summary>
    public Buffer<ulong[]> FreeBits { get; } = new();

    /// <summary>Free doc lists for the evaluator (a stack).</summary>
    public Buffer<Buffer<ScoredDoc>> FreeLists { get; } = new();

    /// <summary>The root's matches, then the filtered matches.</summary>
    public Buffer<ScoredDoc> Matches { get; } = new(256);

    /// <summary>The hits of the page, best first.</summary>
    public Buffer<ScoredDoc> Top { get; } = new(16);

    public Buffer<RankedHit> Hits { get; } = new(16);

    public Buffer<PartHit> Parts { get; } = new(32);

    public Buffer<SearchHit> Highlights { get; } = new(64);

    public Buffer<int> AuthorCounts { get; } = new(16);

    public Buffer<FacetCount> AuthorFacets { get; } = new(16);

    public Buffer<FacetCount> YearFacets { get; } = new(16);

    /// <summary>Positions of one part for highlighting: (position, word count).</summary>
    public Buffer<long> Spans { get; } = new(32);

    /// <summary>The query error of the current results.</summary>
    public QueryError Error { get; set; }

    /// <summary>The root node of the current plan.</summary>
    public int Root { get; set; }

    /// <summary>The number of matches of the current results.</summary>
    public int TotalCount { get; set; }

    /// <summary>Empties the results of the last query.</summary>
    public void ResetResults()
    {
        Error = default;
        TotalCount = 0;
        Matches.Clear();
        Top.Clear();
        Hits.Clear();
        Parts.Clear();
        Highlights.Clear();
        AuthorFacets.Clear();
        YearFacets.Clear();
    }

    /// <summary>Changes whenever the context is lent out, so stale results can tell they are stale.</summary>
    public int Generation => _generation;

    public static SearchContext Rent()
    {
        SearchContext? context = s_cached;
        if (context is null)
        {
            context = new SearchContext();
        }
        else
        {
            s_cached = context._next;
            context._next = null;
            s_cachedCount--;
        }

        Interlocked.Increment(ref context._generation);
        return context;
    }

    /// <summary>Takes the context back (once per lending: a stale or repeated return is ignored) onto this thread's idle stack.</summary>
    public void Return(int generation)
    {
        if (Interlocked.CompareExchange(ref _generation, generation + 1, generation) == generation && s_cachedCount < MaxCached)
        {
            _next = s_cached;
            s_cached = this;
            s_cachedCount++;
        }
    }

    public Buffer<ScoredDoc> RentList()
    {
        if (FreeLists.Count == 0)
        {
            return new Buffer<ScoredDoc>(64);
        }

        Buffer<ScoredDoc> list = FreeLists[FreeLists.Count - 1];
        FreeLists.Truncate(FreeLists.Count - 1);
        list.Clear();
        return list;
    }

    public void ReturnList(Buffer<ScoredDoc> list) => FreeLists.Add(list);

    /// <summary>A bitset of at least <paramref name="words"/> words (not cleared) from the free ones, or a new one.</summary>
    public ulong[] RentBits(int words)
    {
        while (FreeBits.Count > 0)
        {
            ulong[] bits = FreeBits[FreeBits.Count - 1];
            FreeBits.Truncate(FreeBits.Count - 1);
            if (bits.Length >= words)
            {
                return bits;
            }
        }

        return new ulong[words];
    }

    public void ReturnBits(ulong[] bits) => FreeBits.Add(bits);
}
