using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CorpusSdk.Analysis;

namespace CorpusSdk;

/// <summary>
/// Full-text search over a compiled corpus, using the index the generator built at compile time.
/// Query syntax: words separated by white space must all occur in the same part (title or block);
/// <c>"…"</c> (or “…”) is a phrase (adjacent words after analysis); a trailing <c>*</c> makes a prefix.
/// Hits come in corpus order: by article, title before blocks, then by position. Query analysis,
/// lookup, enumeration and snippets allocate nothing once the shared array pool is warm.
/// </summary>
public sealed class CorpusSearch
{
    private const int MaxWord = WordBreaker.MaxWordLength;
    private const int CountBits = 16;
    private const long CountMask = (1L << CountBits) - 1;

    private readonly ArticleCollection _articles;
    private readonly CorpusIndexData _data;

    /// <summary>Creates the engine. Called by generated code.</summary>
    /// <param name="articles">The corpus.</param>
    /// <param name="data">Its compiled index.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CorpusSearch(ArticleCollection articles, CorpusIndexData data)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(data);
        _articles = articles;
        _data = data;
    }

    private enum ClauseResult
    {
        Matched,
        NoMatch,
        Skipped,
    }

    /// <summary>The corpus searched.</summary>
    public ArticleCollection Articles => _articles;

    /// <summary>Searches in <see cref="SearchMode.Default"/>.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public SearchResults Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new SearchResults(this, query.AsSpan(), default);
    }

    /// <summary>Searches; the results are evaluated when enumerated.</summary>
    /// <param name="query">The query (any text: words it cannot use are ignored).</param>
    /// <param name="options">The mode.</param>
    public SearchResults Search(ReadOnlySpan<char> query, SearchOptions options) => new(this, query, options);

    /// <summary>Counts the hits in <see cref="SearchMode.Default"/>.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public int Count(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Count(query.AsSpan(), default);
    }

    /// <summary>Counts the hits without enumerating them.</summary>
    /// <param name="query">The query.</param>
    /// <param name="options">The mode.</param>
    /// <exception cref="ArgumentOutOfRangeException">The mode is not a <see cref="SearchMode"/> value.</exception>
    public int Count(ReadOnlySpan<char> query, SearchOptions options)
    {
        var hits = default(PooledList);
        try
        {
            return Evaluate(query, options.Mode, ref hits);
        }
        finally
        {
            hits.Dispose();
        }
    }

    /// <summary>The text of the part a hit is in (its title or block).</summary>
    /// <param name="hit">A hit of this corpus.</param>
    public CorpusText GetPartText(in SearchHit hit)
    {
        Article article = _articles[hit.ArticleIndex];
        return hit.BlockIndex < 0 ? article.Title : article.Blocks[hit.BlockIndex].Text;
    }

    /// <summary>
    /// Writes a keyword-in-context snippet: about <see cref="SnippetOptions.Context"/> characters each
    /// side, cut at spaces, never inside a surrogate pair or between a letter and its combining marks.
    /// </summary>
    /// <param name="hit">A hit of this corpus.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">Characters written (0 when it does not fit).</param>
    /// <param name="options">Markers and context; <see cref="SnippetOptions.Default"/> when null.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public bool TryWriteSnippet(in SearchHit hit, Span<char> destination, out int written, SnippetOptions? options = null)
    {
        options ??= SnippetOptions.Default;
        ReadOnlySpan<char> text = GetPartText(hit).Span;
        int start = Math.Clamp(hit.Start, 0, text.Length);
        int end = Math.Clamp(hit.Start + hit.Length, start, text.Length);
        int context = Math.Max(0, options.Context);

        int left = Math.Max(0, start - context);
        if (left > 0)
        {
            int space = text.Slice(left, start - left).IndexOf(' ');
            left = space >= 0 ? left + space + 1 : left;
            while (left < start && IsJoinedToPrevious(text[left]))
            {
                left++;
            }
        }

        int right = Math.Min(text.Length, end + context);
        if (right < text.Length)
        {
            int space = text.Slice(end, right - end).LastIndexOf(' ');
            right = space >= 0 ? end + space : right;
            while (right < text.Length && IsJoinedToPrevious(text[right]))
            {
                right++;
            }
        }

        var writer = new SpanWriter(destination);
        if (left > 0)
        {
            writer.Write(options.Ellipsis);
        }

        writer.Write(text.Slice(left, start - left));
        writer.Write(options.Before);
        writer.Write(text.Slice(start, end - start));
        writer.Write(options.After);
        writer.Write(text.Slice(end, right - end));
        if (right < text.Length)
        {
            writer.Write(options.Ellipsis);
        }

        written = writer.Overflowed ? 0 : writer.Length;
        return !writer.Overflowed;
    }

    /// <summary>Evaluates a query into hits: (first word &lt;&lt; 16) | word count, in corpus order.</summary>
    internal int Evaluate(ReadOnlySpan<char> query, SearchMode mode, ref PooledList hits)
    {
        if ((uint)mode > (uint)SearchMode.LuceneCompatible)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown search mode.");
        }

        var matches = default(PooledList);
        var clauses = default(PooledList);
        var scratch = default(PooledList);
        try
        {
            int i = 0;
            while (i < query.Length)
            {
                char c = query[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                int segment = matches.Count;
                ClauseResult result;
                if (c is '"' or '\u201C')
                {
                    int close = query.Slice(i + 1).IndexOfAny('"', '\u201D');
                    int end = close < 0 ? query.Length : i + 1 + close;
                    result = MatchPhrase(query.Slice(i + 1, end - i - 1), mode, ref matches, ref scratch);
                    i = Math.Min(query.Length, end + 1);
                }
                else
                {
                    int end = i;
                    while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not '"' and not '\u201C')
                    {
                        end++;
                    }

                    ReadOnlySpan<char> word = query.Slice(i, end - i);
                    i = end;
                    result = word.Length > 1 && word[word.Length - 1] == '*'
                        ? MatchPrefix(word.TrimEnd('*'), mode, ref matches)
                        : MatchPhrase(word, mode, ref matches, ref scratch);
                }

                if (result == ClauseResult.NoMatch)
                {
                    return 0;
                }

                if (result == ClauseResult.Skipped)
                {
                    matches.Truncate(segment);
                    continue;
                }

                clauses.Add(((long)segment << 32) | (uint)(matches.Count - segment));
            }

            return clauses.Count == 0 ? 0 : Combine(ref matches, ref clauses, ref hits);
        }
        finally
        {
            matches.Dispose();
            clauses.Dispose();
            scratch.Dispose();
        }
    }

    /// <summary>Builds the public hit for an evaluated match.</summary>
    internal SearchHit ToHit(long match) => ToHit(match, ref Unsafe.NullRef<int>());

    /// <summary>Builds a hit; <paramref name="partCursor"/> (when not a null ref) remembers the part of the previous hit, since hits come in corpus order.</summary>
    internal SearchHit ToHit(long match, ref int partCursor)
    {
        int token = (int)(match >> CountBits);
        int count = (int)(match & CountMask);
        var partFirst = new PackedInts(_data.PartFirstTokens);
        int part;
        if (Unsafe.IsNullRef(ref partCursor))
        {
            part = PartOf(token, partFirst);
        }
        else
        {
            part = partCursor;
            if (token >= partFirst[part + 1] || token < partFirst[part])
            {
                part = token < partFirst[part] ? PartOf(token, partFirst) : AdvancePart(part, token, partFirst);
            }

            partCursor = part;
        }
        var starts = new PackedInts(_data.TokenStarts);
        int start = starts[token];
        int last = token + count - 1;
        int end = starts[last] + new PackedInts(_data.TokenLengths)[last];
        return new SearchHit(new PackedInts(_data.PartArticles)[part], new PackedInts(_data.PartBlocks)[part] - 1, start, end - start);
    }

    private static bool IsJoinedToPrevious(char c)
    {
        if (char.IsLowSurrogate(c))
        {
            return true;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || c is '\u200C' or '\u200D';
    }

    /// <summary>Walks forward a few parts, then falls back to binary search.</summary>
    private static int AdvancePart(int part, int token, PackedInts partFirst)
    {
        for (int step = 0; step < 8 && part + 1 < partFirst.Count - 1; step++)
        {
            part++;
            if (token < partFirst[part + 1])
            {
                return part;
            }
        }

        return PartOf(token, partFirst);
    }

    private static int PartOf(int token, PackedInts partFirst)
    {
        int lo = 0;
        int hi = partFirst.Count - 2;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (partFirst[mid] <= token)
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

    /// <summary>A query word or phrase: every analysed word must match at consecutive positions of one part.</summary>
    private ClauseResult MatchPhrase(ReadOnlySpan<char> text, SearchMode mode, ref PooledList matches, ref PooledList scratch)
    {
        // scratch: per query word offset, (offset << 32) | termId for each of its candidate terms found in the index.
        scratch.Truncate(0);
        Span<char> chars = stackalloc char[MaxWord];
        Span<byte> bytes = stackalloc byte[MaxWord * 3];
        Span<LightStemmer.Candidate> candidates = stackalloc LightStemmer.Candidate[LightStemmer.MaxCandidates];

        int offset = 0;
        int first = -1;
        int last = -1;
        int position = 0;
        while (WordBreaker.Next(text, ref position, out int start, out int length))
        {
            if (length <= MaxWord)
            {
                int before = scratch.Count;
                if (AddTermIds(text.Slice(start, length), offset, mode, ref scratch, chars, bytes, candidates))
                {
                    if (scratch.Count == before)
                    {
                        return ClauseResult.NoMatch;
                    }

                    first = first < 0 ? offset : first;
                    last = offset;
                }
            }

            offset++;
        }

        if (first < 0)
        {
            return ClauseResult.Skipped;
        }

        if (last - first + 1 > CountMask)
        {
            return ClauseResult.NoMatch;
        }

        var partFirst = new PackedInts(_data.PartFirstTokens);
        var postingOffsets = new PackedInts(_data.PostingOffsets(mode));
        var postings = new PackedInts(_data.Postings(mode));
        int segment = matches.Count;
        for (int e = 0; e < scratch.Count && (int)(scratch[e] >> 32) == first; e++)
        {
            int termId = (int)scratch[e];
            for (int p = postingOffsets[termId]; p < postingOffsets[termId + 1]; p++)
            {
                int anchor = postings[p];
                int origin = anchor - first;
                if (first == last)
                {
                    // One analysed word: its postings are the matches; no part boundary to check.
                    matches.Add(((long)anchor << CountBits) | 1);
                    continue;
                }

                int part = PartOf(anchor, partFirst);
                if (origin + first < partFirst[part] || origin + last >= partFirst[part + 1])
                {
                    continue;
                }

                if (AllWordsAt(origin, ref scratch, e, postingOffsets, postings))
                {
                    matches.Add(((long)(origin + first) << CountBits) | (long)(last - first + 1));
                }
            }
        }

        SortUnique(ref matches, segment);
        return matches.Count > segment ? ClauseResult.Matched : ClauseResult.NoMatch;
    }

    /// <summary>True when every analysed query word after the anchor's has a candidate at origin + its offset.</summary>
    private static bool AllWordsAt(int origin, ref PooledList scratch, int anchorEntry, PackedInts postingOffsets, PackedInts postings)
    {
        int e = anchorEntry;
        int anchorOffset = (int)(scratch[e] >> 32);
        while (e < scratch.Count && (int)(scratch[e] >> 32) == anchorOffset)
        {
            e++;
        }

        while (e < scratch.Count)
        {
            int offset = (int)(scratch[e] >> 32);
            bool found = false;
            for (; e < scratch.Count && (int)(scratch[e] >> 32) == offset; e++)
            {
                int termId = (int)scratch[e];
                found = found || Contains(postings, postingOffsets[termId], postingOffsets[termId + 1], origin + offset);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(PackedInts postings, int lo, int hi, int token)
    {
        hi--;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int value = postings[mid];
            if (value == token)
            {
                return true;
            }

            if (value < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the index terms of one query word. Returns false when the word has no term in this mode
    /// (a Lucene stop word, or only marks): it then constrains nothing, as in Lucene.
    /// </summary>
    private bool AddTermIds(ReadOnlySpan<char> word, int offset, SearchMode mode, ref PooledList scratch, Span<char> chars, Span<byte> bytes, Span<LightStemmer.Candidate> candidates)
    {
        switch (mode)
        {
            case SearchMode.Exact:
                AddIfFound(word, offset, mode, ref scratch, bytes);
                return true;
            case SearchMode.LuceneCompatible:
            {
                int length = LuceneArabic.Analyze(word, chars);
                if (length <= 0)
                {
                    return false;
                }

                AddIfFound(chars.Slice(0, length), offset, mode, ref scratch, bytes);
                return true;
            }

            default:
            {
                int length = ArabicNormalizer.Normalize(word, chars);
                if (length == 0)
                {
                    return false;
                }

                ReadOnlySpan<char> normalized = chars.Slice(0, length);
                if (mode == SearchMode.Normalized)
                {
                    AddIfFound(normalized, offset, mode, ref scratch, bytes);
                    return true;
                }

                int count = LightStemmer.Candidates(normalized, candidates);
                for (int c = 0; c < count; c++)
                {
                    AddIfFound(normalized.Slice(candidates[c].Start, candidates[c].Length), offset, mode, ref scratch, bytes);
                }

                return true;
            }
        }
    }

    private void AddIfFound(ReadOnlySpan<char> term, int offset, SearchMode mode, ref PooledList scratch, Span<byte> bytes)
    {
        int termId = FindTerm(term, mode, bytes);
        if (termId >= 0)
        {
            scratch.Add(((long)offset << 32) | (uint)termId);
        }
    }

    private int FindTerm(ReadOnlySpan<char> term, SearchMode mode, Span<byte> bytes)
    {
        int length = Encoding.UTF8.GetBytes(term, bytes);
        ReadOnlySpan<byte> key = bytes.Slice(0, length);
        ReadOnlySpan<byte> terms = _data.Terms(mode);
        var offsets = new PackedInts(_data.TermOffsets(mode));
        int lo = 0;
        int hi = offsets.Count - 2;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int order = terms.Slice(offsets[mid], offsets[mid + 1] - offsets[mid]).SequenceCompareTo(key);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>A prefix: every term of the mode's dictionary that starts with the analysed prefix.</summary>
    private ClauseResult MatchPrefix(ReadOnlySpan<char> prefix, SearchMode mode, ref PooledList matches)
    {
        if (prefix.Length > MaxWord)
        {
            return ClauseResult.NoMatch;
        }

        Span<char> chars = stackalloc char[MaxWord];
        int length;
        switch (mode)
        {
            case SearchMode.Exact:
                prefix.CopyTo(chars);
                length = prefix.Length;
                break;
            case SearchMode.LuceneCompatible:
                for (int i = 0; i < prefix.Length; i++)
                {
                    chars[i] = char.ToLowerInvariant(prefix[i]);
                }

                length = ArabicNormalizer.NormalizeLucene(chars, prefix.Length);
                break;
            default:
                length = ArabicNormalizer.Normalize(prefix, chars);
                break;
        }

        if (length == 0)
        {
            return ClauseResult.Skipped;
        }

        Span<byte> bytes = stackalloc byte[MaxWord * 3];
        ReadOnlySpan<byte> key = bytes.Slice(0, Encoding.UTF8.GetBytes(chars.Slice(0, length), bytes));
        ReadOnlySpan<byte> terms = _data.Terms(mode);
        var offsets = new PackedInts(_data.TermOffsets(mode));
        var postingOffsets = new PackedInts(_data.PostingOffsets(mode));
        var postings = new PackedInts(_data.Postings(mode));

        // Lower bound: the first term not less than the prefix; terms with the prefix follow it contiguously.
        int lo = 0;
        int hi = offsets.Count - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (terms.Slice(offsets[mid], offsets[mid + 1] - offsets[mid]).SequenceCompareTo(key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        int segment = matches.Count;
        for (int t = lo; t < offsets.Count - 1 && terms.Slice(offsets[t], offsets[t + 1] - offsets[t]).StartsWith(key); t++)
        {
            for (int p = postingOffsets[t]; p < postingOffsets[t + 1]; p++)
            {
                matches.Add(((long)postings[p] << CountBits) | 1);
            }
        }

        SortUnique(ref matches, segment);
        return matches.Count > segment ? ClauseResult.Matched : ClauseResult.NoMatch;
    }

    /// <summary>Keeps the parts where every clause matches, and all clauses' matches there, in order.</summary>
    private int Combine(ref PooledList matches, ref PooledList clauses, ref PooledList hits)
    {
        int firstStart = (int)(clauses[0] >> 32);
        int firstLength = (int)clauses[0];
        if (clauses.Count == 1)
        {
            // One clause: its matches are already the hits, sorted and without duplicates.
            for (int m = firstStart; m < firstStart + firstLength; m++)
            {
                hits.Add(matches[m]);
            }

            return hits.Count;
        }

        var partFirst = new PackedInts(_data.PartFirstTokens);
        int previousPart = -1;
        for (int m = firstStart; m < firstStart + firstLength; m++)
        {
            int part = PartOf((int)(matches[m] >> CountBits), partFirst);
            if (part == previousPart)
            {
                continue;
            }

            previousPart = part;
            long from = (long)partFirst[part] << CountBits;
            long to = (long)partFirst[part + 1] << CountBits;
            bool all = true;
            for (int c = 1; c < clauses.Count && all; c++)
            {
                int start = (int)(clauses[c] >> 32);
                int index = LowerBound(ref matches, start, start + (int)clauses[c], from);
                all = index < start + (int)clauses[c] && matches[index] < to;
            }

            if (!all)
            {
                continue;
            }

            int segment = hits.Count;
            for (int c = 0; c < clauses.Count; c++)
            {
                int start = (int)(clauses[c] >> 32);
                int end = start + (int)clauses[c];
                for (int index = LowerBound(ref matches, start, end, from); index < end && matches[index] < to; index++)
                {
                    hits.Add(matches[index]);
                }
            }

            SortUnique(ref hits, segment);
        }

        return hits.Count;
    }

    private static int LowerBound(ref PooledList list, int lo, int hi, long value)
    {
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (list[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void SortUnique(ref PooledList list, int from)
    {
        Span<long> segment = list.Span.Slice(from);
        if (segment.Length < 2)
        {
            return;
        }

        bool sorted = true;
        for (int i = 1; i < segment.Length && sorted; i++)
        {
            sorted = segment[i - 1] < segment[i];
        }

        if (sorted)
        {
            return;
        }

        segment.Sort();
        int write = 1;
        for (int read = 1; read < segment.Length; read++)
        {
            if (segment[read] != segment[write - 1])
            {
                segment[write++] = segment[read];
            }
        }

        list.Truncate(from + write);
    }

    /// <summary>Writes into a span and notes when it ran out of room.</summary>
    private ref struct SpanWriter
    {
        private readonly Span<char> _destination;

        public SpanWriter(Span<char> destination)
        {
            _destination = destination;
            Length = 0;
            Overflowed = false;
        }

        public int Length { get; private set; }

        public bool Overflowed { get; private set; }

        public void Write(ReadOnlySpan<char> text)
        {
            if (Overflowed || Length + text.Length > _destination.Length)
            {
                Overflowed = true;
                return;
            }

            text.CopyTo(_destination.Slice(Length));
            Length += text.Length;
        }

        public void Write(string? text) => Write(text.AsSpan());
    }
}
