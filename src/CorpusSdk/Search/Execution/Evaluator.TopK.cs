using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CorpusSdk.Search.Execution;

/// <summary>
/// Article queries: the exact count by bitsets, and the top k with early termination (block-max, with bounds written
/// by the generator: per block of 2^<see cref="BoundBlockShift"/> article postings, the largest title and body
/// frequencies and the shortest title and body; BM25 grows with frequency and shrinks with length, so their score
/// bounds every posting of the block for any k1, b ≥ 0; in LuceneCompatible mode the shortest length goes through the
/// same one-byte norm, which keeps that order).
/// </summary>
internal ref partial struct Evaluator
{
    /// <summary>Log2 of the article postings per bound block (the generator's <c>CorpusIndexBuilder.BoundBlock</c>, 16).</summary>
    public const int BoundBlockShift = 4;

    /// <summary>The most scored clauses a pruned query may have.</summary>
    internal const int MaxClauses = 16;

    /// <summary>
    /// Relative slack on a bound before it is compared with the k-th score: covers the rounding of a float sum of
    /// up to <see cref="MaxClauses"/> fields and clauses, so that a bound is never below the score it bounds.
    /// </summary>
    private const float Slack = 1.0001f;

    /// <summary>
    /// Whether <see cref="SelectTopPruned"/> can rank this plan: a term, a prefix (its merged articles scored into the page),
    /// a phrase of one term per word, or an AND driven by a term (its cheapest clause) whose other scored clauses are terms
    /// or words of terms (exclusions: anything). An OR, a word of several terms or another phrase is ranked by scoring
    /// every match into a list: measured, a document-at-a-time merge of an OR of terms straight into the page, with
    /// MaxScore or without, was slower (on 10,000 articles the rarer term of «تطالب OR انخراط» became non-essential
    /// once the page was full, which saves only its own articles and costs a probe per candidate).
    /// </summary>
    public readonly bool CanPrune(int root)
    {
        if (!_articles || !_scoring || _index.Modes.ArticleBlockBounds.Count == 0
            || (_index.Mode == SearchMode.Default && _index.Normalized.ArticleBlockBounds.Count == 0))
        {
            return false;
        }

        ref PlanNode node = ref Plan[root];
        if (node.Kind is PlanKind.Term or PlanKind.Prefix || (node.Kind == PlanKind.Phrase && node.SingleTerms && node.Count <= MaxPhraseWords))
        {
            return true;
        }

        if (node.Kind != PlanKind.And || node.Count > MaxClauses || !ReadsArticlePostings(Plan[Plan.ChildAt(node.First)]))
        {
            return false;
        }

        for (int c = 1; c < node.Count; c++)
        {
            ref PlanNode child = ref Plan[Plan.ChildAt(node.First + c)];
            if (!child.Excluded && !IsClause(ref child))
            {
                return false;
            }
        }

        return true;
    }

    private readonly bool IsClause(ref PlanNode node)
    {
        if (ReadsArticlePostings(node))
        {
            return true;
        }

        if (node.Kind != PlanKind.Word)
        {
            return false;
        }

        for (int t = 0; t < node.Count; t++)
        {
            if (Plan[Plan.ChildAt(node.First + t)].Kind != PlanKind.Term)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of articles <paramref name="root"/> matches (no scoring; cursors move: reset them after).</summary>
    public readonly int CountArticles(int root)
    {
        ref PlanNode node = ref Plan[root];
        if (node.Paired || node.SingleTerm)
        {
            return node.ArticleEnd - node.ArticleStart;
        }

        switch (node.Kind)
        {
            case PlanKind.Nothing:
                return 0;
            case PlanKind.Term:
                return node.ArticleEnd - node.ArticleStart;
            case PlanKind.Prefix:
                return node.End - node.Start;
            case PlanKind.Phrase when node.SingleTerms && node.Count <= MaxPhraseWords:
                return CountAndSelectPhrase(root, 0);
        }

        int words = (_index.ArticleCount + 63) >> 6;
        ulong[] bits = _context.RentBits(words);
        Span<ulong> set = bits.AsSpan(0, words);
        set.Clear();
        AddBits(root, set);
        int count = 0;
        foreach (ulong word in set)
        {
            count += BitOperations.PopCount(word);
        }

        _context.ReturnBits(bits);
        return count;
    }

    /// <summary>Sets the bits of the articles <paramref name="n"/> matches (a union with what is set already).</summary>
    private readonly void AddBits(int n, Span<ulong> set)
    {
        ref PlanNode node = ref Plan[n];
        if (node.Paired || node.SingleTerm)
        {
            _index.Source(node.Source).ArticleDocs.OrBits(node.ArticleStart, node.ArticleEnd, set);
            return;
        }

        switch (node.Kind)
        {
            case PlanKind.Nothing:
                return;
            case PlanKind.Term:
            {
                _index.Source(node.Source).ArticleDocs.OrBits(node.ArticleStart, node.ArticleEnd, set);
                return;
            }

            case PlanKind.Prefix:
            {
                var bits = new BitsetWriter(set);
                for (int i = node.Start; i < node.End; i++)
                {
                    bits.Add(_context.Prefixes[i].Doc);
                }

                bits.Flush();
                return;
            }

            case PlanKind.Word:
            case PlanKind.Or:
                for (int c = 0; c < node.Count; c++)
                {
                    AddBits(Plan.ChildAt(node.First + c), set);
                }

                return;
            case PlanKind.And:
            {
                // The first child is positive (exclusions sort last): its set, then intersect and subtract.
                ulong[] scratch = _context.RentBits(set.Length);
                Span<ulong> own = scratch.AsSpan(0, set.Length);
                own.Clear();
                AddBits(Plan.ChildAt(node.First), own);
                ulong[] otherArray = _context.RentBits(set.Length);
                Span<ulong> other = otherArray.AsSpan(0, set.Length);
                for (int c = 1; c < node.Count; c++)
                {
                    int child = Plan.ChildAt(node.First + c);
                    other.Clear();
                    AddBits(child, other);
                    bool excluded = Plan[child].Excluded;
                    for (int w = 0; w < own.Length; w++)
                    {
                        own[w] &= excluded ? ~other[w] : other[w];
                    }
                }

                for (int w = 0; w < own.Length; w++)
                {
                    set[w] |= own[w];
                }

                _context.ReturnBits(otherArray);
                _context.ReturnBits(scratch);
                return;
            }

            default:
            {
                // A phrase: verified document by document.
                Buffer<ScoredDoc> docs = _context.RentList();
                Enumerate(n, docs);
                for (int i = 0; i < docs.Count; i++)
                {
                    int article = docs[i].Doc;
                    set[article >> 6] |= 1UL << article;
                }

                _context.ReturnList(docs);
                return;
            }
        }
    }

    /// <summary>
    /// The best <paramref name="k"/> articles of a plan that <see cref="CanPrune"/>, best first (ties in article order),
    /// into <see cref="SearchContext.Top"/>: the same hits and scores as scoring every match, without scoring the
    /// articles whose bound cannot beat the k-th score so far. Cursors must be at their start. Returns the number of
    /// articles the plan matches when <see cref="CountsWhileSelecting"/> (and k &gt; 0), else -1.
    /// </summary>
    public readonly int SelectTopPruned(int root, int k)
    {
        Buffer<ScoredDoc> top = _context.Top;
        top.Clear();
        if (k <= 0)
        {
            return -1;
        }

        var heap = new TopHeap(top.Reserve(k), k);
        ref PlanNode node = ref Plan[root];
        if (node.Kind == PlanKind.Prefix && !node.SingleTerm)
        {
            // The prefix's merged articles, scored straight into the page (no list of every match); merged through the
            // dense arrays, a chunk of 16 articles whose bound cannot beat the k-th score is skipped whole.
            int chunkCount = (_index.ArticleCount + (1 << BoundBlockShift) - 1) >> BoundBlockShift;
            if (node.ChunkStart < 0 || Scorer.Statistics.ChunkMinTitles.Length != chunkCount)
            {
                ScorePrefixDocs(ref node, node.Start, node.End, ref heap);
            }
            else
            {
                CorpusStatistics stats = Scorer.Statistics;
                Buffer<int> chunks = _context.PrefixChunks;
                for (int c = 0; c < chunkCount; c++)
                {
                    int at = node.ChunkStart + (3 * c);
                    int from = chunks[at];
                    int to = c + 1 < chunkCount ? chunks[at + 3] : node.End;
                    if (heap.Full && from < to)
                    {
                        int maxTitle = chunks[at + 1], maxBody = chunks[at + 2];
                        float bound = (maxTitle > 0 ? Bm25.Score(node.TitleWeight, maxTitle, Scorer.Norm(stats.ChunkMinTitles[c], true)) : 0f)
                            + (maxBody > 0 ? Bm25.Score(node.BodyWeight, maxBody, Scorer.Norm(stats.ChunkMinBodies[c], false)) : 0f);
                        if (!CanBeat(bound, heap.Threshold))
                        {
                            PruningCounter.Skipped++;
                            continue;
                        }
                    }

                    ScorePrefixDocs(ref node, from, to, ref heap);
                }
            }

            top.SetCount(heap.Sort());
            return -1;
        }

        ClauseInts clauseBuffer = default;
        ClauseInts excludedBuffer = default;
        ClauseFloats restBuffer = default;
        Span<int> clauses = clauseBuffer;
        Span<int> excluded = excludedBuffer;
        int count = 0, exclusions = 0;
        ulong[]? excludedBits = null;
        int words = (_index.ArticleCount + 63) >> 6;
        if (node.Kind == PlanKind.And)
        {
            for (int c = 0; c < node.Count; c++)
            {
                int child = Plan.ChildAt(node.First + c);
                if (!Plan[child].Excluded)
                {
                    clauses[count++] = child;
                }
                else if (IsSetCheap(ref Plan[child]))
                {
                    // Read whole into a set of articles: a bit test per candidate, before it is scored.
                    if (excludedBits is null)
                    {
                        excludedBits = _context.RentBits(words);
                        excludedBits.AsSpan(0, words).Clear();
                    }

                    AddBits(child, excludedBits.AsSpan(0, words));
                }
                else
                {
                    excluded[exclusions++] = child;
                }
            }
        }
        else
        {
            clauses[count++] = root;
        }

        // rest[i]: the largest sum clauses i.. can add.
        Span<float> rest = ((Span<float>)restBuffer).Slice(0, count + 1);
        rest[count] = 0f;
        for (int i = count - 1; i >= 0; i--)
        {
            rest[i] = rest[i + 1] + (i == 0 ? 0f : ClauseMax(ref Plan[clauses[i]]));
        }

        // Two positive clauses, the second read from article postings: its articles read into a set too, so that every
        // candidate of the lead is tested against it and the pass counts the matches (no separate count by bitsets).
        ulong[]? requiredBits = null;
        if (count == 2 && exclusions == 0 && ReadsArticlePostings(Plan[clauses[1]]))
        {
            requiredBits = _context.RentBits(words);
            requiredBits.AsSpan(0, words).Clear();
            AddBits(clauses[1], requiredBits.AsSpan(0, words));
        }

        bool counting = exclusions == 0 && ((count == 1 && excludedBits is not null) || requiredBits is not null);
        int matches;
        if (requiredBits is not null)
        {
            // Each word's rank (the second term's articles before it): a candidate's posting in the second term is found
            // by counting bits, without a search.
            ulong[] ranks = _context.RentBits(words);
            int total = 0;
            for (int w = 0; w < words; w++)
            {
                ranks[w] = (ulong)total;
                total += BitOperations.PopCount(requiredBits[w]);
            }

            matches = TopOfTwoTerms(
                ref Plan[clauses[0]], ref Plan[clauses[1]], requiredBits.AsSpan(0, words), ranks.AsSpan(0, words),
                excludedBits.AsSpan(0, excludedBits is null ? 0 : words), rest[1], ref heap);
            _context.ReturnBits(ranks);
        }
        else
        {
            matches = TopOfTermAnd(
                ref Plan[clauses[0]], clauses.Slice(0, count), excluded.Slice(0, exclusions), excludedBits.AsSpan(0, excludedBits is null ? 0 : words),
                rest, ref heap, counting);
        }

        top.SetCount(heap.Sort());
        if (excludedBits is not null)
        {
            _context.ReturnBits(excludedBits);
        }

        if (requiredBits is not null)
        {
            _context.ReturnBits(requiredBits);
        }

        return counting ? matches : -1;
    }

    /// <summary>The prefix's merged articles [<paramref name="from"/>, <paramref name="to"/>) scored into the heap.</summary>
    private readonly void ScorePrefixDocs(ref PlanNode node, int from, int to, ref TopHeap heap)
    {
        Buffer<PrefixDoc> docs = _context.Prefixes;
        for (int i = from; i < to; i++)
        {
            PrefixDoc doc = docs[i];
            float score = ArticleScore(ref node, doc.Doc, doc.TitleFreq, doc.BodyFreq);
            if (heap.Accepts(score))
            {
                heap.Add(doc.Doc, score);
            }
        }
    }

    /// <summary>
    /// Whether <see cref="SelectTopPruned"/> also counts this plan's matches: a term, or an AND of two terms (the second read
    /// into a set of articles), less exclusions that are each a term, a word or a prefix (read into a set of articles), where
    /// every article of the lead term is tested against the sets anyway.
    /// </summary>
    public readonly bool CountsWhileSelecting(int root)
    {
        ref PlanNode node = ref Plan[root];
        if (node.Kind != PlanKind.And || node.Count < 2 || !ReadsArticlePostings(Plan[Plan.ChildAt(node.First)]) || !CanPrune(root))
        {
            return false;
        }

        for (int c = 1; c < node.Count; c++)
        {
            ref PlanNode child = ref Plan[Plan.ChildAt(node.First + c)];
            if (c == 1 && !child.Excluded && ReadsArticlePostings(child))
            {
                continue; // a second term: read into a set (SelectTopPruned)
            }

            if (!child.Excluded || !IsSetCheap(ref child))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an excluded clause is cheaper read whole into a set than probed per candidate: a term, a word of terms, a prefix.</summary>
    private readonly bool IsSetCheap(ref PlanNode node) => node.Kind == PlanKind.Prefix || IsClause(ref node);

    /// <summary>
    /// A term, or an AND driven by one: the term's article postings read block by block (a block whose bound plus the
    /// other clauses' bounds cannot beat the k-th score is skipped whole: a term clause's bound over the block's articles,
    /// another clause's largest score), an article in <paramref name="excludedSet"/> passed over before it is scored, the
    /// other clauses probed while they can still lift the score above it, the other exclusions last. Scores add up in clause order, as <see cref="EnumerateAnd"/> does.
    /// </summary>
    private readonly int TopOfTermAnd(ref PlanNode term, scoped Span<int> clauses, scoped Span<int> excluded, scoped ReadOnlySpan<ulong> excludedSet, scoped Span<float> rest, ref TopHeap heap, bool counting)
    {
        int matches = 0;
        ref readonly ModeView view = ref _index.Source(term.Source);
        int end = term.ArticleEnd;

        // When every other clause is a term, a block is bounded by the lead's block bound plus, for each other clause, the
        // largest bound of its blocks that hold the lead block's articles (block-max AND), not its largest bound anywhere.
        bool termClauses = clauses.Length > 1;
        for (int c = 1; c < clauses.Length && termClauses; c++)
        {
            termClauses = ReadsArticlePostings(Plan[clauses[c]]);
        }

        ClauseFloats blockRestBuffer = default;
        Span<float> blockRest = ((Span<float>)blockRestBuffer).Slice(0, rest.Length);

        // A second clause that is a term is probed here, its postings read in place (no call per candidate).
        bool secondTerm = clauses.Length > 1 && ReadsArticlePostings(Plan[clauses[1]]);
        ref PlanNode second = ref secondTerm ? ref Plan[clauses[1]] : ref term;
        ref readonly ModeView secondView = ref _index.Source(second.Source);
        int firstProbed = secondTerm ? 2 : 1;
        for (int i = term.ArticleStart; i < end;)
        {
            int block = i >> BoundBlockShift;
            int blockEnd = Math.Min((block + 1) << BoundBlockShift, end);
            Span<float> bounds = rest; // this block's bounds of clauses c..: blockRest when computed below
            if (heap.Full)
            {
                if (termClauses)
                {
                    int firstDoc = view.ArticleDocs[i], lastDoc = view.ArticleDocs[blockEnd - 1];
                    blockRest[clauses.Length] = 0f;
                    for (int c = clauses.Length - 1; c >= 1; c--)
                    {
                        float bound = ClauseBoundIn(ref Plan[clauses[c]], firstDoc, lastDoc);
                        if (bound < 0f)
                        {
                            return matches; // that clause has no article left: nothing more matches
                        }

                        blockRest[c] = blockRest[c + 1] + bound;
                    }

                    bounds = blockRest;
                }

                if (!CanBeat(BlockBound(ref term, view, block) + bounds[1], heap.Threshold))
                {
                    PruningCounter.Skipped++;
                    for (; counting && i < blockEnd; i++)
                    {
                        int doc = view.ArticleDocs[i];
                        ulong outside = excludedSet.IsEmpty ? 0UL : excludedSet[doc >> 6] >> doc;
                        matches += (int)(~outside & 1);
                    }

                    i = blockEnd;
                    continue;
                }
            }

            for (; i < blockEnd; i++)
            {
                int doc = view.ArticleDocs[i];
                if (!excludedSet.IsEmpty && ((excludedSet[doc >> 6] >> doc) & 1) != 0)
                {
                    continue;
                }

                matches++; // counts the matches when counting: a term less excluded sets

                float score = ArticleScore(ref term, doc, view.ArticleTitleFreqs[i], view.ArticleBodyFreqs[i]);
                if (secondTerm)
                {
                    if (heap.Full && !CanBeat(score + bounds[1], heap.Threshold))
                    {
                        continue;
                    }

                    int j = secondView.ArticleDocs.Gallop(second.ArticleCursor, second.ArticleEnd, doc);
                    second.ArticleCursor = j;
                    if (j == second.ArticleEnd)
                    {
                        return matches; // the second clause has no article left: nothing more matches
                    }

                    if (secondView.ArticleDocs[j] != doc)
                    {
                        continue;
                    }

                    score += ArticleScore(ref second, doc, secondView.ArticleTitleFreqs[j], secondView.ArticleBodyFreqs[j]);
                }

                bool keep = true;
                for (int c = firstProbed; c < clauses.Length && keep; c++)
                {
                    float clauseScore = 0f;
                    keep = (!heap.Full || CanBeat(score + bounds[c], heap.Threshold)) && Probe(clauses[c], doc, out clauseScore);
                    score += clauseScore;
                }

                if (!keep || !heap.Accepts(score))
                {
                    continue;
                }

                if (!AnyMatches(excluded, doc))
                {
                    heap.Add(doc, score);
                }
            }
        }

        return matches;
    }

    /// <summary>
    /// An AND of two terms, the second's articles in <paramref name="required"/> (<paramref name="ranks"/>: the set bits
    /// before each word): <see cref="TopOfTermAnd"/>'s pass, with each candidate's posting in the second term found by
    /// counting the bits below it (no galloping search, no branch), and a block's bound over the second term's blocks
    /// found the same way. Counts the matches. Scores add up in clause order (lead, then second).
    /// </summary>
    private readonly int TopOfTwoTerms(ref PlanNode lead, ref PlanNode second, scoped ReadOnlySpan<ulong> required, scoped ReadOnlySpan<ulong> ranks, scoped ReadOnlySpan<ulong> excludedSet, float secondMax, ref TopHeap heap)
    {
        int matches = 0;
        ref readonly ModeView view = ref _index.Source(lead.Source);
        ref readonly ModeView secondView = ref _index.Source(second.Source);
        int end = lead.ArticleEnd;
        int secondStart = second.ArticleStart;
        bool norms = !_titleNorms.IsEmpty; // each article's norms at hand: scored here with the weights in registers
        float leadTitle = lead.TitleWeight, leadBody = lead.BodyWeight, secondTitle = second.TitleWeight, secondBody = second.BodyWeight;
        for (int i = lead.ArticleStart; i < end;)
        {
            int block = i >> BoundBlockShift;
            int blockEnd = Math.Min((block + 1) << BoundBlockShift, end);
            float secondBound = secondMax;
            if (heap.Full)
            {
                int firstDoc = view.ArticleDocs[i];
                int from = secondStart + (int)ranks[firstDoc >> 6] + BitOperations.PopCount(required[firstDoc >> 6] & ((1UL << firstDoc) - 1));
                if (from >= second.ArticleEnd)
                {
                    return matches; // the second term has no article left: nothing more matches
                }

                secondBound = BoundFrom(ref second, secondView, from, view.ArticleDocs[blockEnd - 1]);
                if (!CanBeat(BlockBound(ref lead, view, block) + secondBound, heap.Threshold))
                {
                    PruningCounter.Skipped++;
                    for (; i < blockEnd; i++)
                    {
                        int doc = view.ArticleDocs[i];
                        ulong outside = excludedSet.IsEmpty ? 0UL : excludedSet[doc >> 6] >> doc;
                        matches += (int)(~outside & (required[doc >> 6] >> doc) & 1);
                    }

                    continue;
                }
            }

            for (; i < blockEnd; i++)
            {
                int doc = view.ArticleDocs[i];
                ulong word = required[doc >> 6];
                if (((word >> doc) & 1) == 0 || (!excludedSet.IsEmpty && ((excludedSet[doc >> 6] >> doc) & 1) != 0))
                {
                    continue;
                }

                matches++;
                int title = view.ArticleTitleFreqs[i], body = view.ArticleBodyFreqs[i];
                float score = norms ? FieldScores(leadTitle, leadBody, doc, title, body) : ArticleScore(ref lead, doc, title, body);
                if (heap.Full && !CanBeat(score + secondBound, heap.Threshold))
                {
                    continue;
                }

                int j = secondStart + (int)ranks[doc >> 6] + BitOperations.PopCount(word & ((1UL << doc) - 1));
                title = secondView.ArticleTitleFreqs[j];
                body = secondView.ArticleBodyFreqs[j];
                score += norms ? FieldScores(secondTitle, secondBody, doc, title, body) : ArticleScore(ref second, doc, title, body);
                if (heap.Accepts(score))
                {
                    heap.Add(doc, score);
                }
            }
        }

        return matches;
    }

    /// <summary><see cref="ArticleScore"/> with the weights given and the article's norms read from <see cref="_titleNorms"/> and <see cref="_bodyNorms"/> (the same float operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly float FieldScores(float titleWeight, float bodyWeight, int doc, int title, int body)
        => (title > 0 ? Bm25.Score(titleWeight, title, _titleNorms[doc]) : 0f) + (body > 0 ? Bm25.Score(bodyWeight, body, _bodyNorms[doc]) : 0f);

    /// <summary>The largest bound of <paramref name="clause"/>'s blocks from its posting <paramref name="from"/> to its last article up to <paramref name="lastDoc"/>.</summary>
    private readonly float BoundFrom(ref PlanNode clause, in ModeView view, int from, int lastDoc)
    {
        float max = 0f;
        for (int block = from >> BoundBlockShift; ; block++)
        {
            int start = Math.Max(block << BoundBlockShift, clause.ArticleStart);
            if (start >= clause.ArticleEnd || view.ArticleDocs[start] > lastDoc)
            {
                return max;
            }

            max = Math.Max(max, BlockBound(ref clause, view, block));
        }
    }

    /// <summary>
    /// The largest score term <paramref name="clause"/> can have in articles <paramref name="firstDoc"/> to
    /// <paramref name="lastDoc"/>: the largest bound of its blocks that can hold them; -1 when it has no article from
    /// <paramref name="firstDoc"/> on. Moves its cursor to its first article from <paramref name="firstDoc"/> on (probes
    /// of later articles start there).
    /// </summary>
    private readonly float ClauseBoundIn(ref PlanNode clause, int firstDoc, int lastDoc)
    {
        ref readonly ModeView view = ref _index.Source(clause.Source);
        int i = view.ArticleDocs.Gallop(clause.ArticleCursor, clause.ArticleEnd, firstDoc);
        clause.ArticleCursor = i;
        return i >= clause.ArticleEnd ? -1f : BoundFrom(ref clause, view, i, lastDoc);
    }

    /// <summary>Whether any of <paramref name="nodes"/> matches <paramref name="doc"/> (probed in ascending doc order).</summary>
    private readonly bool AnyMatches(scoped ReadOnlySpan<int> nodes, int doc)
    {
        for (int e = 0; e < nodes.Length; e++)
        {
            if (Probe(nodes[e], doc, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A phrase of one term per word (<see cref="CanPrune"/>): the number of articles it matches, and its best
    /// <paramref name="k"/> into <see cref="SearchContext.Top"/> as <see cref="SelectTopPruned"/> ranks, in one pass
    /// over the candidates; with k = 0, the count only (an article's first match is enough). Every match is scored:
    /// measured, a bound at the words' smallest frequencies (the phrase's frequency cannot exceed them) pruned almost
    /// nothing at k = 10 (body scores are close) and cost more than it saved. Cursors must be at their start.
    /// </summary>
    public readonly int CountAndSelectPhrase(int root, int k)
    {
        ref PlanNode phrase = ref Plan[root];
        int words = phrase.Count;
        Span<int> buffer = stackalloc int[(PhraseRuns.IntsPerWord + 5) * words];
        var runs = new PhraseRuns(buffer, words);

        // Each word's term cursors, read here once: article postings [cursor, end), positions of posting positionPosting from positionCursor.
        Span<int> cursors = buffer.Slice(PhraseRuns.IntsPerWord * words, words);
        Span<int> ends = buffer.Slice((PhraseRuns.IntsPerWord + 1) * words, words);
        Span<int> positionPostings = buffer.Slice((PhraseRuns.IntsPerWord + 2) * words, words);
        Span<int> positionCursors = buffer.Slice((PhraseRuns.IntsPerWord + 3) * words, words);
        Span<int> positionEnds = buffer.Slice((PhraseRuns.IntsPerWord + 4) * words, words);
        int candidates = int.MaxValue;
        runs.MinOffset = int.MaxValue;
        runs.MaxOffset = int.MinValue;
        runs.SameSource = true;
        for (int w = 0; w < words; w++)
        {
            ref PlanNode word = ref Plan[Plan.ChildAt(phrase.First + w)];
            ref PlanNode term = ref Plan[Plan.ChildAt(word.First)];
            cursors[w] = term.ArticleCursor;
            ends[w] = term.ArticleEnd;
            positionPostings[w] = term.PositionPosting;
            positionCursors[w] = term.PositionCursor;
            positionEnds[w] = term.PositionEnd;
            runs.Offsets[w] = word.Offset;
            runs.Sources[w] = term.Source;
            runs.MinOffset = Math.Min(runs.MinOffset, word.Offset);
            runs.MaxOffset = Math.Max(runs.MaxOffset, word.Offset);
            runs.SameSource &= term.Source == runs.Sources[0];
            candidates = Math.Min(candidates, term.ArticleEnd - term.ArticleStart);
        }

        k = Math.Min(k, candidates);
        Buffer<ScoredDoc> top = _context.Top;
        top.Clear();
        scoped var heap = new TopHeap(top.Reserve(Math.Max(k, 1)), k);
        int count = 0;
        if (!runs.SameSource)
        {
            // Words from both indexes of the default mode: the plan's cursors.
            for (int article = NextCommonArticle(ref phrase, 0); article != NoMore; article = NextCommonArticle(ref phrase, article + 1))
            {
                count += RankPhraseIn(ref phrase, article, LocateRuns(ref phrase, article, buffer), ref heap) ? 1 : 0;
            }
        }
        else
        {
            ref readonly ModeView view = ref _index.Source(runs.Sources[0]);
            IndexInts docs = view.ArticleDocs;
            IndexInts titleFreqs = view.ArticleTitleFreqs;
            IndexInts bodyFreqs = view.ArticleBodyFreqs;
            int article = 0;
            while (true)
            {
                // Leapfrog to the next article that holds every word.
                int agreed = 0;
                for (int w = 0; agreed < words; w = w + 1 == words ? 0 : w + 1)
                {
                    int i = docs.Gallop(cursors[w], ends[w], article);
                    cursors[w] = i;
                    if (i == ends[w])
                    {
                        top.SetCount(k > 0 ? heap.Sort() : 0);
                        return count;
                    }

                    int doc = docs[i];
                    agreed = doc == article ? agreed + 1 : 1;
                    article = doc;
                }

                runs.FirstPart = _index.ArticleFirstParts[article];
                runs.EndPart = _index.ArticleFirstParts[article + 1];
                for (int w = 0; w < words; w++)
                {
                    int posting = cursors[w];
                    int titleFreq = titleFreqs[posting];
                    int start = positionCursors[w];
                    if (posting - positionPostings[w] <= LinearPositionSkip)
                    {
                        for (int p = positionPostings[w]; p < posting; p++)
                        {
                            start += titleFreqs[p] + bodyFreqs[p];
                        }
                    }
                    else
                    {
                        start = view.Positions.Gallop(start, positionEnds[w], _index.PartFirstTokens[runs.FirstPart]);
                    }

                    runs.From[w] = start;
                    runs.TitleEnd[w] = start + titleFreq;
                    runs.To[w] = start + titleFreq + bodyFreqs[posting];
                    positionPostings[w] = posting + 1;
                    positionCursors[w] = runs.To[w];
                }

                count += RankPhraseIn(ref phrase, article, runs, ref heap) ? 1 : 0;
                article++;
            }
        }

        top.SetCount(k > 0 ? heap.Sort() : 0);
        return count;
    }

    /// <summary>
    /// For <see cref="CountAndSelectPhrase"/>: whether the phrase is in the article whose positions <paramref name="runs"/>
    /// holds; with a heap, its score offered to it.
    /// </summary>
    private readonly bool RankPhraseIn(ref PlanNode phrase, int article, scoped in PhraseRuns runs, scoped ref TopHeap heap)
    {
        bool ranking = heap.Capacity > 0;
        FieldMatches(runs, any: !ranking, out int title, out int body);
        if (title + body == 0 || !ranking)
        {
            return title + body > 0;
        }

        float score = ArticleScore(ref phrase, article, title, body);
        if (heap.Accepts(score))
        {
            heap.Add(article, score);
        }

        return true;
    }

    private static bool CanBeat(float bound, float threshold) => bound * Slack > threshold;

    /// <summary>The largest score a clause can have in any article (a word: its best term's).</summary>
    private readonly float ClauseMax(ref PlanNode clause)
    {
        if (!ReadsArticlePostings(clause))
        {
            float best = 0f;
            for (int t = 0; t < clause.Count; t++)
            {
                best = Math.Max(best, ClauseMax(ref Plan[Plan.ChildAt(clause.First + t)]));
            }

            return best;
        }

        ref readonly ModeView view = ref _index.Source(clause.Source);
        float max = 0f;
        if (clause.ArticleEnd > clause.ArticleStart)
        {
            for (int block = clause.ArticleStart >> BoundBlockShift; block <= (clause.ArticleEnd - 1) >> BoundBlockShift; block++)
            {
                max = Math.Max(max, BlockBound(ref clause, view, block));
            }
        }

        return max;
    }

    /// <summary>A term's score bound in one block of article postings: BM25 at the block's largest frequencies and shortest lengths.</summary>
    private readonly float BlockBound(ref PlanNode term, in ModeView view, int block)
    {
        int at = block * 4;
        int titleFreq = view.ArticleBlockBounds[at];
        int bodyFreq = view.ArticleBlockBounds[at + 2];
        float bound = 0f;
        if (titleFreq > 0)
        {
            bound += Bm25.Score(term.TitleWeight, titleFreq, Scorer.Norm(view.ArticleBlockBounds[at + 1], true));
        }

        if (bodyFreq > 0)
        {
            bound += Bm25.Score(term.BodyWeight, bodyFreq, Scorer.Norm(view.ArticleBlockBounds[at + 3], false));
        }

        return bound;
    }
}

/// <summary>The k best (score, article) so far for <see cref="Evaluator.SelectTopPruned"/>: a heap whose root is the worst kept, fed in article order.</summary>
internal ref struct TopHeap
{
    private readonly ScoredDoc[] _heap;
    private readonly int _k;
    private int _size;

    public TopHeap(ScoredDoc[] heap, int k)
    {
        _heap = heap;
        _k = k;
    }

    public readonly bool Full => _size == _k;

    /// <summary>How many it keeps (k).</summary>
    public readonly int Capacity => _k;

    /// <summary>The k-th best score (once full).</summary>
    public readonly float Threshold => _heap[0].Score;

    /// <summary>Whether a score, for an article after every kept one, would be kept (ties keep the earlier article).</summary>
    public readonly bool Accepts(float score) => !Full || score > _heap[0].Score;

    public void Add(int doc, float score)
    {
        if (_size < _k)
        {
            _heap[_size] = new ScoredDoc(doc, score);
            Collectors.SiftUp(_heap, _size++);
        }
        else
        {
            _heap[0] = new ScoredDoc(doc, score);
            Collectors.SiftDown(_heap, 0, _size);
        }
    }

    /// <summary>Orders the kept hits best first; returns how many.</summary>
    public readonly int Sort()
    {
        for (int end = _size - 1; end > 0; end--)
        {
            (_heap[0], _heap[end]) = (_heap[end], _heap[0]);
            Collectors.SiftDown(_heap, 0, end);
        }

        return _size;
    }
}

/// <summary>Windows of postings this thread skipped by bound (tests check that pruning happens).</summary>
internal static class PruningCounter
{
    [ThreadStatic]
    private static long s_skipped;

    public static long Skipped
    {
        get => s_skipped;
        set => s_skipped = value;
    }
}
