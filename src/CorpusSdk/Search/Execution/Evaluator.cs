using System;

namespace CorpusSdk.Search.Execution;

/// <summary>
/// Runs a plan over the index in one space of documents: parts (a title or a block each) or articles
/// (a title field and a body field). Leaves are postings cursors over parts (<see cref="NextPart"/>);
/// <see cref="Enumerate"/> lists a node's matching documents in order with their scores, and
/// <see cref="Probe"/> tests one document: an AND enumerates its cheapest clause and probes the others
/// (leapfrog by galloping cursors), an OR merges its clauses, a word keeps the best of its terms.
/// </summary>
internal ref partial struct Evaluator
{
    public const int NoMore = int.MaxValue;

    /// <summary>Phrases of more words are verified part by part (<see cref="NextPhrasePart(ref PlanNode, int, int, out int)"/>).</summary>
    internal const int MaxPhraseWords = 32;

    /// <summary>Up to this many article postings skipped, a phrase term's positions are found by adding up their frequencies; beyond, by galloping.</summary>
    private const int LinearPositionSkip = 8;

    private readonly SearchContext _context;
    private readonly IndexView _index;
    private readonly bool _articles;
    private readonly bool _scoring;

    // Each article's title and body norm for this query's parameters (CorpusStatistics.NormsFor); empty: the norm tables.
    private readonly ReadOnlySpan<float> _titleNorms;
    private readonly ReadOnlySpan<float> _bodyNorms;

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
        if (articles && scoring)
        {
            ArticleNorms? norms = context.Scorer.Statistics.NormsFor(context.Scorer);
            _titleNorms = norms?.Title;
            _bodyNorms = norms?.Body;
        }
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
            Plan[n].CurrentPart = -1;
            Plan[n].PositionPosting = Plan[n].ArticleStart;
            Plan[n].PositionCursor = Plan[n].PositionStart;
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
        // Written into the reserved array with a local count (at most every item of both).
        int count = output.Count;
        ScoredDoc[] items = output.Reserve(count + a.Count + b.Count);
        ReadOnlySpan<ScoredDoc> first = a.AsSpan(), second = b.AsSpan();
        int i = 0, j = 0;
        while (i < first.Length && j < second.Length)
        {
            ScoredDoc x = first[i], y = second[j];
            if (x.Doc == y.Doc)
            {
                items[count++] = new ScoredDoc(x.Doc, max ? Math.Max(x.Score, y.Score) : x.Score + y.Score);
                i++;
                j++;
            }
            else if (x.Doc < y.Doc)
            {
                items[count++] = x;
                i++;
            }
            else
            {
                items[count++] = y;
                j++;
            }
        }

        first.Slice(i).CopyTo(items.AsSpan(count));
        count += first.Length - i;
        second.Slice(j).CopyTo(items.AsSpan(count));
        count += second.Length - j;
        output.SetCount(count);
    }

    private readonly void EnumerateLeaf(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        if (node.Kind == PlanKind.Term || (_articles && ReadsArticlePostings(node)))
        {
            EnumerateTerm(ref node, output); // a term's postings, or a pair's or a one-term prefix's article postings
            return;
        }

        if (node.Kind == PlanKind.Prefix)
        {
            EnumeratePrefix(ref node, output);
            return;
        }

        if (_articles && node.Kind == PlanKind.Phrase)
        {
            EnumeratePhraseArticles(ref node, output);
            return;
        }

        if (node.Kind == PlanKind.Phrase && IsPairOfWords(ref node))
        {
            EnumeratePhraseParts(ref node, output);
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
                output.Add(new ScoredDoc(article, ArticleScore(ref node, article, title, body)));
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
        if (!_articles)
        {
            int end = node.End;
            int previousEnd = view.PositionStart(node.Cursor);
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

        if (!_scoring)
        {
            for (int i = node.ArticleCursor; i < node.ArticleEnd; i++)
            {
                output.Add(new ScoredDoc(view.ArticleDocs[i], 0f));
            }
        }
        else
        {
            // Written into the reserved array with a local count (Add's stored count would chain every write to the last).
            int count = output.Count;
            ScoredDoc[] items = output.Reserve(count + node.ArticleEnd - node.ArticleCursor);
            for (int i = node.ArticleCursor; i < node.ArticleEnd; i++)
            {
                int article = view.ArticleDocs[i];
                items[count++] = new ScoredDoc(article, ArticleScore(ref node, article, view.ArticleTitleFreqs[i], view.ArticleBodyFreqs[i]));
            }

            output.SetCount(count);
        }

        node.ArticleCursor = node.ArticleEnd;
    }

    private readonly bool ProbeLeaf(ref PlanNode node, int doc, out float score)
    {
        if (_articles && ReadsArticlePostings(node))
        {
            ref readonly ModeView view = ref _index.Source(node.Source);
            int i = view.ArticleDocs.Gallop(node.ArticleCursor, node.ArticleEnd, doc);
            node.ArticleCursor = i;
            bool found = i < node.ArticleEnd && view.ArticleDocs[i] == doc;
            score = found ? ArticleScore(ref node, doc, view.ArticleTitleFreqs[i], view.ArticleBodyFreqs[i]) : 0f;
            return found;
        }

        if (node.Kind == PlanKind.Prefix)
        {
            int i = NextPrefixDoc(ref node, doc);
            bool found = i < node.End && _context.Prefixes[i].Doc == doc;
            PrefixDoc entry = found ? _context.Prefixes[i] : default;
            score = !found ? 0f : _articles
                ? ArticleScore(ref node, doc, entry.TitleFreq, entry.BodyFreq)
                : PartScore(ref node, doc, entry.TitleFreq + entry.BodyFreq);
            return found;
        }

        if (!_articles)
        {
            int part = NextPart(ref node, doc, out int freq);
            score = part == doc ? PartScore(ref node, part, freq) : 0f;
            return part == doc;
        }

        if (node.Kind == PlanKind.Phrase)
        {
            int phraseTitle = 0, phraseBody = 0;
            bool found = NextCommonArticle(ref node, doc) == doc && PhraseInArticle(ref node, doc, out phraseTitle, out phraseBody);
            score = found ? ArticleScore(ref node, doc, phraseTitle, phraseBody) : 0f;
            return found;
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

        score = title + body > 0 ? ArticleScore(ref node, doc, title, body) : 0f;
        return title + body > 0;
    }

    /// <summary>
    /// Whether an article-level node is read from article postings with a term's frequencies: a term, a phrase the pair
    /// index answers (<see cref="PlanNode.Paired"/>) or a prefix of one term (<see cref="PlanNode.SingleTerm"/>); both set
    /// only when articles are the unit.
    /// </summary>
    private static bool ReadsArticlePostings(in PlanNode node) => node.Kind == PlanKind.Term || node.Paired || node.SingleTerm;

    /// <summary>A scored leaf's BM25 score in one part (the part's field: title or body).</summary>
    public readonly float PartScore(ref PlanNode node, int part, int freq)
    {
        if (!_scoring)
        {
            return 0f;
        }

        bool title = _index.PartBlocks[part] == 0;
        return Bm25.Score(title ? node.TitleWeight : node.BodyWeight, freq, Scorer.PartNorm(part, title));
    }

    /// <summary>A scored leaf's BM25 score in an article: title field plus body field.</summary>
    private readonly float ArticleScore(ref PlanNode node, int article, int title, int body)
    {
        if (!_scoring)
        {
            return 0f;
        }

        float score = 0f;
        if (title > 0)
        {
            score += Bm25.Score(node.TitleWeight, title, _titleNorms.IsEmpty ? Scorer.TitleNorm(article) : _titleNorms[article]);
        }

        if (body > 0)
        {
            score += Bm25.Score(node.BodyWeight, body, _bodyNorms.IsEmpty ? Scorer.BodyNorm(article) : _bodyNorms[article]);
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
                // Each of its terms' postings in this part (binary search: only the page's hits get here).
                ref readonly ModeView view = ref _index.Modes;
                int freq = 0;
                for (int t = node.Term; t < node.TermEnd; t++)
                {
                    int end = view.TermPostings[t + 1];
                    int posting = view.PostingParts.LowerBound(view.TermPostings[t], end, part);
                    if (posting == end || view.PostingParts[posting] != part)
                    {
                        continue;
                    }

                    int positionsEnd = view.PostingEnds[posting];
                    int positionStart = view.PositionStart(posting);
                    freq += positionsEnd - positionStart;
                    for (int i = positionStart; i < positionsEnd; i++)
                    {
                        spans.Add(((long)view.Positions[i] << 16) | 1);
                    }
                }

                score = freq > 0 ? PartScore(ref node, part, freq) : 0f;
                return freq > 0;
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

    /// <summary>A prefix's cursor over its merged documents: the first at or after <paramref name="target"/> (its index in <see cref="SearchContext.Prefixes"/>), or <see cref="PlanNode.End"/>.</summary>
    private readonly int NextPrefixDoc(ref PlanNode node, int target)
    {
        Buffer<PrefixDoc> docs = _context.Prefixes;
        int i = node.Cursor;
        if (i < node.End && docs[i].Doc < target)
        {
            // Gallop, then binary search.
            int step = 1, low = i;
            int probe = i + 1;
            while (probe < node.End && docs[probe].Doc < target)
            {
                low = probe;
                step <<= 1;
                probe = i + step;
            }

            int lo = low + 1, hi = Math.Min(probe + 1, node.End);
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (docs[mid].Doc < target)
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
        return i;
    }

    /// <summary>A prefix's next part (parts as the unit) at or after <paramref name="target"/>, and its frequency there.</summary>
    private readonly int NextPrefixPart(ref PlanNode node, int target, out int freq)
    {
        int i = NextPrefixDoc(ref node, target);
        if (i >= node.End)
        {
            freq = 0;
            return NoMore;
        }

        PrefixDoc doc = _context.Prefixes[i];
        freq = doc.TitleFreq + doc.BodyFreq;
        return doc.Doc;
    }

    /// <summary>A prefix's merged documents read in one pass.</summary>
    private readonly void EnumeratePrefix(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        Buffer<PrefixDoc> docs = _context.Prefixes;
        for (int i = node.Cursor; i < node.End; i++)
        {
            PrefixDoc doc = docs[i];
            output.Add(new ScoredDoc(doc.Doc, _articles
                ? ArticleScore(ref node, doc.Doc, doc.TitleFreq, doc.BodyFreq)
                : PartScore(ref node, doc.Doc, doc.TitleFreq + doc.BodyFreq)));
        }

        node.Cursor = node.End;
    }

    /// <summary>
    /// The phrase cursor: a conjunction of its words' part postings (leapfrog by galloping; a word is the union of
    /// its terms), positions read only in the parts that hold every word. Returns the next part at or after
    /// <paramref name="target"/> with a match, and how many (1 when counting: existence is enough).
    /// </summary>
    private readonly int NextPhrasePart(ref PlanNode node, int target, out int freq) => NextPhrasePart(ref node, target, NoMore, out freq);

    /// <summary>As <see cref="NextPhrasePart(ref PlanNode, int, out int)"/>, but gives up at <paramref name="limit"/> (returns a part ≥ it, unverified).</summary>
    private readonly int NextPhrasePart(ref PlanNode node, int target, int limit, out int freq)
    {
        if (node.CurrentPart >= target)
        {
            freq = node.CurrentFreq;
            return node.CurrentPart;
        }

        int part = target;
        while (true)
        {
            part = NextCommonPart(ref node, part);
            if (part >= limit)
            {
                freq = 0;
                return part;
            }

            int matches = PhraseMatches(ref node, part, null, !_scoring);
            if (matches > 0)
            {
                node.CurrentPart = part;
                node.CurrentFreq = matches;
                freq = matches;
                return part;
            }

            part++;
        }
    }

    /// <summary>The first part at or after <paramref name="target"/> where every word of the phrase occurs (leapfrog), or <see cref="NoMore"/>.</summary>
    private readonly int NextCommonPart(ref PlanNode phrase, int target)
    {
        int part = target;
        int agreed = 0;
        for (int w = 0; agreed < phrase.Count; w = w + 1 == phrase.Count ? 0 : w + 1)
        {
            int next = NextPart(ref Plan[Plan.ChildAt(phrase.First + w)], part, out _);
            if (next == NoMore)
            {
                return NoMore;
            }

            agreed = next == part ? agreed + 1 : 1;
            part = next;
        }

        return part;
    }

    /// <summary>The first article at or after <paramref name="target"/> that holds every word of the phrase (article postings), or <see cref="NoMore"/>.</summary>
    private readonly int NextCommonArticle(ref PlanNode phrase, int target)
    {
        int article = target;
        int agreed = 0;
        for (int w = 0; agreed < phrase.Count; w = w + 1 == phrase.Count ? 0 : w + 1)
        {
            ref PlanNode word = ref Plan[Plan.ChildAt(phrase.First + w)];
            int next = NoMore;
            for (int t = 0; t < word.Count; t++)
            {
                ref PlanNode term = ref Plan[Plan.ChildAt(word.First + t)];
                ref readonly ModeView view = ref _index.Source(term.Source);
                int i = view.ArticleDocs.Gallop(term.ArticleCursor, term.ArticleEnd, article);
                term.ArticleCursor = i;
                if (i < term.ArticleEnd)
                {
                    next = Math.Min(next, view.ArticleDocs[i]);
                }
            }

            if (next == NoMore)
            {
                return NoMore;
            }

            agreed = next == article ? agreed + 1 : 1;
            article = next;
        }

        return article;
    }

    /// <summary>
    /// The phrase's occurrences in an article's title and body: each word's positions in the article read in one pass
    /// (its terms' postings there, merged), then the words matched at their offsets by a merge, a match counting when
    /// all its words are in one part. One match is enough when counting.
    /// </summary>
    private readonly bool PhraseInArticle(ref PlanNode node, int article, out int title, out int body)
    {
        if (node.SingleTerms && node.Count <= MaxPhraseWords)
        {
            return PhraseInRuns(ref node, article, out title, out body);
        }

        if (IsPairOfWords(ref node))
        {
            return PairOfWordsInArticle(ref node, article, default, out title, out body);
        }

        title = body = 0;
        int first = _index.ArticleFirstParts[article];
        int end = _index.ArticleFirstParts[article + 1];
        if (node.Count > MaxPhraseWords || _index.PartCount >= 1 << 24)
        {
            for (int part = NextPhrasePart(ref node, first, end, out int freq); part < end; part = NextPhrasePart(ref node, part + 1, end, out freq))
            {
                title += part == first ? freq : 0;
                body += part == first ? 0 : freq;
                if (!_scoring)
                {
                    break;
                }
            }

            return title + body > 0;
        }

        // Each word's (position << 24 | part) in the article, ascending: segment [starts[w], starts[w + 1]) of the buffer.
        Buffer<long> buffer = _context.PhrasePositions;
        buffer.Clear();
        PhraseInts startBuffer = default;
        PhraseInts nextBuffer = default;
        Span<int> starts = ((Span<int>)startBuffer).Slice(0, node.Count + 1);
        Span<int> next = ((Span<int>)nextBuffer).Slice(0, node.Count);
        for (int w = 0; w < node.Count; w++)
        {
            starts[w] = buffer.Count;
            ref PlanNode word = ref Plan[Plan.ChildAt(node.First + w)];
            for (int t = 0; t < word.Count; t++)
            {
                ref PlanNode term = ref Plan[Plan.ChildAt(word.First + t)];
                ref readonly ModeView view = ref _index.Source(term.Source);
                int i = view.PostingParts.Gallop(term.Cursor, term.End, first);
                int from = i < term.End ? view.PositionStart(i) : 0;
                for (; i < term.End; i++)
                {
                    int part = view.PostingParts[i];
                    if (part >= end)
                    {
                        break;
                    }

                    int to = view.PostingEnds[i];
                    long[] items = buffer.Reserve(buffer.Count + to - from);
                    int written = buffer.Count;
                    for (int at = from; at < to; at++)
                    {
                        items[written++] = ((long)view.Positions[at] << 24) | (uint)part;
                    }

                    buffer.SetCount(written);
                    from = to;
                }

                term.Cursor = i;
            }

            int count = buffer.Count - starts[w];
            if (count == 0)
            {
                return false;
            }

            if (word.Count > 1)
            {
                // Several terms: merge their positions (a position two terms share counts once).
                Span<long> segment = buffer.AsSpan(starts[w], count);
                SmallSort.Sort(segment);
                int unique = 1;
                for (int k = 1; k < segment.Length; k++)
                {
                    if (segment[k] != segment[unique - 1])
                    {
                        segment[unique++] = segment[k];
                    }
                }

                buffer.Truncate(starts[w] + unique);
            }

            next[w] = starts[w];
        }

        starts[node.Count] = buffer.Count;
        int anchor = RarestWord(starts);
        int anchorOffset = Plan[Plan.ChildAt(node.First + anchor)].Offset;
        for (int e = starts[anchor]; e < starts[anchor + 1]; e++)
        {
            long entry = buffer[e];
            long part = entry & 0xFFFFFF;
            long origin = (entry >> 24) - anchorOffset;
            bool match = true;
            for (int w = 0; w < node.Count && match; w++)
            {
                if (w == anchor)
                {
                    continue;
                }

                long target = ((origin + Plan[Plan.ChildAt(node.First + w)].Offset) << 24) | part;
                int k = next[w];
                while (k < starts[w + 1] && buffer[k] < target)
                {
                    k++;
                }

                next[w] = k;
                match = k < starts[w + 1] && buffer[k] == target;
            }

            if (!match)
            {
                continue;
            }

            if (part == first)
            {
                title++;
            }
            else
            {
                body++;
            }

            if (!_scoring)
            {
                break;
            }
        }

        return title + body > 0;
    }

    /// <summary>
    /// <see cref="PhraseInArticle"/> for two words of several terms each (the default mode: a word as written and its
    /// stems), the second after the first: every term's positions in the article located from its article postings (no
    /// part postings read), the second word's marked in a byte map, the first word's tested against it at the words'
    /// distance (a position two terms of the first word share is counted once: a second map), a hit counting when no
    /// part starts between the two words. What the merge of part postings did, without sorting positions. With
    /// <paramref name="partCounts"/> (one per part of the article), each part's matches are added there too, and every
    /// match is counted (parts as the unit).
    /// </summary>
    private readonly bool PairOfWordsInArticle(ref PlanNode node, int article, Span<int> partCounts, out int title, out int body)
    {
        title = body = 0;
        ref PlanNode firstWord = ref Plan[Plan.ChildAt(node.First)];
        ref PlanNode secondWord = ref Plan[Plan.ChildAt(node.First + 1)];
        int shift = secondWord.Offset - firstWord.Offset;
        int firstPart = _index.ArticleFirstParts[article];
        int endPart = _index.ArticleFirstParts[article + 1];
        int origin = _index.PartFirstTokens[firstPart];
        int titleEnd = _index.PartFirstTokens[firstPart + 1];
        int length = _index.PartFirstTokens[endPart] - origin + shift + 1;
        Span<byte> maps = _context.PhraseSeen.Reserve(3 * length).AsSpan(0, 3 * length);
        maps.Clear();
        Span<byte> second = maps.Slice(0, length);
        Span<byte> seen = maps.Slice(length, length);
        Span<byte> partStarts = maps.Slice(2 * length, length);
        for (int p = firstPart + 1; p < endPart; p++)
        {
            partStarts[_index.PartFirstTokens[p] - origin] = 1;
        }

        for (int t = 0; t < secondWord.Count; t++)
        {
            ref PlanNode term = ref Plan[Plan.ChildAt(secondWord.First + t)];
            if (TermRun(ref term, article, firstPart, out int from, out int to))
            {
                _index.Source(term.Source).Positions.Mark(from, to, second, origin);
            }
        }

        for (int t = 0; t < firstWord.Count; t++)
        {
            ref PlanNode term = ref Plan[Plan.ChildAt(firstWord.First + t)];
            if (!TermRun(ref term, article, firstPart, out int from, out int to))
            {
                continue;
            }

            IndexInts positions = _index.Source(term.Source).Positions;
            for (int i = from; i < to; i++)
            {
                int at = positions[i] - origin;
                if (seen[at] != 0 || second[at + shift] == 0)
                {
                    seen[at] = 1;
                    continue;
                }

                seen[at] = 1;
                bool onePart = true;
                for (int q = at + 1; q <= at + shift && onePart; q++)
                {
                    onePart = partStarts[q] == 0;
                }

                if (!onePart)
                {
                    continue;
                }

                if (at + origin < titleEnd)
                {
                    title++;
                }
                else
                {
                    body++;
                }

                if (!partCounts.IsEmpty)
                {
                    partCounts[PartOf(at + origin, firstPart, endPart) - firstPart]++;
                }
                else if (!_scoring)
                {
                    return true;
                }
            }
        }

        return title + body > 0;
    }

    /// <summary>Whether a phrase is two words, the second after the first: read with the byte maps of <see cref="PairOfWordsInArticle"/> (unless a test asks for the merge).</summary>
    private readonly bool IsPairOfWords(ref PlanNode phrase) =>
        phrase.Count == 2 && Plan[Plan.ChildAt(phrase.First + 1)].Offset > Plan[Plan.ChildAt(phrase.First)].Offset && !PhraseMerge.Enabled;

    /// <summary>The part of [<paramref name="firstPart"/>, <paramref name="endPart"/>) that holds word <paramref name="token"/> (binary search).</summary>
    private readonly int PartOf(int token, int firstPart, int endPart)
    {
        int lo = firstPart, hi = endPart - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo + 1) >> 1);
            if (_index.PartFirstTokens[mid] <= token)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// A two-word phrase with parts as the unit, article by article: the candidate articles from the words' article
    /// postings (leapfrog), each one's matches found with the byte maps of <see cref="PairOfWordsInArticle"/> and listed per
    /// part in order, instead of a conjunction of part postings verified part by part.
    /// </summary>
    private readonly void EnumeratePhraseParts(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        Buffer<int> counts = _context.PhrasePartCounts;
        for (int article = NextCommonArticle(ref node, 0); article != NoMore; article = NextCommonArticle(ref node, article + 1))
        {
            int first = _index.ArticleFirstParts[article];
            int parts = _index.ArticleFirstParts[article + 1] - first;
            Span<int> partCounts = counts.Reserve(parts).AsSpan(0, parts);
            partCounts.Clear();
            if (!PairOfWordsInArticle(ref node, article, partCounts, out _, out _))
            {
                continue;
            }

            for (int k = 0; k < parts; k++)
            {
                if (partCounts[k] > 0)
                {
                    output.Add(new ScoredDoc(first + k, PartScore(ref node, first + k, partCounts[k])));
                }
            }
        }
    }

    /// <summary>
    /// A term's positions in <paramref name="article"/> ([<paramref name="from"/>, <paramref name="to"/>) of its mode's
    /// positions), found from its article postings (the frequencies of skipped postings added up, or a gallop); false when the term is not in
    /// the article. Its article cursor must stand at or before the article (the phrase's leapfrog leaves it there).
    /// </summary>
    private readonly bool TermRun(ref PlanNode term, int article, int firstPart, out int from, out int to)
    {
        from = to = 0;
        ref readonly ModeView view = ref _index.Source(term.Source);
        int posting = view.ArticleDocs.Gallop(term.ArticleCursor, term.ArticleEnd, article);
        term.ArticleCursor = posting;
        if (posting >= term.ArticleEnd || view.ArticleDocs[posting] != article)
        {
            return false;
        }

        int start = term.PositionCursor;
        if (posting - term.PositionPosting <= LinearPositionSkip)
        {
            for (int p = term.PositionPosting; p < posting; p++)
            {
                start += view.ArticleTitleFreqs[p] + view.ArticleBodyFreqs[p];
            }
        }
        else
        {
            start = view.Positions.Gallop(start, term.PositionEnd, _index.PartFirstTokens[firstPart]);
        }

        int freq = view.ArticleTitleFreqs[posting] + view.ArticleBodyFreqs[posting];
        term.PositionPosting = posting + 1;
        term.PositionCursor = start + freq;
        from = start;
        to = start + freq;
        return true;
    }

    /// <summary>
    /// <see cref="PhraseInArticle"/> for a phrase of one term per word whose article cursors stand on
    /// <paramref name="article"/>: the title's matches, then the body's (not when counting and the title has one).
    /// </summary>
    private readonly bool PhraseInRuns(ref PlanNode node, int article, out int title, out int body)
    {
        scoped PhraseRuns runs = LocateRuns(ref node, article, stackalloc int[PhraseRuns.IntsPerWord * node.Count]);
        FieldMatches(runs, any: !_scoring, out title, out body);
        return title + body > 0;
    }

    /// <summary>
    /// The phrase's matches in the title and in the body of the article whose positions <paramref name="runs"/> holds;
    /// when <paramref name="any"/>, only whether there is one (a field may stop at its first match, the body is not
    /// read when the title has one).
    /// </summary>
    private readonly void FieldMatches(scoped in PhraseRuns runs, bool any, out int title, out int body)
    {
        if (runs.Count == 2 && runs.SameSource && runs.Offsets[1] > runs.Offsets[0])
        {
            PairMatches(runs, any, out title, out body);
            return;
        }

        title = RunMatches(runs, title: true, any);
        body = title > 0 && any ? 0 : RunMatches(runs, title: false, any);
    }

    /// <summary>
    /// <see cref="FieldMatches"/> for two words of one index, the second after the first: a mark at each of the second word's
    /// positions in the article (its title's, then its body's too), and each position of the first word tested against
    /// it at the words' distance. Unlike a merge, no step branches on the data (a hit in the body, rare, is checked to lie
    /// in one block), so the cost is the same whatever the branch predictor has seen.
    /// </summary>
    private readonly void PairMatches(scoped in PhraseRuns runs, bool any, out int title, out int body)
    {
        IndexInts positions = _index.Source(runs.Sources[0]).Positions;
        int shift = runs.Offsets[1] - runs.Offsets[0];
        int origin = _index.PartFirstTokens[runs.FirstPart];
        int length = _index.PartFirstTokens[runs.EndPart] - origin + shift + 1;
        Span<byte> seen = _context.PhraseSeen.Reserve(length).AsSpan(0, length);
        seen.Clear();

        // Title: the second word's title positions only, so no match reaches into the body. Body: its body positions
        // added, which the first word's body positions alone can meet. Marked and tested straight from the index bytes.
        positions.Mark(runs.From[1], runs.TitleEnd[1], seen, origin);
        title = positions.CountMarked(runs.From[0], runs.TitleEnd[0], seen, origin - shift);
        body = 0;
        if (any && title > 0)
        {
            return;
        }

        positions.Mark(runs.TitleEnd[1], runs.To[1], seen, origin);
        if (positions.CountMarked(runs.TitleEnd[0], runs.To[0], seen, origin - shift) == 0)
        {
            return;
        }

        // A body match counts when no block starts between its words (rare: checked per hit).
        int part = runs.FirstPart + 1;
        for (int i = runs.TitleEnd[0]; i < runs.To[0]; i++)
        {
            int position = positions[i];
            if (seen[position - origin + shift] != 0 && InOnePart(runs, position - runs.Offsets[0], ref part))
            {
                body++;
                if (any)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Each word's positions in an article where the phrase's article cursors stand: one ascending run of the mode's
    /// positions per word (its term's postings there, title first), found from its article postings without reading
    /// its part postings. <paramref name="buffer"/>: <see cref="PhraseRuns.IntsPerWord"/> ints per word.
    /// </summary>
    private readonly PhraseRuns LocateRuns(ref PlanNode node, int article, Span<int> buffer)
    {
        int count = node.Count;
        var runs = new PhraseRuns(buffer, count)
        {
            FirstPart = _index.ArticleFirstParts[article],
            EndPart = _index.ArticleFirstParts[article + 1],
            MinOffset = int.MaxValue,
            MaxOffset = int.MinValue,
            SameSource = true,
        };
        for (int w = 0; w < count; w++)
        {
            ref PlanNode word = ref Plan[Plan.ChildAt(node.First + w)];
            ref PlanNode term = ref Plan[Plan.ChildAt(word.First)];
            TermRun(ref term, article, runs.FirstPart, out int start, out int end); // the leapfrog left the cursor on the article
            runs.From[w] = start;
            runs.TitleEnd[w] = start + _index.Source(term.Source).ArticleTitleFreqs[term.ArticleCursor];
            runs.To[w] = end;
            runs.Offsets[w] = word.Offset;
            runs.Sources[w] = term.Source;
            runs.MinOffset = Math.Min(runs.MinOffset, word.Offset);
            runs.MaxOffset = Math.Max(runs.MaxOffset, word.Offset);
            runs.SameSource &= term.Source == runs.Sources[0];
        }

        return runs;
    }

    /// <summary>
    /// The phrase's matches in the title (every word's positions there: one part) or in the body (a match counts when
    /// no block starts after its first word and at or before its last); the first only when <paramref name="any"/>.
    /// The shortest run is walked, the others followed by cursors that each read a position once.
    /// </summary>
    private readonly int RunMatches(scoped in PhraseRuns runs, bool title, bool any)
    {
        int count = runs.Count;
        Span<int> at = runs.At;
        int anchor = 0;
        for (int w = 0; w < count; w++)
        {
            at[w] = title ? runs.From[w] : runs.TitleEnd[w];
            int to = title ? runs.TitleEnd[w] : runs.To[w];
            if (at[w] == to)
            {
                return 0;
            }

            anchor = to - at[w] < End(runs, anchor, title) - at[anchor] ? w : anchor;
        }

        int part = runs.FirstPart + 1;
        int matches = 0;
        if (count == 2 && runs.SameSource)
        {
            // Two words: one merge, each position read once.
            IndexInts positions = _index.Source(runs.Sources[0]).Positions;
            int other = 1 - anchor;
            int shift = runs.Offsets[other] - runs.Offsets[anchor];
            int j = at[other], otherEnd = End(runs, other, title);
            int next = positions[j];
            for (int i = at[anchor], anchorEnd = End(runs, anchor, title); i < anchorEnd; i++)
            {
                int target = positions[i] + shift;
                while (next < target)
                {
                    if (++j == otherEnd)
                    {
                        return matches;
                    }

                    next = positions[j];
                }

                if (next == target && (title || InOnePart(runs, target - runs.Offsets[other], ref part)))
                {
                    matches++;
                    if (any)
                    {
                        return matches;
                    }
                }
            }

            return matches;
        }

        for (int i = at[anchor], anchorEnd = End(runs, anchor, title); i < anchorEnd; i++)
        {
            int origin = _index.Source(runs.Sources[anchor]).Positions[i] - runs.Offsets[anchor];
            bool match = true;
            for (int w = 0; w < count && match; w++)
            {
                if (w == anchor)
                {
                    continue;
                }

                ref readonly IndexInts positions = ref _index.Source(runs.Sources[w]).Positions;
                int target = origin + runs.Offsets[w];
                int k = at[w], end = End(runs, w, title);
                while (k < end && positions[k] < target)
                {
                    k++;
                }

                if (k == end)
                {
                    // This word has no position left: no later match.
                    return matches;
                }

                at[w] = k;
                match = positions[k] == target;
            }

            if (match && (title || InOnePart(runs, origin, ref part)))
            {
                matches++;
                if (any)
                {
                    return matches;
                }
            }
        }

        return matches;

        static int End(scoped in PhraseRuns runs, int w, bool title) => title ? runs.TitleEnd[w] : runs.To[w];
    }

    /// <summary>
    /// Whether the body match at <paramref name="origin"/> is in one block: no part starts after its first word and at or
    /// before its last. <paramref name="part"/>: a part that starts at or before its first word (matches ascend).
    /// </summary>
    private readonly bool InOnePart(scoped in PhraseRuns runs, int origin, ref int part)
    {
        part = _index.PartFirstTokens.Gallop(part, runs.EndPart, origin + runs.MinOffset + 1);
        return part == runs.EndPart || _index.PartFirstTokens[part] > origin + runs.MaxOffset;
    }

    /// <summary>The word whose segment of <paramref name="starts"/> is shortest.</summary>
    private static int RarestWord(ReadOnlySpan<int> starts)
    {
        int best = 0;
        for (int w = 1; w + 1 < starts.Length; w++)
        {
            if (starts[w + 1] - starts[w] < starts[best + 1] - starts[best])
            {
                best = w;
            }
        }

        return best;
    }

    /// <summary>Articles that hold the phrase: candidates from the words' article postings, verified part by part.</summary>
    private readonly void EnumeratePhraseArticles(ref PlanNode node, Buffer<ScoredDoc> output)
    {
        for (int article = NextCommonArticle(ref node, 0); article != NoMore; article = NextCommonArticle(ref node, article + 1))
        {
            if (PhraseInArticle(ref node, article, out int title, out int body))
            {
                output.Add(new ScoredDoc(article, ArticleScore(ref node, article, title, body)));
            }
        }
    }

    /// <summary>
    /// Counts the phrase's matches in <paramref name="part"/>, where every word's cursor stands (or can gallop to);
    /// adds each match's first position to <paramref name="spans"/> as (position &lt;&lt; 16 | words) when given.
    /// Walks the positions of the anchor word (the rarest); stops at the first match when <paramref name="any"/>.
    /// </summary>
    public readonly int PhraseMatches(ref PlanNode node, int part, Buffer<long>? spans, bool any = false)
    {
        ref PlanNode anchor = ref Plan[Plan.ChildAt(node.First + node.Anchor)];
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
                int position = view.Positions[i];
                int origin = position - anchor.Offset;
                if (SeenByEarlierTerm(ref anchor, t, part, position) || !OthersAt(ref node, part, origin))
                {
                    continue;
                }

                matches++;
                spans?.Add(((long)origin << 16) | (long)(lastOffset + 1));
                if (any)
                {
                    return matches;
                }
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
        for (int w = 0; w < phrase.Count; w++)
        {
            if (w == phrase.Anchor)
            {
                continue;
            }

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

/// <summary>A phrase's words' positions in one article (<see cref="Evaluator"/>): per word, [From, To) of its mode's positions, the title's up to TitleEnd.</summary>
internal ref struct PhraseRuns
{
    /// <summary>The ints of scratch a word takes.</summary>
    public const int IntsPerWord = 6;

    public PhraseRuns(Span<int> buffer, int count)
    {
        Count = count;
        At = buffer.Slice(5 * count, count);
        From = buffer.Slice(0, count);
        TitleEnd = buffer.Slice(count, count);
        To = buffer.Slice(2 * count, count);
        Offsets = buffer.Slice(3 * count, count);
        Sources = buffer.Slice(4 * count, count);
    }

    public int Count { get; }

    public Span<int> From { get; }

    public Span<int> TitleEnd { get; }

    public Span<int> To { get; }

    public Span<int> Offsets { get; }

    public Span<int> Sources { get; }

    /// <summary>Scratch: each word's cursor in its run.</summary>
    public Span<int> At { get; }

    public int FirstPart { get; set; }

    public int EndPart { get; set; }

    public int MinOffset { get; set; }

    public int MaxOffset { get; set; }

    public bool SameSource { get; set; }
}

/// <summary>
/// Tests only (set by reflection, this thread): two-word phrases of several terms a word take the merge of part postings
/// instead of the byte maps of <c>Evaluator.PairOfWordsInArticle</c>, so that a test compares the two on the same index.
/// </summary>
internal static class PhraseMerge
{
    [ThreadStatic]
    private static bool s_enabled;

    public static bool Enabled
    {
        get => s_enabled;
        set => s_enabled = value;
    }
}
