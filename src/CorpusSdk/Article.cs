using System;
using System.ComponentModel;
using System.Text;

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
    /// <param name="id">The seed file name without extension.</param>
    /// <param name="data">
    /// The layout as packed integers (a width digit, then fixed-width base-64 values: their count; year, month,
    /// day; title line, byline line, word count; title and author ranges; per block kind, line and range; per
    /// quotation block, start and length; per link block, start, length and target range), then the UTF-8 text.
    /// Ranges of text are in bytes of the text; quotation and link ranges are in characters of their block.
    /// </param>
    /// <returns>The article.</returns>
    /// <exception cref="ArgumentException">The data is not a compiled article.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Article FromUtf8(string id, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            int width = data.IsEmpty ? 0 : data[0] - '0';
            if (width is < 1 or > 6)
            {
                throw new ArgumentException($"Article '{id}': the compiled data does not start with a layout.", nameof(data));
            }

            int count = new PackedInts(data.Slice(0, 1 + width))[0];
            var layout = new PackedInts(data.Slice(0, 1 + (count * width)));
            ReadOnlySpan<byte> text = data.Slice(1 + (count * width));
            int i = 1;
            int year = layout[i++], month = layout[i++], day = layout[i++];
            DateOnly published = year == 0 ? default : new DateOnly(year, month, day);
            int titleLine = layout[i++], bylineLine = layout[i++], wordCount = layout[i++];
            string title = Decode(text, layout, ref i);
            string author = Decode(text, layout, ref i);

            var blocks = new Block[layout[i++]];
            for (int b = 0; b < blocks.Length; b++)
            {
                var kind = (BlockKind)layout[i++];
                int line = layout[i++];
                blocks[b] = new Block(kind, b, line, Decode(text, layout, ref i));
            }

            var quotes = new Quote[layout[i++]];
            for (int q = 0; q < quotes.Length; q++)
            {
                int block = layout[i++];
                CheckBlockIndex(id, block, blocks.Length, nameof(data));
                quotes[q] = new Quote(blocks[block], layout[i++], layout[i++]);
            }

            var links = new Link[layout[i++]];
            for (int l = 0; l < links.Length; l++)
            {
                int block = layout[i++];
                CheckBlockIndex(id, block, blocks.Length, nameof(data));
                int start = layout[i++], length = layout[i++];
                links[l] = new Link(blocks[block], start, length, Decode(text, layout, ref i));
            }

            if (i != count)
            {
                throw new ArgumentException($"Article '{id}': the compiled layout has {count} values, {i} were read.", nameof(data));
            }

            return new Article(id, title, titleLine, author, bylineLine, published, wordCount, blocks, quotes, links);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new ArgumentException($"Article '{id}': the compiled data is malformed ({exception.Message}).", nameof(data), exception);
        }
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

    /// <summary>Number of words (runs of letters, digits and combining marks) in the body blocks.</summary>
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

    /// <summary>Decodes the text range (start, length in bytes) at the layout's next two values.</summary>
    private static string Decode(ReadOnlySpan<byte> text, PackedInts layout, ref int i)
    {
        int start = layout[i++];
        int length = layout[i++];
        return length == 0 ? string.Empty : Encoding.UTF8.GetString(text.Slice(start, length));
    }

    private static void CheckBlockIndex(string id, int index, int count, string parameter)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentException($"Article '{id}': block index {index} is outside {count} blocks.", parameter);
        }
    }
}
