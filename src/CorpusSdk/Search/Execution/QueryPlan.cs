using System;
using CorpusSdk.Analysis;
using CorpusSdk.Search.Query;

namespace CorpusSdk.Search.Execution;

/// <summary>The kinds of plan node.</summary>
internal enum PlanKind : byte
{
    /// <summary>Matches nothing (a word not in the index).</summary>
    Nothing,

    /// <summary>One term of the index: a postings cursor. Scored.</summary>
    Term,

    /// <summary>Words at consecutive positions of one part; children are <see cref="Word"/> nodes. Scored.</summary>
    Phrase,

    /// <summary>Every term that starts with a prefix, merged into one postings list. Scored.</summary>
    Prefix,

    /// <summary>A query word's terms (as written, and its stems); the best-scoring one counts.</summary>
    Word,

    /// <summary>All children match (children marked <see cref="PlanNode.Excluded"/> must not).</summary>
    And,

    /// <summary>At least one child matches; scores add up.</summary>
    Or,
}

/// <summary>
/// One node of a query plan. Leaves hold their postings cursor (<see cref="Cursor"/> up to <see cref="End"/>)
/// and their BM25 weights for the title and body fields.
/// </summary>
internal struct PlanNode
{
    public PlanKind Kind;
    public bool Excluded;

    /// <summary>Children: <c>Children[First..First+Count)</c> of the plan.</summary>
    public int First;
    public int Count;

    /// <summary>
    /// Term: 0 = the query mode's index, 1 = the normalized index (default mode only); its number in this corpus's
    /// dictionary, -1 when only another corpus of the <see cref="QueryCollection"/> has it (no postings here).
    /// </summary>
    public int Source;

    /// <summary>Term: its number. Prefix: its terms are [<see cref="Term"/>, <see cref="TermEnd"/>).</summary>
    public int Term;
    public int TermEnd;

    /// <summary>Word inside a phrase: its position relative to the phrase's first word.</summary>
    public int Offset;

    /// <summary>Query boost: 1, or less for a word matched only through an affix.</summary>
    public float Boost;

    /// <summary>Estimated number of postings to read.</summary>
    public long Cost;

    /// <summary>Postings cursor: where it starts, the next posting to read and the end (Term: part postings; Prefix: its merged documents).</summary>
    public int Start;
    public int Cursor;
    public int End;

    /// <summary>Phrase: the word whose positions it walks (the rarest), and the part it last returned with its frequency.</summary>
    public int Anchor;
    public int CurrentPart;
    public int CurrentFreq;

    /// <summary>
    /// Term and prefix: document frequencies in the collection (<see cref="QueryCollection"/>) of articles by title, of
    /// articles by body, of blocks; a prefix's are the largest among its terms.
    /// </summary>
    public int TitleDf;
    public int BodyDf;
    public int BlockDf;

    /// <summary>Term: its article postings cursor (start, next, end), used when articles are the unit.</summary>
    public int ArticleStart;
    public int ArticleCursor;
    public int ArticleEnd;

    /// <summary>
    /// Term in a phrase, articles as the unit: its positions are [<see cref="PositionStart"/>, <see cref="PositionEnd"/>)
    /// of the mode's positions (ascending: positions are global word numbers); those of article posting
    /// <see cref="PositionPosting"/> start at <see cref="PositionCursor"/>.
    /// Phrase: whether each of its words has one term (its positions verified article by article from these runs).
    /// </summary>
    public int PositionStart;
    public int PositionEnd;
    public int PositionPosting;
    public int PositionCursor;
    public bool SingleTerms;

    /// <summary>
    /// Phrase, articles as the unit: answered by the pair index. <see cref="ArticleStart"/> to <see cref="ArticleEnd"/> are
    /// the pair's article postings in <see cref="Source"/>'s index (the articles that have the phrase, with its title and
    /// body frequencies), read as a term's; its words' own cursors serve highlights.
    /// </summary>
    public bool Paired;

    /// <summary>
    /// Prefix over articles that matches one term of this corpus: <see cref="ArticleStart"/> to <see cref="ArticleEnd"/>
    /// are that term's article postings (the documents and frequencies a merge would give), read as a term's at the
    /// prefix's own weights (no merged list: <see cref="Start"/> = <see cref="End"/>), so the top k reads them block by
    /// block with their bounds.
    /// </summary>
    public bool SingleTerm;

