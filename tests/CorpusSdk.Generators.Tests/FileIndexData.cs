namespace CorpusSdk.Generators.Tests;

/// <summary>An index file (<c>IndexFileBuilder</c>) held in memory and read by the production <see cref="ResourceIndexData"/>; no articles.</summary>
internal sealed class FileIndexData(byte[] file, string contentHash, int articles) : ResourceIndexData(file, contentHash)
{
    public override int ArticleCount => articles;

    public override ArticleCollection Articles => throw new NotSupportedException("An index file in memory has no articles.");

    public override Article GetArticle(int index) => throw new NotSupportedException("An index file in memory has no articles.");
}
