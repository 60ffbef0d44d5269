namespace CorpusSdk.Generators.Tests;

/// <summary>Two searches of one query that must agree: the same count, the same hits in order with bit-identical scores, the same parts.</summary>
internal static class SearchAssert
{
    /// <summary>Asserts that <paramref name="actual"/> equals <paramref name="expected"/>; returns the number of hits compared.</summary>
    /// <param name="expected">The reference search.</param>
    /// <param name="actual">The search under test.</param>
    /// <param name="context">The query and options, for messages.</param>
    /// <param name="reference">What the reference is ("exhaustively", "from positions"), for messages.</param>
    public static int SameHits(SearchResults expected, SearchResults actual, string context, string reference)
    {
        Assert.True(expected.IsValid, context);
        Assert.True(expected.TotalCount == actual.TotalCount, $"{context}: {actual.TotalCount} matches, {reference} {expected.TotalCount}");
        Assert.True(expected.Hits.Length == actual.Hits.Length, $"{context}: {actual.Hits.Length} hits, {reference} {expected.Hits.Length}");
        for (int i = 0; i < expected.Hits.Length; i++)
        {
            RankedHit want = expected.Hits[i], got = actual.Hits[i];
            Assert.True(
                want.ArticleIndex == got.ArticleIndex && BitConverter.SingleToInt32Bits(want.Score) == BitConverter.SingleToInt32Bits(got.Score),
                $"{context} #{i}: article {got.ArticleIndex} ({got.Score:R}), {reference} {want.ArticleIndex} ({want.Score:R})");
            Assert.Equal(want.BlockIndex, got.BlockIndex);
            Assert.Equal(expected.GetParts(want).Length, actual.GetParts(got).Length);
        }

        return expected.Hits.Length;
    }
}