    /// <summary>
    /// Prefix over articles merged through the dense arrays: its chunks' bounds start at this index of
    /// <see cref="SearchContext.PrefixChunks"/> (one chunk per 16 articles of the corpus, all of them); -1 otherwise.
    /// </summary>
    public int ChunkStart;

    /// <summary>BM25 weight (idf · boost · (k1 + 1)) in the title and in the body.</summary>
    public float TitleWeight;
    public float BodyWeight;

    /// <summary>The range of the query this node came from.</summary>
    public int QueryStart;
    public int QueryLength;
}

/// <summary>A document (article or part) of a prefix's merged postings and its occurrences of the prefix's terms (a part's all in <see cref="TitleFreq"/>).</summary>
internal struct PrefixDoc : IComparable<PrefixDoc>
{
    public int Doc;
    public int TitleFreq;
    public int BodyFreq;

    public PrefixDoc(int doc, int titleFreq, int bodyFreq)
    {
        Doc = doc;
        TitleFreq = titleFreq;
        BodyFreq = bodyFreq;
    }

    public readonly int CompareTo(PrefixDoc other) => Doc.CompareTo(other.Doc);
}

/// <summary>
/// Turns a parsed query into a plan: analyses each word with <see cref="TextAnalyzer"/> (the index's own
/// analysis), looks its terms up, merges prefixes, computes each leaf's BM25 weights, and orders the
/// clauses of every AND by cost so the rarest drives.
/// </summary>
internal static class QueryPlanner
{
    /// <summary>Boost of a default-mode term reached only through a stripped prefix or suffix (docs/search.md).</summary>
    public const float AffixBoost = 0.5f;

    /// <summary>
    /// Builds the plan of the parsed query whose root is <paramref name="node"/> in the corpus of <paramref name="index"/>,
    /// with document frequencies and costs from <paramref name="collection"/>, for articles or parts as the unit
    /// (<paramref name="articles"/>: a prefix merges article or part postings); returns the plan root, or -1 when the
    /// query constrains nothing.
    /// </summary>
    public static int Plan(SearchContext context, ReadOnlySpan<char> query, in IndexView index, int node, in QueryCollection collection, bool articles)
    {
        context.Plan.Clear();
        context.PrefixChunks.Clear();
        context.Prefixes.Clear();
        context.Collection = collection;
        int root = node < 0 ? -1 : Build(context, query, index, node, articles);
        context.Collection = default;
        return root;
    }

    private static int Build(SearchContext context, ReadOnlySpan<char> query, in IndexView index, int node, bool articles)
    {
        SyntaxNode syntax = context.Syntax[node];
        switch (syntax.Kind)
        {
            case SyntaxKind.Word:
            case SyntaxKind.Phrase:
                return Words(context, query.Slice(syntax.Start, syntax.Length), syntax.Start, index, articles);
            case SyntaxKind.Prefix:
                return Prefix(context, query.Slice(syntax.Start, syntax.Length), syntax.Start, index, articles);
            case SyntaxKind.Not:
            {
                int child = Build(context, query, index, syntax.FirstChild, articles);
                if (child >= 0)
                {
                    context.Plan[child].Excluded = true;
                }

                return child;
            }

            default:
                return Combine(context, query, index, syntax, articles);
        }
    }

