using System;

namespace CorpusSdk.Search.Execution;

/// <summary>A term's counts in the collection: document frequencies per field and unit, and its postings (the planner's cost).</summary>
internal struct TermCounts
{
    /// <summary>Articles whose title has the term.</summary>
    public int TitleArticles;

    /// <summary>Articles whose body has the term.</summary>
    public int BodyArticles;

    /// <summary>Blocks that have the term.</summary>
    public int Blocks;

    /// <summary>Part postings of the term.</summary>
    public long Postings;

    public void Add(in ModeView view, int term)
    {
        TitleArticles += view.TermTitleArticles[term];
        BodyArticles += view.TermBodyArticles[term];
        Blocks += view.TermBlocks[term];
        Postings += view.TermPostings[term + 1] - view.TermPostings[term];
    }
}

/// <summary>
/// The collection a query is weighed against, as Lucene's <c>IndexSearcher</c> weighs a query against its top reader:
/// the corpus searched alone (<see cref="Alone"/>), or every corpus of a <see cref="MultiCorpusSearch"/>. The planner
/// takes each term's document frequencies and cost from it, summed over the corpora (Lucene's <c>TermContext</c> built
/// over every leaf), and keeps a leaf for a term that only another corpus has (with empty postings here), so every
/// corpus gets the plan, weights and clause order that one index of them all would, and scores exactly as its share of it.
/// </summary>
internal readonly struct QueryCollection
{
    private readonly CorpusIndexData[]? _corpora;
    private readonly int _self;

    /// <param name="corpora">Every corpus searched.</param>
    /// <param name="self">The one being planned.</param>
    public QueryCollection(CorpusIndexData[] corpora, int self)
    {
        _corpora = corpora;
        _self = self;
    }

    /// <summary>The corpus searched on its own.</summary>
    public static QueryCollection Alone => default;

    /// <summary>
    /// Looks up a term of source <paramref name="source"/> (0: the query's mode, 1: normalized): its number in this
    /// corpus (<paramref name="local"/>, -1 when only another corpus has it) and its counts in the collection.
    /// False when no corpus has it.
    /// </summary>
    public bool Find(in IndexView index, int source, ReadOnlySpan<char> term, Span<byte> bytes, out int local, out TermCounts counts)
    {
        ref readonly ModeView view = ref index.Source(source);
        counts = default;
        local = view.Find(term, bytes);
        bool found = local >= 0;
        if (found)
        {
            counts.Add(view, local);
        }

        if (_corpora is null)
        {
            return found;
        }

        SearchMode mode = source == 0 ? index.Mode : SearchMode.Normalized;
        for (int c = 0; c < _corpora.Length; c++)
        {
            if (c == _self)
            {
                continue;
            }

            var other = new ModeView(_corpora[c], mode);
            int t = other.Find(term, bytes);
            if (t >= 0)
            {
                counts.Add(other, t);
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// The collection's counts for a prefix whose terms in this corpus are [<paramref name="first"/>, <paramref name="end"/>)
    /// of the query mode's dictionary: the postings of all its terms, and the largest document frequencies of one term,
    /// a term's frequencies summed over the corpora (as one dictionary would hold it). False when no corpus has a term.
    /// </summary>
    public bool Prefix(SearchContext context, in IndexView index, ReadOnlySpan<char> prefix, Span<byte> bytes, int first, int end, out TermCounts counts)
    {
        counts = default;
        if (_corpora is null)
        {
            ref readonly ModeView view = ref index.Modes;
            for (int t = first; t < end; t++)
            {
                counts.TitleArticles = Math.Max(counts.TitleArticles, view.TermTitleArticles[t]);
                counts.BodyArticles = Math.Max(counts.BodyArticles, view.TermBodyArticles[t]);
                counts.Blocks = Math.Max(counts.Blocks, view.TermBlocks[t]);
                counts.Postings += view.TermPostings[t + 1] - view.TermPostings[t];
            }

            return first < end;
        }

        bool any = false;
        for (int c = 0; c < _corpora.Length; c++)
        {
            ModeView view = c == _self ? index.Modes : new ModeView(_corpora[c], index.Mode);
            (int from, int to) = c == _self ? (first, end) : view.PrefixRange(prefix, bytes);
            int n = to - from;
            if (n == 0)
            {
                continue;
            }

            // Per term of this corpus: its frequencies summed over the corpora, and whether an earlier corpus has it (counted there).
            any = true;
            int[] sums = context.CollectionCounts.Reserve(n * 4);
            for (int i = 0; i < n; i++)
            {
                sums[4 * i] = view.TermTitleArticles[from + i];
                sums[(4 * i) + 1] = view.TermBodyArticles[from + i];
                sums[(4 * i) + 2] = view.TermBlocks[from + i];
                sums[(4 * i) + 3] = 0;
                counts.Postings += view.TermPostings[from + i + 1] - view.TermPostings[from + i];
            }

            for (int o = 0; o < _corpora.Length; o++)
            {
                if (o == c)
                {
                    continue;
                }

                ModeView other = o == _self ? index.Modes : new ModeView(_corpora[o], index.Mode);
                (int j, int otherEnd) = o == _self ? (first, end) : other.PrefixRange(prefix, bytes);
                for (int i = 0; i < n && j < otherEnd;)
                {
                    int order = view.Term(from + i).SequenceCompareTo(other.Term(j));
                    if (order < 0)
                    {
                        i++;
                    }
                    else if (order > 0)
                    {
                        j++;
                    }
                    else
                    {
                        sums[4 * i] += other.TermTitleArticles[j];
                        sums[(4 * i) + 1] += other.TermBodyArticles[j];
                        sums[(4 * i) + 2] += other.TermBlocks[j];
                        sums[(4 * i) + 3] |= o < c ? 1 : 0;
                        i++;
                        j++;
                    }
                }
            }

            for (int i = 0; i < n; i++)
            {
                if (sums[(4 * i) + 3] == 0)
                {
                    counts.TitleArticles = Math.Max(counts.TitleArticles, sums[4 * i]);
                    counts.BodyArticles = Math.Max(counts.BodyArticles, sums[(4 * i) + 1]);
                    counts.Blocks = Math.Max(counts.Blocks, sums[(4 * i) + 2]);
                }
            }
        }

        return any;
    }
}
