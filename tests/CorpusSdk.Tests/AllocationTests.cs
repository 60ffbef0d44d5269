using CorpusSdk.Tests.Shared;
using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>Reading the whole corpus allocates nothing once the corpus type is initialised.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Full_traversal_allocates_zero_bytes_in_steady_state()
    {
        long warmup = CorpusTraversal.Traverse(Corpus.Articles);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = CorpusTraversal.Traverse(Corpus.Articles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(warmup, checksum);
        Assert.True(checksum > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_measurement_detects_an_allocation()
    {
        // Guards the test above: the same measurement sees a string being built.
        CorpusTraversal.Traverse(Corpus.Articles);
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
}
