using System;

namespace CorpusSdk.Cli.Tests;

/// <summary>Articles built in code as a <see cref="CompiledCorpus"/>, what the CLI takes: no search index (search is not run on them).</summary>
internal sealed class TestCorpus : CorpusIndexData
{
    /// <summary>The content hash of a test corpus unless one is given.</summary>
    public static readonly string Hash = new('0', 64);

    private readonly ArticleCollection _articles;

    private TestCorpus(ArticleCollection articles) => _articles = articles;

    public override int FormatVersion => CorpusSdkInfo.CorpusFormatVersion;

    public override int ArticleCount => _articles.Count;

    public override ArticleCollection Articles => _articles;

    public static CompiledCorpus Of(ArticleCollection articles, string? contentHash = null) => new(new TestCorpus(articles), contentHash ?? Hash);

    public override Article GetArticle(int index) => _articles[index];

    public override ReadOnlySpan<byte> GetSection(IndexSection section, SearchMode mode) =>
        throw new NotSupportedException("Test articles have no search index.");
}
