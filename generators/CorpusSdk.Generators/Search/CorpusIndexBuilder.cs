using System;
using System.Collections.Generic;
using System.Text;
using CorpusSdk.Analysis;

namespace CorpusSdk.Generators.Search;

/// <summary>
/// The corpus-wide search index as plain arrays, ready to be packed into generated code. Every array is
/// named after the <c>CorpusSdk.IndexSection</c> it is emitted as; docs/architecture.md ("The search index") draws them.
/// </summary>
internal sealed class CorpusIndex
{
    public const int ModeCount = 4;

    /// <summary>Article of each part (parts are the title, then the blocks, article after article).</summary>
    public List<int> PartArticles { get; } = new();

    /// <summary>Block index + 1 of each part (0 is the title).</summary>
    public List<int> PartBlocks { get; } = new();

    /// <summary>First global word of each part, plus the total at the end: a part's length in words.</summary>
    public List<int> PartFirstTokens { get; } = new();

    /// <summary>Running total of Lucene tokens (stop words not counted) before each part, plus the total.</summary>
    public List<int> PartLuceneStarts { get; } = new();

    /// <summary>First part of each article, plus the part count.</summary>
    public List<int> ArticleFirstParts { get; } = new();

    /// <summary>Author number of each article (into <see cref="Authors"/>).</summary>
    public List<int> ArticleAuthors { get; } = new();

    /// <summary><c>DateOnly.DayNumber</c> of each article's publication date + 1 (0: none).</summary>
    public List<int> ArticleDays { get; } = new();

    /// <summary>Distinct authors, sorted by UTF-8 bytes.</summary>
    public List<string> Authors { get; } = new();

    public List<int> TokenStarts { get; } = new();

    public List<int> TokenLengths { get; } = new();

    /// <summary>Per mode: terms sorted by UTF-8 bytes (equal to ordinal order: terms hold no surrogates).</summary>
    public List<string>[] Terms { get; } = NewLists<string>();

    /// <summary>Per mode: for term i, its part postings are [TermPostings[i], TermPostings[i+1]).</summary>
    public List<int>[] TermPostings { get; } = NewLists<int>();

    /// <summary>Per mode: the part of each posting, ascending per term.</summary>
    public List<int>[] PostingParts { get; } = NewLists<int>();

    /// <summary>Per mode: where each posting's positions end in <see cref="Positions"/> (they start where the previous posting's end).</summary>
    public List<int>[] PostingEnds { get; } = NewLists<int>();

    /// <summary>Per mode: global word numbers, ascending per posting.</summary>
    public List<int>[] Positions { get; } = NewLists<int>();

    /// <summary>Per mode: for term i, its article postings are [TermArticlePostings[i], TermArticlePostings[i+1]).</summary>
    public List<int>[] TermArticlePostings { get; } = NewLists<int>();

    /// <summary>Per mode: the article of each article posting, ascending per term.</summary>
    public List<int>[] ArticleDocs { get; } = NewLists<int>();

    /// <summary>Per mode: how often the term occurs in the article's title.</summary>
    public List<int>[] ArticleTitleFreqs { get; } = NewLists<int>();

    /// <summary>Per mode: how often the term occurs in the article's blocks.</summary>
    public List<int>[] ArticleBodyFreqs { get; } = NewLists<int>();

    /// <summary>Per mode: for each term, the number of articles whose title has it.</summary>
    public List<int>[] TermTitleArticles { get; } = NewLists<int>();

    /// <summary>Per mode: for each term, the number of articles whose body (any block) has it.</summary>
    public List<int>[] TermBodyArticles { get; } = NewLists<int>();

    /// <summary>Per mode: for each term, the number of blocks that have it.</summary>
    public List<int>[] TermBlocks { get; } = NewLists<int>();

    /// <summary>
    /// Per mode: for each block of <see cref="CorpusIndexBuilder.BoundBlock"/> article postings (by position in
    /// <see cref="ArticleDocs"/>, across terms), four numbers: the largest title frequency, the shortest title among
    /// the postings with one, the largest body frequency, the shortest body among the postings with one (lengths in
    /// the mode's units: Lucene tokens or words; 0 when no posting of the block has the field). The runtime's
    /// score bounds for early termination: BM25 grows with frequency and shrinks with length for any k1, b ≥ 0.
    /// </summary>
    public List<int>[] ArticleBlockBounds { get; } = NewLists<int>();