    private static int Combine(SearchContext context, ReadOnlySpan<char> query, in IndexView index, SyntaxNode syntax, bool articles)
    {
        PlanBuffer plan = context.Plan;
        bool and = syntax.Kind == SyntaxKind.And;

        // Children are planned first (into the node list), then gathered contiguously into the child list.
        int mark = context.Scratch.Count;
        for (int child = syntax.FirstChild; child >= 0; child = context.Syntax[child].NextSibling)
        {
            int planned = Build(context, query, index, child, articles);
            if (planned >= 0)
            {
                context.Scratch.Add(planned);
            }
        }

        int count = context.Scratch.Count - mark;
        int positives = 0;
        bool nothing = false;
        long cost = and ? long.MaxValue : 0;
        for (int i = mark; i < context.Scratch.Count; i++)
        {
            ref PlanNode child = ref plan[context.Scratch[i]];
            if (child.Excluded)
            {
                continue;
            }

            positives++;
            nothing |= and && child.Kind == PlanKind.Nothing;
            cost = and ? Math.Min(cost, child.Cost) : cost + child.Cost;
        }

        int result;
        if (positives == 0)
        {
            // Only words that analysis drops (or only exclusions of such): nothing to find.
            result = count == 0 ? -1 : plan.Add(PlanKind.Nothing, syntax.Start, syntax.Length);
        }
        else if (nothing)
        {
            result = plan.Add(PlanKind.Nothing, syntax.Start, syntax.Length);
        }
        else if (count == 1)
        {
            result = context.Scratch[mark];
        }
        else
        {
            if (and)
            {
                // Positive clauses by cost, exclusions last.
                Span<int> children = context.Scratch.AsSpan(mark, count);
                SortByCost(children, plan);
            }

            result = plan.Add(and ? PlanKind.And : PlanKind.Or, syntax.Start, syntax.Length);
            plan[result].First = plan.ChildCount;
            plan[result].Count = count;
            plan[result].Cost = cost;
            for (int i = mark; i < context.Scratch.Count; i++)
            {
                plan.AddChild(context.Scratch[i]);
            }
        }

        context.Scratch.Truncate(mark);
        return result;
    }

    private static void SortByCost(Span<int> children, PlanBuffer plan)
    {
        for (int i = 1; i < children.Length; i++)
        {
            int value = children[i];
            long key = Key(plan[value]);
            int j = i - 1;
            while (j >= 0 && Key(plan[children[j]]) > key)
            {
                children[j + 1] = children[j];
                j--;
            }

            children[j + 1] = value;
        }

        static long Key(in PlanNode node) => node.Excluded ? long.MaxValue : node.Cost;
    }

    /// <summary>A word, or words at consecutive positions (a phrase, or a word that analysis splits, as <c>e-mail</c>).</summary>
    private static int Words(SearchContext context, ReadOnlySpan<char> text, int queryStart, in IndexView index, bool articles)
    {
        PlanBuffer plan = context.Plan;
        WordChars charBuffer = default;
        WordBytes byteBuffer = default;
        TermCandidates termBuffer = default;
        Span<char> chars = charBuffer;
        Span<byte> bytes = byteBuffer;
        Span<LightStemmer.Candidate> terms = termBuffer;
        var analyzer = new TextAnalyzer(text);
        int mark = context.Scratch.Count;
        bool missing = false;
        int firstOffset = -1;
        while (analyzer.Next(out AnalyzedWord word))
        {
            ReadOnlySpan<char> wordText = text.Slice(word.Start, word.Length);
            int count = TextAnalyzer.Terms(wordText, (AnalysisMode)index.Mode, chars, terms);
            if (!word.HasTerms || count <= 0 || terms[0].Length == 0)
            {
                // Dropped by the analysis (over 255 characters, a Lucene stop word, marks only): a gap that
                // any word fills, as in Lucene, whose index never holds such a word either.
                continue;
            }

            firstOffset = firstOffset < 0 ? word.Position : firstOffset;
            int wordNode = plan.Add(PlanKind.Word, queryStart + word.Start, word.Length);
            plan[wordNode].Offset = word.Position;
            plan[wordNode].First = -1;
            int termMark = context.Scratch2.Count;
            if (index.Mode == SearchMode.Default)
            {
                // The word as written (normalized) scores fully; every candidate of the default index at the affix boost.
                if (context.Collection.Find(index, 1, chars.Slice(0, terms[0].Length), bytes, out int exact, out TermCounts counts))
                {
                    context.Scratch2.Add(AddTerm(context, index, 1, exact, counts, 1f, queryStart + word.Start, word.Length));
                }
            }

            for (int t = 0; t < count; t++)
            {
                if (context.Collection.Find(index, 0, chars.Slice(terms[t].Start, terms[t].Length), bytes, out int term, out TermCounts counts))
                {
                    float boost = index.Mode == SearchMode.Default ? AffixBoost : 1f;
                    context.Scratch2.Add(AddTerm(context, index, 0, term, counts, boost, queryStart + word.Start, word.Length));
                }
            }

            int found = context.Scratch2.Count - termMark;
            if (found == 0)
            {
                missing = true;
                context.Scratch2.Truncate(termMark);
                continue;
            }

            plan[wordNode].First = plan.ChildCount;
            plan[wordNode].Count = found;
            long cost = 0;
            for (int i = termMark; i < context.Scratch2.Count; i++)
            {
                plan.AddChild(context.Scratch2[i]);
                cost += plan[context.Scratch2[i]].Cost;
            }

            plan[wordNode].Cost = cost;
            context.Scratch2.Truncate(termMark);
            context.Scratch.Add(wordNode);
        }

        int words = context.Scratch.Count - mark;
        int result;
        if (missing)
        {
            result = plan.Add(PlanKind.Nothing, queryStart, text.Length);
        }
        else if (words == 0)
        {
            result = -1;
        }
        else if (words == 1)
        {
            int only = context.Scratch[mark];
            // One word: its only term, or the word node that picks the best of its terms.
            result = plan[only].Count == 1 ? plan.ChildAt(plan[only].First) : only;
        }
        else
        {
            result = plan.Add(PlanKind.Phrase, queryStart, text.Length);
            plan[result].First = plan.ChildCount;
            plan[result].Count = words;
            long cost = long.MaxValue;
            for (int i = mark; i < context.Scratch.Count; i++)
            {
                int wordNode = context.Scratch[i];
                plan[wordNode].Offset -= firstOffset;
                cost = Math.Min(cost, plan[wordNode].Cost);
                plan.AddChild(wordNode);
            }

            plan[result].Cost = cost;
            plan[result].CurrentPart = -1;
            plan[result].SingleTerms = true;
            for (int w = 0; w < words; w++)
            {
                plan[result].SingleTerms &= plan[plan.ChildAt(plan[result].First + w)].Count == 1;
            }

            for (int w = 0; w < words; w++)
            {
                if (plan[plan.ChildAt(plan[result].First + w)].Cost == cost)
                {
                    plan[result].Anchor = w;
                    break;
                }
            }

            if (articles)
            {
                TryPair(plan, ref plan[result], index);
            }
        }

        context.Scratch.Truncate(mark);
        return result;
    }

