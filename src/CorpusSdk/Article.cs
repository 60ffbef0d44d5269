using System;
using System.ComponentModel;

namespace CorpusSdk;

/// <summary>
/// One compiled article: metadata and body. Instances are created once by generated code; every
/// member reads compiled data without allocating.
/// </summary>
public sealed class Article
{
    private readonly string _title;
    private readonly string _author;
    private readonly Block[] _blocks;
    private readonly Quote[] _quotes;
    private readonly Link[] _links;
    private readonly int[] _paragraphs;
    private readonly int[] _headings;
    private readonly int[] _pullQuotes;

    /// <summary>Creates an article. Called by generated code; the arrays are owned by the article from then on.</summary>
    /// <param name="id">The seed file name without extension.</param>
    /// <param name="title">The title.</param>
    /// <param name="titleLine">The 1-based seed line of the title (0 when missing).</param>
    /// <param name="author">The author from the byline.</param>
    /// <param name="bylineLine">The 1-based seed line of the byline (0 when missing).</param>
    /// <param name="published">The publication date from the byline.</param>
    /// <param name="wordCount">Number of words in the body.</param>
    /// <param name="blocks">The body blocks, in order; block i must have index i.</param>
    /// <param name="quotes">The inline quotations, in reading order.</param>
    /// <param name="links">The inline links, in reading order.</param>
    /// <exception cref="ArgumentException">The parts are not consistent.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Article(
        string id,
        string title,
        int titleLine,
        string author,
        int bylineLine,
        DateOnly published,
        int wordCount,
        Block[] blocks,
        Quote[] quotes,
        Link[] links)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentOutOfRangeException.ThrowIfNegative(wordCount);

        int paragraphs = 0, headings = 0, pullQuotes = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            if (blocks[i].Index != i)
            {
                throw new ArgumentException($"Article '{id}': block {i} has index {blocks[i].Index}.", nameof(blocks));
            }

            switch (blocks[i].Kind)
            {
                case BlockKind.Paragraph: paragraphs++; break;
                case BlockKind.Heading: headings++; break;
                case BlockKind.PullQuote: pullQuotes++; break;
                default: throw new ArgumentException($"Article '{id}': block {i} has an unknown kind {blocks[i].Kind}.", nameof(blocks));
            }
        }

        foreach (Quote quote in quotes)
        {
            CheckBlockIndex(id, quote.BlockIndex, blocks.Length, nameof(quotes));
        }

        foreach (Link link in links)
        {
            CheckBlockIndex(id, link.BlockIndex, blocks.Length, nameof(links));
        }

        Id = id;
        _title = title;
        TitleLine = titleLine;
        _author = author;
        BylineLine = bylineLine;
        Published = published;
        WordCount = wordCount;
        _blocks = blocks;
        _quotes = quotes;
        _links = links;
        _paragraphs = new int[paragraphs];
        _headings = new int[headings];
        _pullQuotes = new int[pullQuotes];
        paragraphs = headings = pullQuotes = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            switch (blocks[i].Kind)
            {
                case BlockKind.Paragraph: _paragraphs[paragraphs++] = i; break;
                case BlockKind.Heading: _headings[headings++] = i; break;
                default: _pullQuotes[pullQuotes++] = i; break;
            }
        }
    }

    /// <summary>
    /// Creates an article from its compiled UTF-8 form (<c>CorpusSdkTextStorage</c> <c>Utf8</c>). Called by
    /// generated code, once, when the article is first used: every text is decoded here into its own string,
    /// so reading afterwards allocates nothing, exactly as with string literals.
    /// </summary>
    /// <param name="formatVersion">The corpus format the generator wrote the data in; checked before the data is read.</param>
    /// <param name="id">The seed file name without extension.</param>
    /// <param name="layoutBytes">The length of the layout at the start of <paramref name="data"/>.</param>
    /// <param name="data">The layout (packed integers), then the UTF-8 text (docs/architecture.md, "How text is stored, and why").</param>
    /// <returns>The article.</returns>
    /// <exception cref="CorpusFormatException"><paramref name="formatVersion"/> is not the format this runtime reads.</exception>
    /// <exception cref="ArgumentException">The data is not a compiled article.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Article FromUtf8(int formatVersion, string id, int layoutBytes, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(id);
        CorpusFormat.Check(formatVersion, $"Article '{id}'");
        return ArticleLayout.Read(id, data, layoutBytes);
    }

    /// <summary>The seed file name without extension; unique in a corpus.</summary>
    public string Id { get; }

    /// <summary>The title (first line of the seed).</summary>
    public CorpusText Title => new(_title);

    /// <summary>The 1-based seed line of the title.</summary>
    public int TitleLine { get; }

    /// <summary>The author named in the byline.</summary>
    public CorpusText Author => new(_author);

    /// <summary>The 1-based seed line of the byline.</summary>
    public int BylineLine { get; }

    /// <summary>The publication date from the byline.</summary>
    public DateOnly Published { get; }

    /// <summary>Number of words in the body blocks, as the search splits them (<c>don't</c>, <c>U.S.A</c> and <c>1,000</c> are one word each).</summary>
    public int WordCount { get; }

    /// <summary>All body blocks in reading order.</summary>
    public CorpusList<Block> Blocks => new(_blocks);

    /// <summary>The paragraphs, in reading order.</summary>
    public CorpusList<Block> Paragraphs => new(_blocks, _paragraphs);

    /// <summary>The section headings, in reading order.</summary>
    public CorpusList<Block> Headings => new(_blocks, _headings);

    /// <summary>The pull quotes, in reading order.</summary>
    public CorpusList<Block> PullQuotes => new(_blocks, _pullQuotes);

    /// <summary>The inline quotations, in reading order.</summary>
    public CorpusList<Quote> Quotes => new(_quotes);

    /// <summary>The inline links, in reading order.</summary>
    public CorpusList<Link> Links => new(_links);

    /// <summary>The title (does not allocate).</summary>
    public override string ToString() => _title;

    private static void CheckBlockIndex(string id, int index, int count, string parameter)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentException($"Article '{id}': block index {index} is outside {count} blocks.", parameter);
        }
    }
}
