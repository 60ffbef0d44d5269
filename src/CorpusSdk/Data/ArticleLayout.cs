using System;
using System.Collections.Generic;
using System.Text;

namespace CorpusSdk;

/// <summary>
/// The one definition of an article's compiled UTF-8 data (<c>CorpusSdkTextStorage</c> <c>Utf8</c>): the generator
/// writes it (<c>Write</c>, compiled into the generator only) and <c>Article.FromUtf8</c> reads it
/// (<c>Read</c>, compiled into the runtime only). Changing either side changes <see cref="CorpusFormat.Version"/>.
/// </summary>
/// <remarks>
/// The data is the layout, integers packed by the index's codec <c>IndexInts</c>, followed by the text, every
/// string of the article in UTF-8, one after the other. The layout's values, in order:
/// <code>
/// year, month, day              0, 0, 0 when the article has no date
/// title line, byline line       1-based seed lines, 0 when missing
/// word count
/// title bytes, author bytes     UTF-8 lengths of the first two texts
/// block count, then per block   kind, line, text bytes
/// quote count, then per quote   block, start, length (characters of the block's text)
/// link count, then per link     block, start, length (characters of the block's text), target bytes
/// </code>
/// Texts follow in the same order (title, author, blocks, link targets), so each starts where the previous
/// ends; the layout's byte length is passed beside the data.
/// </remarks>
internal static class ArticleLayout
{
#if CORPUSSDK_GENERATOR
    /// <summary>Writes an article's data: the packed layout and the text, both as strings (the layout is ASCII).</summary>
    public static (string Layout, string Text) Write(
        (int Year, int Month, int Day) published,
        int titleLine,
        int bylineLine,
        int wordCount,
        string title,
        string author,
        IReadOnlyList<(int Kind, int Line, string Text)> blocks,
        IReadOnlyList<(int Block, int Start, int Length)> quotes,
        IReadOnlyList<(int Block, int Start, int Length, string Target)> links)
    {
        var text = new StringBuilder();
        var values = new List<int> { published.Year, published.Month, published.Day, titleLine, bylineLine, wordCount };
        AddText(title);
        AddText(author);
        values.Add(blocks.Count);
        foreach (var block in blocks)
        {
            values.Add(block.Kind);
            values.Add(block.Line);
            AddText(block.Text);
        }

        values.Add(quotes.Count);
        foreach (var quote in quotes)
        {
            values.Add(quote.Block);
            values.Add(quote.Start);
            values.Add(quote.Length);
        }

        values.Add(links.Count);
        foreach (var link in links)
        {
            values.Add(link.Block);
            values.Add(link.Start);
            values.Add(link.Length);
            AddText(link.Target);
        }

        return (IndexInts.Pack(values), text.ToString());

        void AddText(string value)
        {
            values.Add(Encoding.UTF8.GetByteCount(value));
            text.Append(value);
        }
    }
#else
    /// <summary>Reads an article's data (see the remarks of <see cref="ArticleLayout"/>): every text is decoded into its own string.</summary>
    /// <exception cref="ArgumentException">The data is not a compiled article.</exception>
    public static Article Read(string id, ReadOnlySpan<byte> data, int layoutBytes)
    {
        if ((uint)layoutBytes > (uint)data.Length)
        {
            throw new ArgumentException($"Article '{id}': the layout length {layoutBytes} is outside the {data.Length} bytes of data.", nameof(data));
        }

        ReadOnlySpan<byte> text = data.Slice(layoutBytes);
        int textStart = 0;
        try
        {
            var layout = new IndexInts(data.Slice(0, layoutBytes));
            int i = 0;
            int year = layout[i++], month = layout[i++], day = layout[i++];
            DateOnly published = year == 0 ? default : new DateOnly(year, month, day);
            int titleLine = layout[i++], bylineLine = layout[i++], wordCount = layout[i++];
            string title = Decode(layout, ref i, text, ref textStart);
            string author = Decode(layout, ref i, text, ref textStart);

            var blocks = new Block[layout[i++]];
            for (int b = 0; b < blocks.Length; b++)
            {
                var kind = (BlockKind)layout[i++];
                int line = layout[i++];
                blocks[b] = new Block(kind, b, line, Decode(layout, ref i, text, ref textStart));
            }

            var quotes = new Quote[layout[i++]];
            for (int q = 0; q < quotes.Length; q++)
            {
                int block = CheckBlock(id, layout[i++], blocks.Length, nameof(data));
                quotes[q] = new Quote(blocks[block], layout[i++], layout[i++]);
            }

            var links = new Link[layout[i++]];
            for (int l = 0; l < links.Length; l++)
            {
                int block = CheckBlock(id, layout[i++], blocks.Length, nameof(data));
                int start = layout[i++], length = layout[i++];
                links[l] = new Link(blocks[block], start, length, Decode(layout, ref i, text, ref textStart));
            }

            if (i != layout.Count || textStart != text.Length)
            {
                throw new ArgumentException(
                    $"Article '{id}': the compiled layout has {layout.Count} values and {text.Length} bytes of text; {i} values and {textStart} bytes were read.",
                    nameof(data));
            }

            return new Article(id, title, titleLine, author, bylineLine, published, wordCount, blocks, quotes, links);
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or InvalidOperationException)
        {
            throw new ArgumentException($"Article '{id}': the compiled data is malformed ({exception.Message}).", nameof(data), exception);
        }
    }

    /// <summary>Decodes the next text, whose byte length is the layout's next value.</summary>
    private static string Decode(IndexInts layout, ref int i, ReadOnlySpan<byte> text, ref int start)
    {
        int length = layout[i++];
        string value = length == 0 ? string.Empty : Encoding.UTF8.GetString(text.Slice(start, length));
        start += length;
        return value;
    }

    private static int CheckBlock(string id, int index, int count, string parameter) => (uint)index < (uint)count
        ? index
        : throw new ArgumentException($"Article '{id}': block index {index} is outside {count} blocks.", parameter);
#endif
}