    /// <summary>
    /// A phrase of two adjacent words of one term each, whose pair the index holds (<see cref="ModeView.TryFindPair"/>):
    /// its matching articles become the pair's article postings (<see cref="PlanNode.Paired"/>), read as a term's.
    /// </summary>
    private static void TryPair(PlanBuffer plan, ref PlanNode phrase, in IndexView index)
    {
        if (phrase.Count != 2 || !phrase.SingleTerms)
        {
            return;
        }

        ref PlanNode firstWord = ref plan[plan.ChildAt(phrase.First)];
        ref PlanNode secondWord = ref plan[plan.ChildAt(phrase.First + 1)];
        ref PlanNode first = ref plan[plan.ChildAt(firstWord.First)];
        ref PlanNode second = ref plan[plan.ChildAt(secondWord.First)];
        if (first.Source != second.Source || secondWord.Offset - firstWord.Offset != 1
            || !index.Source(first.Source).TryFindPair(first.Term, second.Term, out int start, out int end))
        {
            return;
        }

        phrase.Paired = true;
        phrase.Source = first.Source;
        phrase.ArticleStart = start;
        phrase.ArticleCursor = start;
        phrase.ArticleEnd = end;
        phrase.Cost = end - start;
    }

    /// <summary>A term leaf: its postings in this corpus (none when <paramref name="term"/> is -1), its collection counts and cost.</summary>
    private static int AddTerm(SearchContext context, in IndexView index, int source, int term, in TermCounts counts, float boost, int queryStart, int queryLength)
    {
        PlanBuffer plan = context.Plan;
        ref readonly ModeView view = ref index.Source(source);
        int node = plan.Add(PlanKind.Term, queryStart, queryLength);
        ref PlanNode leaf = ref plan[node];
        leaf.Source = source;
        leaf.Term = term;
        leaf.Boost = boost;
        leaf.Cost = counts.Postings;
        leaf.TitleDf = counts.TitleArticles;
        leaf.BodyDf = counts.BodyArticles;
        leaf.BlockDf = counts.Blocks;
        if (term < 0)
        {
            return node; // only another corpus has it: empty postings here
        }

        leaf.Start = view.TermPostings[term];
        leaf.Cursor = leaf.Start;
        leaf.End = view.TermPostings[term + 1];
        leaf.ArticleStart = view.TermArticlePostings[term];
        leaf.ArticleCursor = leaf.ArticleStart;
        leaf.ArticleEnd = view.TermArticlePostings[term + 1];
        leaf.PositionStart = view.PositionStart(leaf.Start);
        leaf.PositionEnd = view.PositionStart(leaf.End);
        leaf.PositionPosting = leaf.ArticleStart;
        leaf.PositionCursor = leaf.PositionStart;
        return node;
    }