    /// <summary>
    /// Per mode: the fewest articles each of two terms must have for their word pairs to be indexed (0: no pair index
    /// in this mode). Between two such terms the pair index is complete: a pair it lacks never occurs.
    /// </summary>
    public int[] PairMinArticles { get; } = new int[ModeCount];

    /// <summary>Per mode: for term i, the pairs it starts are [PairStarts[i], PairStarts[i+1]) (empty without a pair index).</summary>
    public List<int>[] PairStarts { get; } = NewLists<int>();

    /// <summary>Per mode: the second term of each pair, ascending per first term.</summary>
    public List<int>[] PairSeconds { get; } = NewLists<int>();

    /// <summary>
    /// Per mode: for pair i, its article postings are [PairArticlePostings[i], PairArticlePostings[i+1]) of
    /// <see cref="ArticleDocs"/>, <see cref="ArticleTitleFreqs"/> and <see cref="ArticleBodyFreqs"/> (after every term's):
    /// the articles where the second term directly follows the first in one part, and how often, in the title and the body.
    /// </summary>
    public List<int>[] PairArticlePostings { get; } = NewLists<int>();

    /// <summary>Every mode (bit m: <see cref="IndexMode"/> m).</summary>
    public const int AllModes = (1 << ModeCount) - 1;

    /// <summary>The modes indexed (bit m: <see cref="IndexMode"/> m; <c>CorpusSdkSearchModes</c>); the others have no sections.</summary>
    public int ModeMask { get; set; } = AllModes;

    /// <summary>Whether mode <paramref name="m"/> is indexed.</summary>
    public bool HasMode(int m) => (ModeMask & (1 << m)) != 0;

    private static List<T>[] NewLists<T>() => [new(), new(), new(), new()];
}

/// <summary>Merges the per-article index models (in article order) and applies the corpus-wide stem rule.</summary>
internal static class CorpusIndexBuilder
{
    /// <summary>Article postings per block of <see cref="CorpusIndex.ArticleBlockBounds"/> (the runtime's <c>Evaluator.BoundBlockShift</c>).</summary>
    public const int BoundBlock = 16;

    /// <summary>
    /// Word pairs are indexed where both words are in at least this many articles: there a two-word phrase reads its
    /// pair's article postings (one per matching article, with the phrase's frequencies) instead of both words' positions
    /// in every article that has both. Below it, the words' own postings bound the work (docs/search.md, "Phrases").
    /// </summary>
    public const int DefaultPairMinArticles = 32;

    private const int WordForms = (1 << (int)LightStemmer.Form.Word) | (1 << (int)LightStemmer.Form.Prefixless);
    private const int StemForm = 1 << (int)LightStemmer.Form.Stem;

    /// <summary>Merges the articles' index models, in article order, into the corpus index.</summary>
    /// <param name="articles">Each article's model.</param>
    /// <param name="parallel">Build the four modes' postings on every core (the index build step; the generator starts no threads).</param>
    /// <param name="pairMinArticles">See <see cref="DefaultPairMinArticles"/>; 0 builds no pair index.</param>
    /// <param name="modes">The modes to index (<see cref="CorpusIndex.ModeMask"/>); the default mode brings the normalized mode, which it reads.</param>
    public static CorpusIndex Build(IReadOnlyList<ArticleIndexSpec> articles, bool parallel = false, int pairMinArticles = DefaultPairMinArticles, int modes = CorpusIndex.AllModes)
    {
        var index = new CorpusIndex { ModeMask = WithRequiredModes(modes) };
        var postings = new Dictionary<string, (int Forms, List<int> Tokens)>[CorpusIndex.ModeCount];
        for (int m = 0; m < CorpusIndex.ModeCount; m++)
        {
            postings[m] = new Dictionary<string, (int, List<int>)>(StringComparer.Ordinal);
        }

        var authors = new SortedSet<string>(Utf8Comparer.Instance);
        foreach (ArticleIndexSpec article in articles)
        {
            authors.Add(article.Author);
        }

        index.Authors.AddRange(authors);
        var authorNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < index.Authors.Count; i++)
        {
            authorNumbers[index.Authors[i]] = i;
        }

