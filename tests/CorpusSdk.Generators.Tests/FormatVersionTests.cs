using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The corpus format version (src/CorpusSdk/Data/CorpusFormat.cs): written into generated data, checked by the
/// runtime on first use, and bumped whenever the bytes change (docs/versioning.md, "The corpus format").
/// </summary>
public sealed class FormatVersionTests
{
    /// <summary>
    /// SHA-256 of <see cref="SampleBytes"/> for each format version, oldest first. When the bytes change, bump
    /// <see cref="CorpusFormat.Version"/>, append a line here and a row to docs/versioning.md; never edit a line.
    /// </summary>
    private static readonly (int Version, string Hash)[] Pinned =
    [
        (1, "D2FC8A1143E4A98FD342CC5E939B831A30B084B6B2E7179CD7291626107E0405"),
        (2, "1EF28BAFDB1B0C6E0BAA08C66C5FCFBD882D669341927F6631E9D66D4F8A5E47"),
        (3, "6F03DA7567CE35A5C254DD3F4FD6D32FB747461BCF22371FFAB6F9D193560C54"),
        (4, "A9314BC0C2C6105EB6DB0E80288403EF8D11BD92A3A4D421E57884C33C8C84F2"),
    ];

    private static readonly Dictionary<string, string> Utf8 = new() { ["build_property.CorpusSdkTextStorage"] = "Utf8" };

