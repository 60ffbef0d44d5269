using System;
using System.Collections.Generic;
using System.Globalization;

namespace CorpusSdk.Cli.Tests;

/// <summary>Builds articles and corpora directly from runtime types, as generated code does.</summary>
internal static class TestArticles
{
    /// <summary>A copy of <paramref name="source"/> under another ID: same text, blocks, quotations and links.</summary>
    public static Article Copy(Article source, string id)
    {
        var blocks = new Block[source.Blocks.Count];
        foreach (Block block in source.Blocks)
        {
            blocks[block.Index] = new Block(block.Kind, block.Index, block.Line, block.Text.ToString());
        }

        var quotes = new List<Quote>();
        foreach (Quote quote in source.Quotes)
        {
            quotes.Add(new Quote(blocks[quote.BlockIndex], quote.Start, quote.Length));
        }

        var links = new List<Link>();
        foreach (Link link in source.Links)
        {
            links.Add(new Link(blocks[link.BlockIndex], link.Start, link.Length, link.Target));
        }

        return new Article(
            id, source.Title.ToString(), source.TitleLine, source.Author.ToString(), source.BylineLine, source.Published,
            source.WordCount, blocks, quotes.ToArray(), links.ToArray());
    }

    /// <summary><paramref name="count"/> copies of <paramref name="source"/>, with IDs <c>&lt;id&gt;-0000</c>, <c>-0001</c>, ….</summary>
    public static ArticleCollection Copies(Article source, int count)
    {
        var articles = new Article[count];
        for (int i = 0; i < count; i++)
        {
            articles[i] = Copy(source, source.Id + "-" + i.ToString("D4", CultureInfo.InvariantCulture));
        }

        return new ArticleCollection(articles);
    }

    /// <summary>The (start, length) of the first occurrence of <paramref name="part"/> in <paramref name="text"/>.</summary>
    public static (int Start, int Length) Find(string text, string part)
    {
        int start = text.IndexOf(part, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"'{part}' is not in '{text}'.", nameof(part));
        }

        return (start, part.Length);
    }

    /// <summary>A quotation over the first occurrence of <paramref name="part"/> in the block.</summary>
    public static Quote QuoteOf(Block block, string part)
    {
        (int start, int length) = Find(block.ToString(), part);
        return new Quote(block, start, length);
    }

    /// <summary>A link over the first occurrence of <paramref name="part"/> in the block.</summary>
    public static Link LinkOf(Block block, string part, string target)
    {
        (int start, int length) = Find(block.ToString(), part);
        return new Link(block, start, length, target);
    }
}
