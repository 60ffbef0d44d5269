using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>Every change to generated source shows up as a reviewed diff of a committed .cs snapshot.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Real_seed_article() =>
        Snapshots.Match(GeneratorHarness.Run(GeneratorHarness.RealSeed()).Sources["Article.__000__8fbc388ac0ad8ee7.g.cs"], "RealSeed.Article");

    [Fact]
    public void Real_seed_corpus() =>
        Snapshots.Match(GeneratorHarness.Run(GeneratorHarness.RealSeed()).Sources["Corpus.g.cs"], "RealSeed.Corpus");

    [Theory]
    [InlineData("english-byline")]
    [InlineData("links-and-quotes")]
    [InlineData("heading-and-pull-quote")]
    [InlineData("split-paragraph")]
    [InlineData("explicit-kinds")]
    [InlineData("links-commonmark")]
    public void Fixture_article(string fixture)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.FixtureSeed(fixture + ".txt"));
        string hint = Assert.Single(run.Sources.Keys, k => k.StartsWith("Article.", StringComparison.Ordinal));
        Snapshots.Match(run.Sources[hint], "Fixture." + fixture);
    }

    [Fact]
    public void Fixture_search_index() =>
        Snapshots.Match(GeneratorHarness.Run(GeneratorHarness.FixtureSeed("links-and-quotes.txt")).Sources["Corpus.Index.g.cs"], "Fixture.links-and-quotes.Index");

    /// <summary>The reviewed view of the index: decoded, one line per part, article and term (the generated file holds it packed).</summary>
    [Fact]
    public void Fixture_search_index_decoded()
    {
        AdditionalText seed = GeneratorHarness.FixtureSeed("links-and-quotes.txt");
        var article = CorpusSdk.Generators.Parsing.SeedParser.Parse(seed.Path, seed.GetText()!.ToString()).Article!;
        var index = CorpusSdk.Generators.Search.CorpusIndexBuilder.Build([CorpusSdk.Generators.Search.ArticleIndexer.Index(article, seed.Path)]);
        Snapshots.MatchText(IndexDump.Write(index), "Fixture.links-and-quotes.Index.Decoded");
    }

    /// <summary>The same index with the pair index of every adjacent couple of words (threshold 1; a corpus gets pairs from 32 articles).</summary>
    [Fact]
    public void Fixture_search_index_with_pairs_decoded()
    {
        AdditionalText seed = GeneratorHarness.FixtureSeed("links-and-quotes.txt");
        var article = CorpusSdk.Generators.Parsing.SeedParser.Parse(seed.Path, seed.GetText()!.ToString()).Article!;
        var index = CorpusSdk.Generators.Search.CorpusIndexBuilder.Build([CorpusSdk.Generators.Search.ArticleIndexer.Index(article, seed.Path)], pairMinArticles: 1);
        Snapshots.MatchText(IndexDump.Write(index), "Fixture.links-and-quotes.Index.Pairs.Decoded");
    }

    [Fact]
    public void Empty_corpus() => Snapshots.Match(GeneratorHarness.Run().Sources["Corpus.g.cs"], "Empty.Corpus");
}
