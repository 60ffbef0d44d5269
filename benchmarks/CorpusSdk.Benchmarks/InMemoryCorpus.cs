using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.Generators.Search;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// A synthetic corpus whose index is built in memory instead of compiled: the same seeds as the corpus
/// projects, parsed by the production <see cref="SeedParser"/>, indexed by <see cref="ArticleIndexer"/> and
/// <see cref="CorpusIndexBuilder"/>, laid out by <see cref="IndexEmitter.Sections"/> (the bytes the generated
/// assembly would hold) and searched by the production <see cref="CorpusSearch"/>. For corpora too large to
/// compile on the benchmark machine. Articles are not built; Lucene's index is made from the parsed text.
/// </summary>
internal sealed class InMemoryCorpus
{
    private static readonly Dictionary<(int, IndexLayout), InMemoryCorpus> Cache = [];

    private InMemoryCorpus(int count, IndexLayout layout)
    {
        List<SyntheticArticle> seeds = [.. SyntheticCorpus.SyntheticCorpus.Generate(count, Vocabulary.FromSeed())];
        SeedBytes = seeds.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text) + (a.Bom ? 3 : 0));
        List<(string Path, ArticleSpec Article)> articles = seeds
            .Select(s => ("/corpus/" + s.FileName, SeedParser.Parse("/corpus/" + s.FileName, s.Text).Article ?? throw new InvalidOperationException(s.FileName + " did not parse")))
            .OrderBy(s => s.Item2.Id, StringComparer.Ordinal)
            .ToList();
        Texts = [.. articles.Select(a => (a.Article.Title, (IReadOnlyList<string>)[.. a.Article.Blocks.Select(b => b.Text)]))];
        var data = new SectionData(articles.Count, IndexEmitter.Sections(CorpusIndexBuilder.Build([.. articles.Select(a => ArticleIndexer.Index(a.Article, a.Path))]), Policy(layout), binary: layout == IndexLayout.RawBytes));
        Sections = data.SectionBytes;
        IndexBytes = data.Bytes;
        Engine = new CorpusSearch(data);
    }

    public CorpusSearch Engine { get; }

    /// <summary>The seed files' bytes.</summary>
    public long SeedBytes { get; }

    /// <summary>The index's bytes (every section, every mode).</summary>
    public long IndexBytes { get; }

    /// <summary>Each article's title and blocks, in corpus order (for Lucene's index).</summary>
    public IReadOnlyList<(string Title, IReadOnlyList<string> Blocks)> Texts { get; }

    private static Func<string, bool> Policy(IndexLayout layout) => layout switch
    {
        IndexLayout.Fixed => _ => false,
        IndexLayout.AllBlocked => _ => true,
        _ => IndexEmitter.BlockedByDefault,
    };

    /// <summary>Each section's bytes (per-mode sections summed over the modes), by name.</summary>
    public IReadOnlyDictionary<string, long> Sections { get; }

    /// <summary>The corpus of <paramref name="count"/> articles, its integer sections laid out as <paramref name="layout"/> says.</summary>
    public static InMemoryCorpus For(int count, IndexLayout layout = IndexLayout.Written)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((count, layout), out InMemoryCorpus? corpus))
            {
                corpus = new InMemoryCorpus(count, layout);
                Cache.Add((count, layout), corpus);
            }

            return corpus;
        }
    }

    /// <summary>The sections as UTF-8 bytes, looked up by (section, mode) in an array, as the generated switch does.</summary>
    private sealed class SectionData : CorpusIndexData
    {
        public override int FormatVersion => CorpusFormat.Version;

        private readonly byte[][] _sections;
        private readonly int _modes = Enum.GetValues<SearchMode>().Length;

        public SectionData(int articles, List<IndexSectionData> sections)
        {
            ArticleCount = articles;
            _sections = new byte[Enum.GetValues<IndexSection>().Length * _modes][];
            foreach (IndexSectionData section in sections)
            {
                byte[] bytes = section.Bytes;
                Bytes += bytes.Length;
                SectionBytes[section.Section] = SectionBytes.GetValueOrDefault(section.Section) + bytes.Length;
                int key = (int)Enum.Parse<IndexSection>(section.Section) * _modes;
                if (section.Mode is null)
                {
                    for (int m = 0; m < _modes; m++)
                    {
                        _sections[key + m] = bytes;
                    }
                }
                else
                {
                    _sections[key + (int)Enum.Parse<SearchMode>(section.Mode)] = bytes;
                }
            }
        }

        public long Bytes { get; }

        public Dictionary<string, long> SectionBytes { get; } = [];

        public override int ArticleCount { get; }

        public override ArticleCollection Articles => throw new NotSupportedException("An in-memory index has no articles.");

        public override Article GetArticle(int index) => throw new NotSupportedException("An in-memory index has no articles.");

        public override ReadOnlySpan<byte> GetSection(IndexSection section, SearchMode mode) => _sections[((int)section * _modes) + (int)mode];
    }
}

/// <summary>How the integer sections of an in-memory index are laid out (issue 11, item 3).</summary>
public enum IndexLayout
{
    /// <summary>As the generator writes them (<c>IndexEmitter.BlockedByDefault</c>).</summary>
    Written,

    /// <summary>Every section fixed-width: the baseline.</summary>
    Fixed,

    /// <summary>Every section that saves a quarter of its bytes in the block layout takes it.</summary>
    AllBlocked,

    /// <summary>Every section fixed-width in raw bytes, as the index file holds them (format 4).</summary>
    RawBytes,
}
