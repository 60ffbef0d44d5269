using System;

namespace CorpusSdk.Search.Execution;

/// <summary>
/// Runs a plan over the index in one space of documents: parts (a title or a block each) or articles
/// (a title field and a body field). Leaves are postings cursors over parts (<see cref="NextPart"/>);
/// <see cref="Enumerate"/> lists a node's matching documents in order with their scores, and
/// <see cref="Probe"/> tests one document: an AND enumerates its cheapest clause and probes the others
/// (leapfrog by galloping cursors), an OR merges its clauses, a word keeps the best of its terms.
/// </summary>
internal ref struct Evaluator
{
    public const int NoMore = int.MaxValue;

    private readonly SearchContext _context;
    private readonly IndexView _index;
    private readonly bool _articles;
    private readonly bool _scoring;

    /// <param name="context">The query's plan and buffers.</param>
    /// <param name="index">The index, in the query's mode.</param>
    /// <param name="articles">True to match and score articles, false for parts.</param>
    /// <param name="scoring">False when only the matching set matters (counting): scores stay 0.</param>
    public Evaluator(SearchContext context, in IndexView index, bool articles, bool scoring)
    {
        _context = context;
        _index = index;
        _articles = articles;
        _scoring = scoring;
    }

    private readonly PlanBuffer Plan => _context.Plan;

    private readonly Bm25 Scorer => _context.Scorer;

    /// <summary>Sets every scored leaf's BM25 weights for the title and body fields, from the document frequencies in its plan node.</summary>
    public readonly void Weigh()
    {
        for (int n = 0; n < Plan.Count; n++)
        {
            ref PlanNode node = ref Plan[n];
            switch (node.Kind)
            {
                case PlanKind.Term:
                case PlanKind.Prefix:
                    SetWeights(ref node, Idf(node.TitleDf, true), Idf(BodyDf(node), false));
                    break;

                case PlanKind.Phrase:
                {
                    // Lucene: the idf of a phrase is the sum of its terms' idfs (each word's first term).
                    float title = 0f, body = 0f;
                    for (int w = 0; w < node.Count; w++)
                    {
                        ref PlanNode word = ref Plan[Plan.ChildAt(node.First + w)];
                        ref PlanNode term = ref Plan[Plan.ChildAt(word.First)];
                        title += Idf(term.TitleDf, true);
                        body += Idf(BodyDf(term), false);
                    }

                    SetWeights(ref node, title, body);
                    break;
                }
            }
        }
    }

    /// <summary>A leaf's document frequency in the body field of the unit (from the plan: the collection's, <see cref="QueryCollection"/>).</summary>
    private readonly int BodyDf(in PlanNode node) => _articles ? node.BodyDf : node.BlockDf;

    private readonly float Idf(int df, bool title) => Bm25.Idf(df, title ? Scorer.TitleDocs : Scorer.BodyDocs);

    private readonly void SetWeights(ref PlanNode node, float titleIdf, float bodyIdf)
    {
        node.TitleWeight = Scorer.Weight(titleIdf, node.Boost * Scorer.TitleWeight);
        node.BodyWeight = Scorer.Weight(bodyIdf, node.Boost);
    }

    /// <summary>Resets every cursor to its first posting (before a pass whose targets do not continue the last one's).</summary>
    public readonly void ResetCursors()
    {
        for (int n = 0; n < Plan.Count; n++)
        {
            Plan[n].Cursor = Plan[n].Start;
            Plan[n].ArticleCursor = Plan[n].ArticleStart;
            Plan[n].PositionCursor = Plan[n].PositionStart;
            Plan[n].CurrentPart = -1;
        }
    }

    /// <summary>Writes the documents that <paramref name="n"/> matches, in order, with their scores.</summary>
    public readonly void Enumerate(int n, Buffer<ScoredDoc> output)
    {
        ref PlanNode node = ref Plan[n];
        switch (node.Kind)
        {
            case PlanKind.Nothing:
                return;
            case PlanKind.And:
                EnumerateAnd(ref node, output);
                return;
            case PlanKind.Or:
            case PlanKind.Word:
                EnumerateUnion(ref node, output, node.Kind == PlanKind.Word);
                return;
            default:
                EnumerateLeaf(ref node, output);
                return;
        }
    }

    /// <summary>Whether document <paramref name="doc"/> matches <paramref name="n"/>, and its score; targets must ascend.</summary>
    public readonly bool Probe(int n, int doc, out float score)
    {
        ref PlanNode node = ref Plan[n];
        score = 0f;
        switch (node.Kind)
        {
            case PlanKind.Nothing:
                return false;
            case PlanKind.And:
            {
                for (int c = 0; c < node.Count; c++)
                {
                    int child = Plan.ChildAt(node.First + c);
                    bool matched = Probe(child, doc, out float childScore);
                    if (matched == Plan[child].Excluded)
                    {
                        return false;
                    }

                    score += matched ? childScore : 0f;
                }

                return true;
            }

            case PlanKind.Or:
            case PlanKind.Word:
            {
                bool any = false;
                for (int c = 0; c < node.Count; c++)
                {
                    if (Probe(Plan.ChildAt(node.First + c), doc, out float childScore))
                    {
                        score = !any ? childScore : node.Kind == PlanKind.Word ? Math.Max(score, childScore) : score + childScore;
                        any = true;
                    }
                }

                return any;
            }

            default:
                return ProbeLeaf(ref node, doc, out score);
        }
    }

    private readonly void EnumerateAnd(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        // Children are ordered by cost with exclusions last: the first drives, the others are probed.
        Enumerate(Plan.ChildAt(node.First), output);
        for (int c = 1; c < node.Count && output.Count > 0; c++)
        {
            int child = Plan.ChildAt(node.First + c);
            bool excluded = Plan[child].Excluded;
            int write = 0;
            for (int i = 0; i < output.Count; i++)
            {
                ScoredDoc doc = output[i];
                bool matched = Probe(child, doc.Doc, out float score);
                if (matched != excluded)
                {
                    doc.Score += matched ? score : 0f;
                    output[write++] = doc;
                }
            }

            output.Truncate(write);
        }
    }

    private readonly void EnumerateUnion(ref PlanNode node, Buffer<ScoredDoc> output, bool max)
    {
        Buffer<ScoredDoc> merged = _context.RentList();
        Buffer<ScoredDoc> child = _context.RentList();
        Buffer<ScoredDoc> next = _context.RentList();
        for (int c = 0; c < node.Count; c++)
        {
            child.Clear();
            Enumerate(Plan.ChildAt(node.First + c), child);
            next.Clear();
            Merge(merged, child, next, max);
            (merged, next) = (next, merged);
        }

        for (int i = 0; i < merged.Count; i++)
        {
            output.Add(merged[i]);
        }

        _context.ReturnList(merged);
        _context.ReturnList(child);
        _context.ReturnList(next);
    }

    private static void Merge(Buffer<ScoredDoc> a, Buffer<ScoredDoc> b, Buffer<ScoredDoc> output, bool max)
    {
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            ScoredDoc x = a[i], y = b[j];
            if (x.Doc == y.Doc)
            {
                output.Add(new ScoredDoc(x.Doc, max ? Math.Max(x.Score, y.Score) : x.Score + y.Score));
                i++;
                j++;
            }
            else if (x.Doc < y.Doc)
            {
                output.Add(x);
                i++;
            }
            else
            {
                output.Add(y);
                j++;
            }
        }

        for (; i < a.Count; i++)
        {
            output.Add(a[i]);
        }

        for (; j < b.Count; j++)
        {
            output.Add(b[j]);
        }
    }

    private readonly void EnumerateLeaf(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        if (node.Kind == PlanKind.Term)
        {
            EnumerateTerm(ref node, output);
            return;
        }

        int target = 0;
        if (!_articles)
        {
            while (true)
            {
                int part = NextPart(ref node, target, out int freq);
                if (part == NoMore)
                {
                    return;
                }

                output.Add(new ScoredDoc(part, PartScore(ref node, part, freq)));
                target = part + 1;
            }
        }

        int article = -1;
        int title = 0, body = 0;
        while (true)
        {
            int part = NextPart(ref node, target, out int freq);
            int owner = part == NoMore ? -1 : _index.PartArticles[part];
            if (owner != article && article >= 0)
            {
                output.Add(new ScoredDoc(article, ArticleScore(ref node, _index.ArticleFirstParts[article], _index.ArticleFirstParts[article + 1], title, body)));
                title = body = 0;
            }

            if (part == NoMore)
            {
                return;
            }

            article = owner;
            if (_index.PartBlocks[part] == 0)
            {
                title += freq;
            }
            else
            {
                body += freq;
            }

            target = part + 1;
        }
    }

    /// <summary>A term's postings read in one sequential pass (the common leaf): no galloping, article bounds read once per article.</summary>
    private readonly void EnumerateTerm(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        ref readonly ModeView view = ref _index.Source(node.Source);
        int end = node.End;
        int previousEnd = view.PositionStart(node.Cursor);
        if (!_articles)
        {
            for (int i = node.Cursor; i < end; i++)
            {
                int part = view.PostingParts[i];
                int positionsEnd = view.PostingEnds[i];
                output.Add(new ScoredDoc(part, PartScore(ref node, part, positionsEnd - previousEnd)));
                previousEnd = positionsEnd;
            }

            node.Cursor = end;
            return;
        }

        for (int i = node.ArticleCursor; i < node.ArticleEnd; i++)
        {
            int article = view.ArticleDocs[i];
            output.Add(new ScoredDoc(article, ArticleScore(ref node, article, view.ArticleTitleFreqs[i], view.ArticleBodyFreqs[i])));
        }

        node.ArticleCursor = node.ArticleEnd;
    }

    private readonly bool ProbeLeaf(ref PlanNode node, int doc, out float score)
    {
        if (_articles && node.Kind == PlanKind.Term)
        {
            ref readonly ModeView view = ref _index.Source(node.Source);
            int i = view.ArticleDocs.Gallop(node.ArticleCursor, node.ArticleEnd, doc);
            node.ArticleCursor = i;
            bool found = i < node.ArticleEnd && view.ArticleDocs[i] == doc;
            score = found ? ArticleScore(ref node, doc, view.ArticleTitleFreqs[i], view.ArticleBodyFreqs[i]) : 0f;
            return found;
        }

        if (!_articles)
        {
            int part = NextPart(ref node, doc, out int freq);
            score = part == doc ? PartScore(ref node, part, freq) : 0f;
            return part == doc;
        }

        int first = _index.ArticleFirstParts[doc];
        int end = _index.ArticleFirstParts[doc + 1];
        int title = 0, body = 0;
        for (int part = NextPart(ref node, first, out int freq); part < end; part = NextPart(ref node, part + 1, out freq))
        {
            if (part == first)
            {
                title += freq;
            }
            else
            {
                body += freq;
            }
        }

        score = title + body > 0 ? ArticleScore(ref node, first, end, title, body) : 0f;
        return title + body > 0;
    }

    /// <summary>A scored leaf's BM25 score in one part (the part's field: title or body).</summary>
    public readonly float PartScore(ref PlanNode node, int part, int freq)
    {
        if (!_scoring)
        {
            return 0f;
        }

        bool title = _index.PartBlocks[part] == 0;
        return Bm25.Score(title ? node.TitleWeight : node.BodyWeight, freq, Scorer.Norm(_index.PartLength(part), title));
    }

    private readonly float ArticleScore(ref PlanNode node, int article, int title, int body) =>
        _scoring ? ArticleScore(ref node, _index.ArticleFirstParts[article], _index.ArticleFirstParts[article + 1], title, body) : 0f;

    /// <summary>A scored leaf's BM25 score in an article of parts [<paramref name="first"/>, <paramref name="end"/>): title field plus body field.</summary>
    private readonly float ArticleScore(ref PlanNode node, int first, int end, int title, int body)
    {
        if (!_scoring)
        {
            return 0f;
        }

        float score = 0f;
        if (title > 0)
        {
            score += Bm25.Score(node.TitleWeight, title, Scorer.Norm(_index.PartLength(first), true));
        }

        if (body > 0)
        {
            int length = _index.Mode == SearchMode.LuceneCompatible
                ? _index.PartLuceneStarts[end] - _index.PartLuceneStarts[first + 1]
                : _index.PartFirstTokens[end] - _index.PartFirstTokens[first + 1];
            score += Bm25.Score(node.BodyWeight, body, Scorer.Norm(length, false));
        }

        return score;
    }

    /// <summary>
    /// For sub-results and highlights: whether <paramref name="n"/>'s positive leaves occur in <paramref name="part"/>
    /// (any of them, whatever the operators), the part's score, and each occurrence as (position &lt;&lt; 16 | words)
    /// in <paramref name="spans"/>. Parts must be visited in ascending order after <see cref="ResetCursors"/>.
    /// </summary>
    public readonly bool MatchPart(int n, int part, Buffer<long> spans, out float score)
    {
        ref PlanNode node = ref Plan[n];
        score = 0f;
        switch (node.Kind)
        {
            case PlanKind.Term:
            {
                if (!PositionsAt(ref node, part, out int from, out int to))
                {
                    return false;
                }

                ref readonly ModeView view = ref _index.Source(node.Source);
                for (int i = from; i < to; i++)
                {
                    spans.Add(((long)view.Positions[i] << 16) | 1);
                }

                score = PartScore(ref node, part, to - from);
                return true;
            }

            case PlanKind.Prefix:
            {
                if (NextPrefixPart(ref node, part, out int freq) != part)
                {
                    return false;
                }

                ref readonly ModeView view = ref _index.Modes;
                for (int e = node.Cursor; e < node.End && _context.Prefixes[e].Part == part; e++)
                {
                    int posting = _context.Prefixes[e].Posting;
                    for (int i = view.PositionStart(posting); i < view.PostingEnds[posting]; i++)
                    {
                        spans.Add(((long)view.Positions[i] << 16) | 1);
                    }
                }

                score = PartScore(ref node, part, freq);
                return true;
            }

            case PlanKind.Phrase:
            {
                for (int w = 0; w < node.Count; w++)
                {
                    if (NextPart(ref Plan[Plan.ChildAt(node.First + w)], part, out _) != part)
                    {
                        return false;
                    }
                }

                int matches = PhraseMatches(ref node, part, spans);
                score = matches > 0 ? PartScore(ref node, part, matches) : 0f;
                return matches > 0;
            }

            case PlanKind.Word:
            case PlanKind.And:
            case PlanKind.Or:
            {
                bool any = false;
                for (int c = 0; c < node.Count; c++)
                {
                    int child = Plan.ChildAt(node.First + c);
                    if (Plan[child].Excluded || !MatchPart(child, part, spans, out float childScore))
                    {
                        continue;
                    }

                    score = node.Kind == PlanKind.Word ? Math.Max(score, childScore) : score + childScore;
                    any = true;
                }

                return any;
            }

            default:
                return false;
        }
    }

    /// <summary>
    /// The postings cursor of a leaf (term, prefix or phrase; a word as the union of its terms): the first part at
    /// or after <paramref name="target"/> where it occurs, and how often there; <see cref="NoMore"/> at the end.
    /// The cursor stays on the part returned.
    /// </summary>
    public readonly int NextPart(ref PlanNode node, int target, out int freq)
    {
        switch (node.Kind)
        {
            case PlanKind.Term:
            {
                ref readonly ModeView view = ref _index.Source(node.Source);
                int i = view.PostingParts.Gallop(node.Cursor, node.End, target);
                node.Cursor = i;
                if (i >= node.End)
                {
                    freq = 0;
                    return NoMore;
                }

                freq = view.PostingEnds[i] - view.PositionStart(i);
                return view.PostingParts[i];
            }

            case PlanKind.Prefix:
                return NextPrefixPart(ref node, target, out freq);
            case PlanKind.Word:
            {
                int best = NoMore;
                freq = 0;
                for (int c = 0; c < node.Count; c++)
                {
                    int part = NextPart(ref Plan[Plan.ChildAt(node.First + c)], target, out _);
                    best = Math.Min(best, part);
                }

                return best;
            }

            case PlanKind.Phrase:
                return NextPhrasePart(ref node, target, out freq);
            default:
                freq = 0;
                return NoMore;
        }
    }

    private readonly int NextPrefixPart(ref PlanNode node, int target, out int freq)
    {
        Buffer<PrefixEntry> entries = _context.Prefixes;
        int i = node.Cursor;
        if (i < node.End && entries[i].Part < target)
        {
            // Gallop, then binary search.
            int step = 1, low = i;
            int probe = i + 1;
            while (probe < node.End && entries[probe].Part < target)
            {
                low = probe;
                step <<= 1;
                probe = i + step;
            }

            int lo = low + 1, hi = Math.Min(probe + 1, node.End);
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (entries[mid].Part < target)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            i = lo;
        }

        node.Cursor = i;
        freq = 0;
        if (i >= node.End)
        {
            return NoMore;
        }

        int part = entries[i].Part;
        ref readonly ModeView view = ref _index.Modes;
        for (int e = i; e < node.End && entries[e].Part == part; e++)
        {
            int posting = entries[e].Posting;
            freq += view.PostingEnds[posting] - view.PositionStart(posting);
        }

        return part;
    }

    /// <summary>
    /// The phrase cursor: walks the rarest word's positions (its terms' positions merged) in corpus order and
    /// gallops every other word's position cursors to the same origin; a match counts when the whole phrase lies
    /// in one part. Returns the next part at or after <paramref name="target"/> with a match, and how many.
    /// </summary>
    private readonly int NextPhrasePart(ref PlanNode node, int target, out int freq)
    {
        if (node.CurrentPart >= target)
        {
            freq = node.CurrentFreq;
            return node.CurrentPart;
        }

        ref PlanNode anchor = ref Plan[Plan.ChildAt(node.First + node.Anchor)];
        int lastOffset = Plan[Plan.ChildAt(node.First + node.Count - 1)].Offset;
        for (int t = 0; t < anchor.Count; t++)
        {
            ref PlanNode term = ref Plan[Plan.ChildAt(anchor.First + t)];
            ref readonly ModeView view = ref _index.Source(term.Source);
            if (term.Cursor < term.End && view.PostingParts[term.Cursor] < target)
            {
                term.Cursor = view.PostingParts.Gallop(term.Cursor, term.End, target);
                term.PositionCursor = Math.Max(term.PositionCursor, view.PositionStart(term.Cursor));
            }
        }

        int part = -1, count = 0;
        while (true)
        {
            // The next anchor position: the smallest of its terms' next positions, with its part.
            int position = int.MaxValue, positionPart = -1;
            for (int t = 0; t < anchor.Count; t++)
            {
                ref PlanNode term = ref Plan[Plan.ChildAt(anchor.First + t)];
                if (term.PositionCursor >= term.PositionEnd)
                {
                    continue;
                }

                ref readonly ModeView view = ref _index.Source(term.Source);
                int value = view.Positions[term.PositionCursor];
                if (value < position)
                {
                    while (view.PostingEnds[term.Cursor] <= term.PositionCursor)
                    {
                        term.Cursor++;
                    }

                    position = value;
                    positionPart = view.PostingParts[term.Cursor];
                }
            }

            if (positionPart < 0 || (count > 0 && positionPart != part))
            {
                break;
            }

            // Consume it from every anchor term that has it (a word's terms can share a position).
            for (int t = 0; t < anchor.Count; t++)
            {
                ref PlanNode term = ref Plan[Plan.ChildAt(anchor.First + t)];
                if (term.PositionCursor < term.PositionEnd && _index.Source(term.Source).Positions[term.PositionCursor] == position)
                {
                    term.PositionCursor++;
                }
            }

            int origin = position - anchor.Offset;
            if (origin >= _index.PartFirstTokens[positionPart] && origin + lastOffset < _index.PartFirstTokens[positionPart + 1] && WordsAt(ref node, origin))
            {
                part = positionPart;
                count++;
            }
        }

        node.CurrentPart = count > 0 ? part : NoMore;
        node.CurrentFreq = count;
        freq = count;
        return node.CurrentPart;
    }

    /// <summary>True when every word of the phrase but the anchor has a term at origin + its offset (cursors only move forward).</summary>
    private readonly bool WordsAt(ref PlanNode phrase, int origin)
    {
        for (int w = 0; w < phrase.Count; w++)
        {
            if (w == phrase.Anchor)
            {
                continue;
            }

            ref PlanNode word = ref Plan[Plan.ChildAt(phrase.First + w)];
            int position = origin + word.Offset;
            bool found = false;
            for (int t = 0; t < word.Count && !found; t++)
            {
                ref PlanNode term = ref Plan[Plan.ChildAt(word.First + t)];
                ref readonly ModeView view = ref _index.Source(term.Source);
                term.PositionCursor = view.Positions.Gallop(term.PositionCursor, term.PositionEnd, position);
                found = term.PositionCursor < term.PositionEnd && view.Positions[term.PositionCursor] == position;
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Counts the phrase's matches in <paramref name="part"/>, where every word's cursor stands (or can gallop to);
    /// adds each match's first position to <paramref name="spans"/> as (position &lt;&lt; 16 | words) when given.
    /// </summary>
    public readonly int PhraseMatches(ref PlanNode node, int part, Buffer<long>? spans)
    {
        ref PlanNode anchor = ref Plan[Plan.ChildAt(node.First)];
        int lastOffset = Plan[Plan.ChildAt(node.First + node.Count - 1)].Offset;
        int matches = 0;
        for (int t = 0; t < anchor.Count; t++)
        {
            ref PlanNode term = ref Plan[Plan.ChildAt(anchor.First + t)];
            if (!PositionsAt(ref term, part, out int from, out int to))
            {
                continue;
            }

            ref readonly ModeView view = ref _index.Source(term.Source);
            for (int i = from; i < to; i++)
            {
                int origin = view.Positions[i];
                if (SeenByEarlierTerm(ref anchor, t, part, origin) || !OthersAt(ref node, part, origin))
                {
                    continue;
                }

                matches++;
                spans?.Add(((long)origin << 16) | (long)(lastOffset + 1));
            }
        }

        return matches;
    }

    private readonly bool SeenByEarlierTerm(ref PlanNode word, int count, int part, int position)
    {
        for (int t = 0; t < count; t++)
        {
            if (HasPosition(ref Plan[Plan.ChildAt(word.First + t)], part, position))
            {
                return true;
            }
        }

        return false;
    }

    private readonly bool OthersAt(ref PlanNode phrase, int part, int origin)
    {
        for (int w = 1; w < phrase.Count; w++)
        {
            ref PlanNode word = ref Plan[Plan.ChildAt(phrase.First + w)];
            bool found = false;
            for (int t = 0; t < word.Count && !found; t++)
            {
                found = HasPosition(ref Plan[Plan.ChildAt(word.First + t)], part, origin + word.Offset);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private readonly bool HasPosition(ref PlanNode term, int part, int position)
    {
        if (!PositionsAt(ref term, part, out int from, out int to))
        {
            return false;
        }

        ref readonly ModeView view = ref _index.Source(term.Source);
        int at = view.Positions.LowerBound(from, to, position);
        return at < to && view.Positions[at] == position;
    }

    /// <summary>A term's positions in one part: [from, to) of the mode's positions; false when the part has none.</summary>
    public readonly bool PositionsAt(ref PlanNode term, int part, out int from, out int to)
    {
        ref readonly ModeView view = ref _index.Source(term.Source);
        int i = view.PostingParts.Gallop(term.Cursor, term.End, part);
        term.Cursor = i;
        if (i >= term.End || view.PostingParts[i] != part)
        {
            from = to = 0;
            return false;
        }

        from = view.PositionStart(i);
        to = view.PostingEnds[i];
        return true;
    }
}
