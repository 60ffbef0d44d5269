using System;
using System.ComponentModel;

namespace CorpusSdk;

/// <summary>
/// The compiled search index of a corpus, as static data in the generated assembly. Implemented by
/// generated code; every section is a view over a <c>"…"u8</c> literal, so nothing is decoded or
/// allocated at start-up. Integer sections are fixed-width base-64 values read in place (<see cref="IndexInts"/>).
/// The layout is drawn in docs/architecture.md ("The search index").
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CorpusIndexData
{
    /// <summary>
    /// The corpus format the generator wrote this index in. <see cref="CorpusSearch"/> checks it before reading
    /// anything and throws <see cref="CorpusFormatException"/> when this runtime reads another format.
    /// </summary>
    public abstract int FormatVersion { get; }

    /// <summary>The number of articles.</summary>
    public abstract int ArticleCount { get; }

    /// <summary>The corpus's articles (built on first use).</summary>
    public abstract ArticleCollection Articles { get; }

    /// <summary>One article, built on its first use without building the others.</summary>
    /// <param name="index">The article's position in <see cref="Articles"/>.</param>
    public abstract Article GetArticle(int index);

    /// <summary>One section of the index.</summary>
    /// <param name="section">The section.</param>
    /// <param name="mode">The analysis mode, for the sections that exist per mode; ignored by the others.</param>
    public abstract ReadOnlySpan<byte> GetSection(IndexSection section, SearchMode mode);
}

/// <summary>The sections of <see cref="CorpusIndexData"/>. Per-mode sections are marked so.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum IndexSection
{
    /// <summary>Article of each part (the title, then the blocks, article after article).</summary>
    PartArticles,

    /// <summary>Block index + 1 of each part, 0 for the title.</summary>
    PartBlocks,

    /// <summary>First word of each part, plus the total word count.</summary>
    PartFirstTokens,

    /// <summary>Lucene tokens (stop words not counted) before each part, plus the total.</summary>
    PartLuceneStarts,

    /// <summary>First part of each article, plus the part count.</summary>
    ArticleFirstParts,

    /// <summary>Author number of each article.</summary>
    ArticleAuthors,

    /// <summary><c>DateOnly.DayNumber</c> + 1 of each article's publication date (0: none).</summary>
    ArticleDays,

    /// <summary>The distinct authors, sorted, as concatenated UTF-8.</summary>
    Authors,

    /// <summary>Byte offset of each author in <see cref="Authors"/>, plus the total.</summary>
    AuthorOffsets,

    /// <summary>Start offset of each word in its part's text.</summary>
    TokenStarts,

    /// <summary>Length of each word.</summary>
    TokenLengths,

    /// <summary>Per mode: the sorted terms, concatenated as UTF-8.</summary>
    Terms,

    /// <summary>Per mode: byte offset of each term in <see cref="Terms"/>, plus the total.</summary>
    TermOffsets,

    /// <summary>Per mode: first posting of each term, plus the total.</summary>
    TermPostings,

    /// <summary>Per mode: the part of each posting, ascending per term.</summary>
    PostingParts,

    /// <summary>Per mode: end of each posting's positions in <see cref="Positions"/> (they start at the previous posting's end).</summary>
    PostingEnds,

    /// <summary>Per mode: word numbers, ascending per posting.</summary>
    Positions,

    /// <summary>Per mode: number of articles whose title has each term.</summary>
    TermTitleArticles,

    /// <summary>Per mode: number of articles whose body has each term.</summary>
    TermBodyArticles,

    /// <summary>Per mode: number of blocks that have each term.</summary>
    TermBlocks,

    /// <summary>Per mode: first article posting of each term, plus the total.</summary>
    TermArticlePostings,

    /// <summary>Per mode: the article of each article posting, ascending per term.</summary>
    ArticleDocs,

    /// <summary>Per mode: occurrences of the term in the article's title.</summary>
    ArticleTitleFreqs,

    /// <summary>Per mode: occurrences of the term in the article's blocks.</summary>
    ArticleBodyFreqs,

    /// <summary>
    /// Per mode: for each block of 16 article postings, the largest title frequency, the shortest title with the term,
    /// the largest body frequency and the shortest body with the term (score bounds for early termination).
    /// </summary>
    ArticleBlockBounds,

    /// <summary>
    /// Per mode, optional: the fewest articles each word of a pair must be in for the pair index to hold the pair (one value;
    /// absent: no pair index). Between two such words the index is complete.
    /// </summary>
    PairMinArticles,

    /// <summary>Per mode, optional: the first pair of each term as the first word of a pair, plus the total.</summary>
    PairStarts,

    /// <summary>Per mode, optional: the second term of each pair, ascending per first term.</summary>
    PairSeconds,

    /// <summary>
    /// Per mode, optional: the first article posting of each pair (in <see cref="ArticleDocs"/>, after every term's), plus the
    /// total: the articles where the pair's second word directly follows its first in one part, with its title and body frequencies.
    /// </summary>
    PairArticlePostings,
}