        // Global word number -> part, to turn positions into part postings.
        var tokenParts = new List<int>();
        int firstToken = 0;
        int lucene = 0;
        for (int a = 0; a < articles.Count; a++)
        {
            ArticleIndexSpec article = articles[a];
            int articleFirstToken = firstToken;
            index.ArticleFirstParts.Add(index.PartArticles.Count);
            index.ArticleAuthors.Add(authorNumbers[article.Author]);
            index.ArticleDays.Add(article.PublishedDay + 1);
            foreach (PartSpec part in article.Parts)
            {
                int partNumber = index.PartArticles.Count;
                index.PartArticles.Add(a);
                index.PartBlocks.Add(part.Block + 1);
                index.PartFirstTokens.Add(firstToken);
                index.PartLuceneStarts.Add(lucene);
                index.TokenStarts.AddRange(part.Starts);
                index.TokenLengths.AddRange(part.Lengths);
                for (int t = 0; t < part.Starts.Count; t++)
                {
                    tokenParts.Add(partNumber);
                }

                firstToken += part.Starts.Count;
                lucene += part.LuceneLength;
            }

            foreach (TermPostings term in article.Terms)
            {
                if (!index.HasMode((int)term.Mode))
                {
                    continue;
                }

                var map = postings[(int)term.Mode];
                if (!map.TryGetValue(term.Term, out var entry))
                {
                    entry = (0, new List<int>());
                }

                foreach (int token in term.Tokens)
                {
                    entry.Tokens.Add(articleFirstToken + token);
                }

                map[term.Term] = (entry.Forms | term.Forms, entry.Tokens);
            }
        }

        index.PartFirstTokens.Add(firstToken);
        index.PartLuceneStarts.Add(lucene);
        index.ArticleFirstParts.Add(index.PartArticles.Count);

        if (parallel)
        {
            System.Threading.Tasks.Parallel.For(0, CorpusIndex.ModeCount, m =>
            {
                if (index.HasMode(m))
                {
                    BuildMode(index, postings[m], m, tokenParts, pairMinArticles);
                }
            });
        }
        else
        {
            for (int m = 0; m < CorpusIndex.ModeCount; m++)
            {
                if (index.HasMode(m))
                {
                    BuildMode(index, postings[m], m, tokenParts, pairMinArticles);
                }
            }
        }

