using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// An index built by the production indexer and laid out by the production writer (<see cref="IndexEmitter.Sections"/>),
/// served from memory: searches a corpus with the runtime engine without compiling it. Articles are not available.
/// </summary>
internal sealed class SectionIndexData : CorpusIndexData
{
    public override int FormatVersion => CorpusFormat.Version;

    private readonly Dictionary<(IndexSection, SearchMode), byte[]> _sections = new();

    private SectionIndexData(CorpusIndex index, int articles)
    {
        ArticleCount = articles;
        foreach (IndexSectionData section in IndexEmitter.Sections(index))
        {
            var key = Enum.Parse<IndexSection>(section.Section);
            byte[] bytes = section.Bytes;
            Bytes += bytes.Length;
            if (section.Mode is null)
            {
                foreach (SearchMode mode in Enum.GetValues<SearchMode>())
                {
                    _sections[(key, mode)] = bytes;
                }
            }
            else
            {
                _sections[(key, Enum.Parse<SearchMode>(section.Mode))] = bytes;
            }
        }
    }

    public override int ArticleCount { get; }

    /// <summary>The bytes of every section (a corpus-wide section once).</summary>
    public long Bytes { get; }

    public override ArticleCollection Articles => throw new NotSupportedException("An in-memory index has no articles.");

    /// <summary>Parses seed texts (path, text) with the production parser and indexes them in ID order.</summary>
    public static CorpusSearch Search(IEnumerable<(string Path, string Text)> seeds) => Corpus(seeds).SearchEngine;

    /// <summary>The same, as a <see cref="CompiledCorpus"/> (content hash "in-memory").</summary>
    /// <param name="seeds">The seeds.</param>
    /// <param name="pairMinArticles">The pair index's threshold (<see cref="CorpusIndexBuilder.DefaultPairMinArticles"/>; 0: none).</param>
    public static CompiledCorpus Corpus(IEnumerable<(string Path, string Text)> seeds, int pairMinArticles = CorpusIndexBuilder.DefaultPairMinArticles) =>
        new(Build(seeds, pairMinArticles), "in-memory");

    /// <summary>The index alone (as <see cref="Corpus"/>), of the modes in <paramref name="modes"/> (<see cref="CorpusIndex.ModeMask"/>).</summary>
    public static SectionIndexData Build(IEnumerable<(string Path, string Text)> seeds, int pairMinArticles = CorpusIndexBuilder.DefaultPairMinArticles, int modes = CorpusIndex.AllModes)
    {
        List<ArticleIndexSpec> specs = seeds
            .Select(s => (s.Path, Article: SeedParser.Parse(s.Path, s.Text).Article ?? throw new InvalidOperationException("Seed rejected: " + s.Path)))
            .OrderBy(s => s.Article.Id, StringComparer.Ordinal)
            .Select(s => ArticleIndexer.Index(s.Article, s.Path))
            .ToList();
        return new SectionIndexData(CorpusIndexBuilder.Build(specs, pairMinArticles: pairMinArticles, modes: modes), specs.Count);
    }

    public override Article GetArticle(int index) => throw new NotSupportedException("An in-memory index has no articles.");

    public override ReadOnlySpan<byte> GetSection(IndexSection section, SearchMode mode) => _sections.GetValueOrDefault((section, mode));
}
