using System;

namespace CorpusSdk.Tests.Shared;

/// <summary>Reads every article, block, kind view, quotation and link of a corpus, their text and metadata; shared by the allocation tests.</summary>
internal static class CorpusTraversal
{
    /// <summary>Touches everything and returns a checksum, so the work cannot be optimised away.</summary>
    public static long Traverse(ArticleCollection articles)
    {
        long sum = 0;
        foreach (Article article in articles)
        {
            sum += article.Id.Length + Sum(article.Title.Span) + Sum(article.Author.Span) + article.Published.DayNumber + article.WordCount;
            sum += article.TitleLine + article.BylineLine + article.ToString().Length;
            foreach (Block block in article.Blocks)
            {
                sum += (int)block.Kind + block.Index + block.Line + Sum(block.Text.Span) + block.ToString().Length;
            }

            foreach (Block block in article.Paragraphs)
            {
                sum += block.Index;
            }

            foreach (Block block in article.Headings)
            {
                sum += Sum(block.Text.Span);
            }

            foreach (Block block in article.PullQuotes)
            {
                sum += Sum(block.Text.Span);
            }

            foreach (Quote quote in article.Quotes)
            {
                sum += quote.BlockIndex + quote.Start + quote.Length + Sum(quote.Text.Span);
            }

            foreach (Link link in article.Links)
            {
                sum += link.BlockIndex + link.Start + Sum(link.Text.Span) + link.Target.Length;
            }

            for (int i = 0; i < article.Blocks.Count; i++)
            {
                sum += article.Blocks[i].Text.Length;
            }

            sum += articles.TryGet(article.Id, out Article? same) && ReferenceEquals(same, article) ? 1 : 0;
        }

        return sum;
    }

    private static long Sum(ReadOnlySpan<char> text)
    {
        long sum = 0;
        foreach (char c in text)
        {
            sum += c;
        }

        return sum;
    }
}