    /// <summary>Every term of the mode's dictionary that starts with the analysed prefix, its postings merged by document.</summary>
    private static int Prefix(SearchContext context, ReadOnlySpan<char> prefix, int queryStart, in IndexView index, bool articles)
    {
        PlanBuffer plan = context.Plan;
        if (prefix.Length > WordBreaker.MaxWordLength)
        {
            return plan.Add(PlanKind.Nothing, queryStart, prefix.Length);
        }

        WordChars charBuffer = default;
        Span<char> chars = charBuffer;
        int length;
        switch (index.Mode)
        {
            case SearchMode.Exact:
                prefix.CopyTo(chars);
                length = prefix.Length;
                break;
            case SearchMode.LuceneCompatible:
                for (int i = 0; i < prefix.Length; i++)
                {
                    chars[i] = ArabicNormalizer.ToLowerInvariant(prefix[i]);
                }

                length = ArabicNormalizer.NormalizeLucene(chars, prefix.Length);
                break;
            default:
                length = ArabicNormalizer.Normalize(prefix, chars);
                break;
        }

        if (length == 0)
        {
            return -1;
        }

        WordBytes byteBuffer = default;
        Span<byte> bytes = byteBuffer;
        ref readonly ModeView view = ref index.Modes;
        (int first, int end) = view.PrefixRange(chars.Slice(0, length), bytes);
        if (!context.Collection.Prefix(context, index, chars.Slice(0, length), bytes, first, end, out TermCounts counts))
        {
            return plan.Add(PlanKind.Nothing, queryStart, prefix.Length + 1);
        }

        int start = context.Prefixes.Count;
        int chunkStart = -1;
        bool singleTerm = articles && end - first == 1; // read as its article postings below: nothing to merge
        if (articles && !singleTerm)
        {
            chunkStart = MergeArticles(context, view, first, end, index.ArticleCount);
        }
        else if (!articles)
        {
            MergeParts(context, view, first, end, index.PartCount);
        }

        int node = plan.Add(PlanKind.Prefix, queryStart, prefix.Length + 1);
        ref PlanNode leaf = ref plan[node];
        leaf.Boost = 1f;
        leaf.Term = first;
        leaf.TermEnd = end;
        leaf.Start = start;
        leaf.Cursor = start;
        leaf.End = context.Prefixes.Count;
        leaf.ChunkStart = chunkStart;
        if (singleTerm)
        {
            leaf.SingleTerm = true;
            leaf.ArticleStart = view.TermArticlePostings[first];
            leaf.ArticleCursor = leaf.ArticleStart;
            leaf.ArticleEnd = view.TermArticlePostings[first + 1];
        }

        // The collection's postings of all its terms, as a term's cost (the same plan in every corpus).
        leaf.Cost = counts.Postings;

        // The prefix's document frequency is taken as its most frequent term's (a lower bound of the union's).
        leaf.TitleDf = counts.TitleArticles;
        leaf.BodyDf = counts.BodyArticles;
        leaf.BlockDf = counts.Blocks;
        return node;
    }