    [Fact]
    public void The_bytes_of_each_format_version_are_pinned()
    {
        string hash = Convert.ToHexString(SHA256.HashData(SampleBytes()));
        int next = CorpusFormat.Version + 1;
        Assert.True(
            Pinned[^1].Version == CorpusFormat.Version && Pinned[^1].Hash == hash,
            $"The compiled data of the sample articles has the hash {hash}, which is not the one pinned for corpus format {CorpusFormat.Version}. " +
            $"If the layout, the integer codec or the analysis changed on purpose, set CorpusFormat.Version to {next}, append ({next}, \"{hash}\") " +
            "to FormatVersionTests.Pinned and describe the change in docs/versioning.md (\"The corpus format\"); a runtime must never read bytes of another layout under the same version.");
        Assert.Equal(Pinned.Length, Pinned.Select(p => p.Hash).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, Pinned.Length), Pinned.Select(p => p.Version));
    }

    [Fact]
    public void Every_format_version_is_described_in_the_docs()
    {
        string docs = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "versioning.md"));
        foreach (var (version, _) in Pinned)
        {
            Assert.Matches("(?m)^\\| " + version + " \\|", docs);
        }
    }

    [Fact]
    public void The_generator_writes_the_version_into_the_index_and_every_utf8_article()
    {
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.RealSeed(), GeneratorHarness.FixtureSeed("links-and-quotes.txt")], Utf8);
        Assert.Contains("public override int FormatVersion => " + CorpusFormat.Version + ";", run.Sources["Corpus.Index.g.cs"], StringComparison.Ordinal);
        var articles = run.Sources.Where(s => s.Key.StartsWith("Article.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, articles.Count);
        Assert.All(articles, s => Assert.Contains("Article.FromUtf8(" + CorpusFormat.Version + ", ", s.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_corpus_compiled_in_another_format_throws_on_first_use(int offset)
    {
        int other = CorpusFormat.Version + offset;
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.RealSeed()], Utf8);
        Assert.Empty(run.CompileProblems);

        // The same generated source as another release's generator would write it: only the version differs.
        Compilation compilation = run.Output;
        int replaced = 0;
        foreach (SyntaxTree tree in run.Result.GeneratedTrees)
        {
            string text = tree.GetText().ToString();
            string changed = text
                .Replace("FormatVersion => " + CorpusFormat.Version + ";", "FormatVersion => " + other + ";", StringComparison.Ordinal)
                .Replace("Article.FromUtf8(" + CorpusFormat.Version + ", ", "Article.FromUtf8(" + other + ", ", StringComparison.Ordinal);
            if (changed != text)
            {
                replaced++;
                compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, tree.FilePath));
            }
        }

        Assert.Equal(2, replaced); // the index and the article
        Type corpus = Load(compilation).GetType("Consumer.Corpus", throwOnError: true)!;

        var search = Assert.Throws<TargetInvocationException>(() => corpus.GetProperty("SearchEngine")!.GetValue(null));
        CorpusFormatException error = FormatError(search);
        Assert.Equal(other, error.DataVersion);
        Assert.Equal(CorpusFormat.Version, error.RuntimeVersion);
        Assert.StartsWith(
            "The search index of this corpus was compiled with CorpusSdk corpus format " + other + "; this CorpusSdk runtime (" + CorpusSdkInfo.Version +
            ") reads format " + CorpusFormat.Version + " only.",
            error.Message,
            StringComparison.Ordinal);

        var article = Assert.Throws<TargetInvocationException>(() => corpus.GetProperty("_000_8fbc388ac0ad8ee7")!.GetValue(null));
        error = FormatError(article);
        Assert.Equal(other, error.DataVersion);
        Assert.StartsWith("Article '000_8fbc388ac0ad8ee7' was compiled with CorpusSdk corpus format " + other + ";", error.Message, StringComparison.Ordinal);
        Assert.Contains(offset > 0 ? "Update the CorpusSdk package" : "Rebuild the corpus with this CorpusSdk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_corpus_in_this_format_loads()
    {
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.RealSeed()], Utf8);
        Type corpus = Load(run.Output).GetType("Consumer.Corpus", throwOnError: true)!;
        var engine = (CorpusSearch)corpus.GetProperty("SearchEngine")!.GetValue(null)!;
        Assert.True(engine.Count("كيري") > 0);
        Assert.Equal(18, ((Article)corpus.GetProperty("_000_8fbc388ac0ad8ee7")!.GetValue(null)!).Blocks.Count);
    }

    [Fact]
    public void An_index_of_another_format_is_refused_before_a_section_is_read()
    {
        var error = Assert.Throws<CorpusFormatException>(() => new CorpusSearch(new OtherFormat(CorpusSdkInfo.CorpusFormatVersion + 1)));
        Assert.Equal(CorpusSdkInfo.CorpusFormatVersion + 1, error.DataVersion);
        Assert.Equal(CorpusSdkInfo.CorpusFormatVersion, error.RuntimeVersion);
        Assert.Contains("Update the CorpusSdk package", error.Message, StringComparison.Ordinal);
        Assert.Equal(CorpusFormat.Version, CorpusSdkInfo.CorpusFormatVersion); // the generator's constant is the runtime's
    }

    [Fact]
    public void A_corpus_value_reports_the_format_of_its_data_and_refuses_to_search_another()
    {
        var corpus = new CompiledCorpus(new OtherFormat(CorpusSdkInfo.CorpusFormatVersion + 1), "hash");
        Assert.Equal(CorpusSdkInfo.CorpusFormatVersion + 1, corpus.FormatVersion);
        Assert.Throws<CorpusFormatException>(() => corpus.SearchEngine);
    }

    /// <summary>
    /// Everything the runtime reads, written by the production writers for fixed sample articles (built here, not
    /// parsed, so parser changes do not move it): each article's UTF-8 data, and every section of their index with
    /// its section and mode numbers. The index depends on the analysis too: terms written by one analysis and
    /// looked up by another would silently miss, so a change of analysis is a change of format.
    /// </summary>
    private static byte[] SampleBytes()
    {
        ArticleSpec[] articles =
        [
            Sample("a", "تسريبات كيري: عليكم أن تقاتلوا", "مناف قومان", new DateSpec(2016, 10, 1), 6,
                [(BlockKindSpec.Paragraph, "ذكر كيري لأحد الحضور «أن عليكم أن تقاتلوا» من أجلنا، وقالت المعارضة ذلك."), (BlockKindSpec.Heading, "خيبة أمل كيري"),
                 (BlockKindSpec.PullQuote, "الْعَرَبِيَّةُ والمكتبة والمدرسة ١٬٠٠٠ دولار")],
                [new QuoteSpec(0, 22, 18, "أن عليكم أن تقاتلوا")], [new LinkSpec(1, 0, 4, "خيبة", "https://example.com/a_(b)")]),
            Sample("b", "U.S.A paid 1,000 dollars", "Jane Doe", new DateSpec(1999, 12, 31), 1_000,
                [(BlockKindSpec.Paragraph, "U.S.A paid 1,000 dollars, don't ask. The libraries' books 😀 𝐀x."), (BlockKindSpec.Paragraph, string.Empty)], [], []),
            Sample("c", string.Empty, string.Empty, default, 0, [], [], []),
        ];

        var bytes = new List<byte>();
        foreach (ArticleSpec article in articles)
        {
            var (layout, text) = ArticleEmitter.Utf8Data(article);
            Add("article " + article.Id + " " + Encoding.UTF8.GetByteCount(layout) + "\n" + layout + text);
        }

        CorpusIndex index = CorpusIndexBuilder.Build([.. articles.Select(a => ArticleIndexer.Index(a, "/seeds/" + a.Id + ".txt"))]);
        var fileSections = new List<(string, int, byte[])>();
        foreach (IndexSectionData section in IndexEmitter.Sections(index))
        {
            int mode = section.Mode is null ? -1 : (int)Enum.Parse<SearchMode>(section.Mode);
            Add("\nsection " + (int)Enum.Parse<IndexSection>(section.Section) + " " + mode + "\n" + (section.Text ?? section.Packed));
        }

        foreach (IndexSectionData section in IndexEmitter.Sections(index, binary: true))
        {
            fileSections.Add((section.Section, section.Mode is null ? -1 : (int)Enum.Parse<SearchMode>(section.Mode), section.Bytes));
        }

        // The sections as the index file the build step embeds as a resource holds them (format 3 on; raw bytes from format 4).
        Add("\nindex file\n");
        bytes.AddRange(IndexFile.Write(0, articles.Length, new string('a', IndexFile.HashLength), fileSections));

        // Both layouts of the integer codec: the samples are too small for the block layout to be chosen.
        int[] series = [.. Enumerable.Range(0, 300).Select(i => (i * 37) + (i % 5) + (i >= 200 ? 1_000_000 : 0))];
        Add("\ncodec\n" + IndexInts.PackFixed(series, 4) + IndexInts.PackBlocks(series));
        return [.. bytes];

        void Add(string value) => bytes.AddRange(Encoding.UTF8.GetBytes(value));
    }

    private static ArticleSpec Sample(
        string id, string title, string author, DateSpec date, int words, (BlockKindSpec Kind, string Text)[] blocks, QuoteSpec[] quotes, LinkSpec[] links) =>
        new(id, id + ".txt", title, 1, author, 3, date,
            blocks.Select((b, i) => new BlockSpec(b.Kind, i, b.Text, new EquatableArray<int>([5 + (2 * i)]))).ToEquatableArray(),
            quotes.ToEquatableArray(), links.ToEquatableArray(), words);

    private static CorpusFormatException FormatError(TargetInvocationException exception)
    {
        // A static initializer threw: the runtime wraps the cause in a TypeInitializationException.
        var initializer = Assert.IsType<TypeInitializationException>(exception.InnerException);
        return Assert.IsType<CorpusFormatException>(initializer.InnerException);
    }

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("format-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }

    private sealed class OtherFormat(int version) : CorpusIndexData
    {
        public override int FormatVersion => version;

        public override int ArticleCount => 0;

        public override ArticleCollection Articles => throw new NotSupportedException();

        public override Article GetArticle(int index) => throw new NotSupportedException();

        public override ReadOnlySpan<byte> GetSection(IndexSection section, SearchMode mode) =>
            throw new InvalidOperationException("A section was read before the format was checked.");
    }
}
