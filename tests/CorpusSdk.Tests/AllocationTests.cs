using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>Reading the whole corpus allocates nothing once the corpus type is initialised.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Full_traversal_allocates_zero_bytes_in_steady_state()
    {
        long warmup = Traverse();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = Traverse();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(warmup, checksum);
        Assert.True(checksum > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_measurement_detects_an_allocation()
    {
        // Guards the test above: the same measurement sees a string being built.
        Traverse();
        long before = GC.GetAllocatedBytesForCurrentThread();
        string title = Corpus.Articles[0].Quotes[0].ToString();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotEmpty(title);
        Assert.True(allocated > 0);
    }

    [Fact]
    public void Whole_texts_convert_to_string_without_copying()
    {
        Article article = Corpus.Articles[0];
        Assert.Same(article.ToString(), article.ToString());
        Assert.Same(article.Blocks[0].ToString(), article.Blocks[0].ToString());
        Assert.Same(article.Title.ToString(), article.Title.ToString());
    }

    /// <summary>Touches every article, block, quotation and link, their text and metadata.</summary>
    private static long Traverse()
    {
        long sum = 0;
        foreach (Article article in Corpus.Articles)
        {
            sum += article.Id.Length + Sum(article.Title.Span) + Sum(article.Author.Span) + article.Published.DayNumber + article.WordCount;
            sum += article.TitleLine + article.BylineLine;
            foreach (Block block in article.Blocks)
            {
                sum += (int)block.Kind + block.Index + block.Line + Sum(block.Text.Span);
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

            sum += Corpus.Articles.TryGet(article.Id, out Article? same) && ReferenceEquals(same, article) ? 1 : 0;
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