        return index;
    }

    /// <summary>
    /// <paramref name="modes"/> with the modes they read: the default mode scores words matched as written from the
    /// normalized mode's index. Throws when no mode is left.
    /// </summary>
    public static int WithRequiredModes(int modes)
    {
        if ((modes & CorpusIndex.AllModes) == 0)
        {
            throw new ArgumentException("At least one search mode must be indexed.", nameof(modes));
        }

        return (modes & (1 << (int)IndexMode.Default)) != 0 ? modes | (1 << (int)IndexMode.Normalized) : modes & CorpusIndex.AllModes;
    }

    /// <summary>The dictionary, postings, positions, frequencies and block bounds of mode <paramref name="m"/> (touches only that mode's lists).</summary>
    private static void BuildMode(CorpusIndex index, Dictionary<string, (int Forms, List<int> Tokens)> postings, int m, List<int> tokenParts, int pairMinArticles)
    {
        var terms = new List<string>(postings.Count);
        foreach (var pair in postings)
        {
            if (m != (int)IndexMode.Default || IsAccepted(pair.Key, pair.Value.Forms))
            {
                terms.Add(pair.Key);
            }
        }

        terms.Sort(StringComparer.Ordinal);
        index.Terms[m].AddRange(terms);
        foreach (string term in terms)
        {
            index.TermPostings[m].Add(index.PostingParts[m].Count);
            index.TermArticlePostings[m].Add(index.ArticleDocs[m].Count);
            List<int> tokens = postings[term].Tokens;
            tokens.Sort();
            int titles = 0, bodies = 0, blocks = 0;
            int lastBodyArticle = -1;
            for (int i = 0; i < tokens.Count; i++)
            {
                int part = tokenParts[tokens[i]];
                index.Positions[m].Add(tokens[i]);
                if (i + 1 < tokens.Count && tokenParts[tokens[i + 1]] == part)
                {
                    continue;
                }

                // Last position of this part: close its posting, and add it to its article's posting.
                int freq = index.Positions[m].Count - (index.PostingEnds[m].Count == 0 ? 0 : index.PostingEnds[m][index.PostingEnds[m].Count - 1]);
                index.PostingParts[m].Add(part);
                index.PostingEnds[m].Add(index.Positions[m].Count);
                int owner = index.PartArticles[part];
                int docs = index.ArticleDocs[m].Count;
                if (docs == 0 || index.ArticleDocs[m][docs - 1] != owner || index.TermArticlePostings[m][index.TermArticlePostings[m].Count - 1] == docs)
                {
                    index.ArticleDocs[m].Add(owner);
                    index.ArticleTitleFreqs[m].Add(0);
                    index.ArticleBodyFreqs[m].Add(0);
                    docs++;
                }

                if (index.PartBlocks[part] == 0)
                {
                    index.ArticleTitleFreqs[m][docs - 1] += freq;
                }
                else
                {
                    index.ArticleBodyFreqs[m][docs - 1] += freq;
                }

                if (index.PartBlocks[part] == 0)
                {
                    titles++;
                }
                else
                {
                    blocks++;
                    int article = index.PartArticles[part];
                    if (article != lastBodyArticle)
                    {
                        bodies++;
                        lastBodyArticle = article;
                    }
                }
            }

            index.TermTitleArticles[m].Add(titles);
            index.TermBodyArticles[m].Add(bodies);
            index.TermBlocks[m].Add(blocks);
        }

        index.TermPostings[m].Add(index.PostingParts[m].Count);
        index.TermArticlePostings[m].Add(index.ArticleDocs[m].Count);
        if (pairMinArticles > 0 && m != (int)IndexMode.Default)
        {
            AddPairs(index, m, terms, postings, tokenParts, pairMinArticles);
        }

        AddBlockBounds(index, m);
    }

    /// <summary>
    /// The pair index of mode <paramref name="m"/> (<see cref="CorpusIndex.PairArticlePostings"/>): every two adjacent words
    /// of one part whose terms are both in at least <paramref name="minArticles"/> articles. Not in the default mode,
    /// where a word has several terms (its phrases merge them), nor in a mode where any word has two terms.
    /// </summary>
    private static void AddPairs(CorpusIndex index, int m, List<string> terms, Dictionary<string, (int Forms, List<int> Tokens)> postings, List<int> tokenParts, int minArticles)
    {
        // The eligible term at each word, or -1.
        var termAt = new int[tokenParts.Count];
        termAt.AsSpan().Fill(-1);
        List<int> termArticles = index.TermArticlePostings[m];
        for (int t = 0; t < terms.Count; t++)
        {
            if (termArticles[t + 1] - termArticles[t] < minArticles)
            {
                continue;
            }

            foreach (int token in postings[terms[t]].Tokens)
            {
                if (termAt[token] >= 0)
                {
                    return; // a word with two terms: the index would miss pairs, so the mode gets none
                }

                termAt[token] = t;
            }
        }

        // Pairs numbered in (first, second) order; each pair's word numbers gathered in ascending order.
        var counts = new Dictionary<long, int>();
        for (int p = 0; p + 1 < termAt.Length; p++)
        {
            if (termAt[p] >= 0 && termAt[p + 1] >= 0 && tokenParts[p] == tokenParts[p + 1])
            {
                long key = ((long)termAt[p] * terms.Count) + termAt[p + 1];
                counts.TryGetValue(key, out int count);
                counts[key] = count + 1;
            }
        }

        if (counts.Count == 0)
        {
            return; // no pair to index (a corpus smaller than the threshold): phrases read positions
        }

        var keys = new long[counts.Count];
        counts.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        var starts = new int[keys.Length + 1];
        var numbers = new Dictionary<long, int>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            numbers[keys[i]] = i;
            starts[i + 1] = starts[i] + counts[keys[i]];
        }

        var words = new int[starts[keys.Length]];
        var next = (int[])starts.Clone();
        for (int p = 0; p + 1 < termAt.Length; p++)
        {
            if (termAt[p] >= 0 && termAt[p + 1] >= 0 && tokenParts[p] == tokenParts[p + 1])
            {
                words[next[numbers[((long)termAt[p] * terms.Count) + termAt[p + 1]]]++] = p;
            }
        }

        List<int> pairStarts = index.PairStarts[m];
        int first = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            int a = (int)(keys[i] / terms.Count);
            while (first <= a)
            {
                pairStarts.Add(i);
                first++;
            }

            index.PairSeconds[m].Add((int)(keys[i] % terms.Count));
            index.PairArticlePostings[m].Add(index.ArticleDocs[m].Count);
            for (int w = starts[i]; w < starts[i + 1]; w++)
            {
                int part = tokenParts[words[w]];
                int article = index.PartArticles[part];
                int docs = index.ArticleDocs[m].Count;
                if (docs == index.PairArticlePostings[m][i] || index.ArticleDocs[m][docs - 1] != article)
                {
                    index.ArticleDocs[m].Add(article);
                    index.ArticleTitleFreqs[m].Add(0);
                    index.ArticleBodyFreqs[m].Add(0);
                    docs++;
                }

                List<int> freqs = index.PartBlocks[part] == 0 ? index.ArticleTitleFreqs[m] : index.ArticleBodyFreqs[m];
                freqs[docs - 1]++;
            }
        }

        while (first <= terms.Count)
        {
            pairStarts.Add(keys.Length);
            first++;
        }

        index.PairArticlePostings[m].Add(index.ArticleDocs[m].Count);
        index.PairMinArticles[m] = minArticles;
    }

    /// <summary>Fills <see cref="CorpusIndex.ArticleBlockBounds"/> of mode <paramref name="m"/>.</summary>
    private static void AddBlockBounds(CorpusIndex index, int m)
    {
        bool lucene = m == (int)IndexMode.LuceneCompatible;
        List<int> starts = lucene ? index.PartLuceneStarts : index.PartFirstTokens;
        List<int> docs = index.ArticleDocs[m];
        for (int start = 0; start < docs.Count; start += BoundBlock)
        {
            int maxTitle = 0, minTitle = int.MaxValue, maxBody = 0, minBody = int.MaxValue;
            for (int i = start; i < Math.Min(start + BoundBlock, docs.Count); i++)
            {
                int first = index.ArticleFirstParts[docs[i]];
                int end = index.ArticleFirstParts[docs[i] + 1];
                if (index.ArticleTitleFreqs[m][i] > 0)
                {
                    maxTitle = Math.Max(maxTitle, index.ArticleTitleFreqs[m][i]);
                    minTitle = Math.Min(minTitle, starts[first + 1] - starts[first]);
                }

                if (index.ArticleBodyFreqs[m][i] > 0)
                {
                    maxBody = Math.Max(maxBody, index.ArticleBodyFreqs[m][i]);
                    minBody = Math.Min(minBody, starts[end] - starts[first + 1]);
                }
            }

            index.ArticleBlockBounds[m].Add(maxTitle);
            index.ArticleBlockBounds[m].Add(maxTitle == 0 ? 0 : minTitle);
            index.ArticleBlockBounds[m].Add(maxBody);
            index.ArticleBlockBounds[m].Add(maxBody == 0 ? 0 : minBody);
        }
    }

    /// <summary>
    /// Default mode: words and prefixless forms always; suffix stems per <see cref="LightStemmer.IsStemAccepted"/>,
    /// counting the letters after a leading article (<see cref="LightStemmer.StemLetters"/>).
    /// </summary>
    private static bool IsAccepted(string term, int forms) =>
        (forms & WordForms) != 0 || ((forms & StemForm) != 0 && LightStemmer.StemLetters(term.AsSpan()) >= 4);

    /// <summary>UTF-8 byte offsets of each string in the concatenation, plus the total.</summary>
    public static List<int> Utf8Offsets(List<string> strings)
    {
        var offsets = new List<int>(strings.Count + 1);
        int offset = 0;
        foreach (string value in strings)
        {
            offsets.Add(offset);
            offset += Encoding.UTF8.GetByteCount(value);
        }

        offsets.Add(offset);
        return offsets;
    }

    /// <summary>Orders strings by their UTF-8 bytes, as the runtime's binary search compares them.</summary>
    private sealed class Utf8Comparer : IComparer<string>
    {
        public static readonly Utf8Comparer Instance = new();

        public int Compare(string? x, string? y)
        {
            byte[] a = Encoding.UTF8.GetBytes(x ?? string.Empty);
            byte[] b = Encoding.UTF8.GetBytes(y ?? string.Empty);
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