    /// <summary>
    /// Unions the article postings of terms [<paramref name="first"/>, <paramref name="end"/>) (two or more: one term is
    /// read as its own postings, <see cref="PlanNode.SingleTerm"/>) into
    /// <see cref="SearchContext.Prefixes"/>, summing title and body frequencies: sums in an array over all articles
    /// when the postings are many (and then, per chunk of 16 articles, where its documents start and its largest
    /// frequencies, for the top k's chunk bounds: returns where they start in <see cref="SearchContext.PrefixChunks"/>),
    /// else gathered, sorted and merged (returns -1).
    /// </summary>
    private static int MergeArticles(SearchContext context, in ModeView view, int first, int end, int articleCount)
    {
        Buffer<PrefixDoc> docs = context.Prefixes;
        int start = docs.Count;
        int from = view.TermArticlePostings[first];
        int to = view.TermArticlePostings[end];
        if ((to - from) * 8L < articleCount)
        {
            int written = docs.Count;
            PrefixDoc[] gathered = docs.Reserve(written + to - from);
            for (int i = from; i < to; i++)
            {
                gathered[written++] = new PrefixDoc(view.ArticleDocs[i], view.ArticleTitleFreqs[i], view.ArticleBodyFreqs[i]);
            }

            docs.SetCount(written);
            SortAndMerge(docs, start);

            return -1;
        }

        int[] title = context.DenseTitle.Reserve(articleCount);
        int[] body = context.DenseBody.Reserve(articleCount);
        Array.Clear(title, 0, articleCount);
        Array.Clear(body, 0, articleCount);
        for (int i = from; i < to; i++)
        {
            int article = view.ArticleDocs[i];
            title[article] += view.ArticleTitleFreqs[i];
            body[article] += view.ArticleBodyFreqs[i];
        }

        // Compacted without a branch on the data (most articles have the prefix, some not: a branch would mispredict),
        // written with a local count; each chunk's start and largest frequencies noted on the way.
        int count = docs.Count;
        PrefixDoc[] items = docs.Reserve(count + articleCount);
        Buffer<int> chunkBuffer = context.PrefixChunks;
        int chunkStart = chunkBuffer.Count;
        int chunkSize = 1 << Evaluator.BoundBlockShift;
        int[] chunks = chunkBuffer.Reserve(chunkStart + (3 * ((articleCount + chunkSize - 1) / chunkSize)));
        int c = chunkStart;
        for (int chunk = 0; chunk < articleCount; chunk += chunkSize)
        {
            int chunkEnd = Math.Min(chunk + chunkSize, articleCount);
            int maxTitle = 0, maxBody = 0;
            chunks[c] = count;
            for (int a = chunk; a < chunkEnd; a++)
            {
                int t = title[a], b = body[a];
                items[count] = new PrefixDoc(a, t, b);
                count += (t | b) != 0 ? 1 : 0;
                maxTitle = Math.Max(maxTitle, t);
                maxBody = Math.Max(maxBody, b);
            }

            chunks[c + 1] = maxTitle;
            chunks[c + 2] = maxBody;
            c += 3;
        }

        chunkBuffer.SetCount(c);
        docs.SetCount(count);
        return chunkStart;
    }

    /// <summary>As <see cref="MergeArticles"/> over part postings (a part's frequency in <see cref="PrefixDoc.TitleFreq"/>).</summary>
    private static void MergeParts(SearchContext context, in ModeView view, int first, int end, int partCount)
    {
        Buffer<PrefixDoc> docs = context.Prefixes;
        int start = docs.Count;
        int from = view.TermPostings[first];
        int to = view.TermPostings[end];
        int previousEnd = view.PositionStart(from);
        if (end - first == 1 || (to - from) * 8L < partCount)
        {
            for (int i = from; i < to; i++)
            {
                int positionsEnd = view.PostingEnds[i];
                docs.Add(new PrefixDoc(view.PostingParts[i], positionsEnd - previousEnd, 0));
                previousEnd = positionsEnd;
            }

            if (end - first > 1)
            {
                SortAndMerge(docs, start);
            }

            return;
        }

        int[] freqs = context.DenseTitle.Reserve(partCount);
        Array.Clear(freqs, 0, partCount);
        for (int i = from; i < to; i++)
        {
            int positionsEnd = view.PostingEnds[i];
            freqs[view.PostingParts[i]] += positionsEnd - previousEnd;
            previousEnd = positionsEnd;
        }

        for (int p = 0; p < partCount; p++)
        {
            if (freqs[p] != 0)
            {
                docs.Add(new PrefixDoc(p, freqs[p], 0));
            }
        }
    }

    /// <summary>Sorts the documents from <paramref name="start"/> on and merges repeats, summing their frequencies.</summary>
    private static void SortAndMerge(Buffer<PrefixDoc> docs, int start)
    {
        Span<PrefixDoc> span = docs.AsSpan(start, docs.Count - start);
        span.Sort();
        int write = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (write > 0 && span[write - 1].Doc == span[i].Doc)
            {
                span[write - 1].TitleFreq += span[i].TitleFreq;
                span[write - 1].BodyFreq += span[i].BodyFreq;
            }
            else
            {
                span[write++] = span[i];
            }
        }

        docs.Truncate(start + write);
    }
}
