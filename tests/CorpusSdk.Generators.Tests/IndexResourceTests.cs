using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.SyntheticCorpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The index as an embedded resource (<c>CorpusSdkIndexStorage=Resource</c>): the build step's file
/// (<see cref="IndexFileBuilder"/>, <c>IndexFile</c>), read by <see cref="ResourceIndexData"/>, searches exactly as the index
/// the generator emits as source; the generated corpus reads it from its assembly; stale or foreign files are refused.
/// </summary>
public sealed class IndexResourceTests
{
    private const string ResourceName = "CorpusSdk.SearchIndex";

    private static readonly Dictionary<string, string> ResourceMode = new() { ["build_property.CorpusSdkIndexResource"] = ResourceName };

    private static readonly Lazy<(string Path, string Text)[]> Synthetic = new(() =>
        [.. SyntheticCorpus.SyntheticCorpus.Generate(150, Vocabulary.FromSeed()).Select(a => ("/seeds/" + a.FileName, a.Text))]);

    [Fact]
    public void The_index_file_searches_exactly_as_the_index_in_source()
    {
        (string Path, string Text)[] seeds = [.. Synthetic.Value, ("/seeds/000_8fbc388ac0ad8ee7.txt", TestFiles.RealSeed)];
        var (file, hash, count) = IndexFileBuilder.Build(seeds.Select(s => (s.Path, Encoding.UTF8.GetBytes(s.Text))), "Corpus");
        Assert.Equal(seeds.Length, count);
        var fromFile = new CorpusSearch(new FileIndexData(file, hash, count));
        CorpusSearch fromSource = SectionIndexData.Search(seeds);

        string[] words = [.. seeds.SelectMany(s => s.Text.Split([' ', '\n', '،', '.'], StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 3).Distinct(StringComparer.Ordinal).Take(40)];
        string[] queries = [.. words, words[0] + " " + words[1], words[2] + " OR " + words[3], "\"" + words[0] + " " + words[1] + "\"", words[4][..3] + "*", words[0] + " -" + words[5], "كيري", "أمريكا"];
        int compared = 0;
        foreach (SearchMode mode in Enum.GetValues<SearchMode>())
        {
            foreach (SearchUnit unit in (SearchUnit[])[SearchUnit.Article, SearchUnit.Part])
            {
                var options = new SearchOptions { Mode = mode, Unit = unit, Top = 10 };
                foreach (string query in queries)
                {
                    Assert.Equal(fromSource.Count(query, options), fromFile.Count(query, options));
                    Assert.Equal(Hits(fromSource, query, options), Hits(fromFile, query, options));
                    compared++;
                }
            }
        }

        Assert.Equal(8 * queries.Length, compared);
        Assert.True(fromFile.Count("كيري") > 0);
    }

    [Fact]
    public void The_generated_corpus_reads_its_index_from_the_assembly_resource()
    {
        AdditionalText[] seeds = [GeneratorHarness.RealSeed(), GeneratorHarness.FixtureSeed("links-and-quotes.txt"), GeneratorHarness.FixtureSeed("missing-title.txt")];
        GeneratorRun run = GeneratorHarness.Run(seeds, ResourceMode);
        Assert.Empty(run.CompileProblems);
        string index = run.Sources["Corpus.Index.g.cs"];
        Assert.Contains(": global::CorpusSdk.ResourceIndexData", index, StringComparison.Ordinal);
        Assert.DoesNotContain("u8", index, StringComparison.Ordinal); // no index data in source
        Assert.DoesNotContain(run.Result.Results.Single().TrackedSteps.Keys, k => k == CorpusGenerator.TrackingNames.ArticleIndex && run.Result.Results.Single().TrackedSteps[k].Length > 0);

        // The build step over the same files (the seed that does not parse is left out by both).
        var (file, hash, _) = IndexFileBuilder.Build(seeds.Select(s => (s.Path, Encoding.UTF8.GetBytes(s.GetText()!.ToString()))), "Corpus");
        Type corpus = Load(run.Output, file).GetType("Consumer.Corpus", throwOnError: true)!;
        Assert.Equal(hash, (string)corpus.GetField("ContentHash")!.GetValue(null)!);
        var engine = (CorpusSearch)corpus.GetProperty("SearchEngine")!.GetValue(null)!;

        GeneratorRun source = GeneratorHarness.Run(seeds);
        var sourceEngine = (CorpusSearch)Load(source.Output, null).GetType("Consumer.Corpus", throwOnError: true)!.GetProperty("SearchEngine")!.GetValue(null)!;
        foreach (string query in (string[])["كيري", "أمريكا", "\"وزير الخارجية\"", "تسريب*", "كيري -روسيا"])
        {
            Assert.Equal(sourceEngine.Count(query), engine.Count(query));
            Assert.Equal(Hits(sourceEngine, query, new SearchOptions { Unit = SearchUnit.Part, Top = 20 }), Hits(engine, query, new SearchOptions { Unit = SearchUnit.Part, Top = 20 }));
        }

        Assert.True(engine.Count("كيري") > 0);
    }

    [Fact]
    public void A_generated_corpus_without_its_resource_says_what_is_missing()
    {
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.RealSeed()], ResourceMode);
        Type corpus = Load(run.Output, null).GetType("Consumer.Corpus", throwOnError: true)!;
        var error = Assert.Throws<TargetInvocationException>(() => corpus.GetProperty("SearchEngine")!.GetValue(null));
        var format = Assert.IsType<CorpusFormatException>(error.InnerException?.InnerException ?? error.InnerException);
        Assert.Contains("'CorpusSdk.SearchIndex'", format.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", format.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_file_of_other_seeds_is_refused_naming_both_hashes()
    {
        var (file, hash, count) = IndexFileBuilder.Build([("/seeds/000_8fbc388ac0ad8ee7.txt", Encoding.UTF8.GetBytes(TestFiles.RealSeed))], "Corpus");
        string other = new('0', 64);
        var error = Assert.Throws<CorpusFormatException>(() => new CorpusSearch(new FileIndexData(file, other, count)));
        Assert.Contains(hash, error.Message, StringComparison.Ordinal);
        Assert.Contains(other, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_an_index_file_are_refused()
    {
        byte[] text = Encoding.UTF8.GetBytes(TestFiles.RealSeed);
        var error = Assert.Throws<CorpusFormatException>(() => new CorpusSearch(new FileIndexData(text, new string('0', 64), 1)));
        Assert.Contains("is not a CorpusSdk search index", error.Message, StringComparison.Ordinal);

        // A section table that points outside the file.
        var (file, hash, count) = IndexFileBuilder.Build([("/seeds/000_8fbc388ac0ad8ee7.txt", Encoding.UTF8.GetBytes(TestFiles.RealSeed))], "Corpus");
        byte[] cut = file[..(file.Length / 2)];
        error = Assert.Throws<CorpusFormatException>(() => new CorpusSearch(new FileIndexData(cut, hash, count)));
        Assert.Contains("is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_file_of_another_format_is_refused_with_both_versions()
    {
        var (file, hash, count) = IndexFileBuilder.Build([("/seeds/000_8fbc388ac0ad8ee7.txt", Encoding.UTF8.GetBytes(TestFiles.RealSeed))], "Corpus");
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), CorpusFormat.Version + 1);
        var error = Assert.Throws<CorpusFormatException>(() => new CorpusSearch(new FileIndexData(file, hash, count)));
        Assert.Equal(CorpusFormat.Version + 1, error.DataVersion);
        Assert.Equal(CorpusSdkInfo.CorpusFormatVersion, error.RuntimeVersion);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_generator_reports_CSDK019_when_the_step_read_other_seeds(bool same)
    {
        AdditionalText seed = GeneratorHarness.RealSeed();
        var (_, hash, _) = IndexFileBuilder.Build([(seed.Path, Encoding.UTF8.GetBytes(seed.GetText()!.ToString()))], "Corpus");
        string written = same ? hash : new string('f', 64);
        GeneratorRun run = GeneratorHarness.Run([seed, GeneratorHarness.Seed("/obj/corpussdk/index.hash", written + "\n")], ResourceMode);
        Diagnostic[] stale = [.. run.GeneratorDiagnostics.Where(d => d.Id == "CSDK019")];
        if (same)
        {
            Assert.Empty(stale);
        }
        else
        {
            Diagnostic diagnostic = Assert.Single(stale);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains(written, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Contains(hash, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_step_decodes_seeds_as_the_compiler_does()
    {
        int compared = 0;
        foreach (string fixture in Directory.GetFiles(Path.GetDirectoryName(TestFiles.Fixture("minimal.txt"))!, "*.txt"))
        {
            byte[] bytes = File.ReadAllBytes(fixture);
            var (text, encoding) = IndexFileBuilder.Decode(bytes);
            if (Path.GetFileName(fixture) == "invalid-utf8.txt")
            {
                Assert.False(encoding.StartsWith("utf-", StringComparison.Ordinal)); // refused by SeedReader, as the compiler's fallback is
                continue;
            }

            // SourceText.From detects a byte order mark and decodes UTF-8 otherwise, as the compiler does for valid UTF-8.
            SourceText roslyn = SourceText.From(new MemoryStream(bytes));
            Assert.Equal(roslyn.ToString(), text);
            Assert.Equal(roslyn.Encoding!.WebName, encoding);
            compared++;
        }

        Assert.True(compared >= 25, compared + " fixtures compared");
    }

    private static string[] Hits(CorpusSearch search, string query, SearchOptions options)
    {
        using SearchResults results = search.Search(query, options);
        var hits = new List<string>();
        hits.Add("total " + results.TotalCount);
        foreach (RankedHit hit in results.Hits)
        {
            hits.Add(hit.ArticleIndex + "/" + hit.BlockIndex + ":" + hit.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            foreach (PartHit part in results.GetParts(hit))
            {
                hits.Add(" " + part.BlockIndex + ":" + part.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                foreach (SearchHit highlight in results.GetHighlights(part))
                {
                    hits.Add("  " + highlight);
                }
            }
        }

        return [.. hits];
    }

    private static Assembly Load(Compilation compilation, byte[]? index)
    {
        using var stream = new MemoryStream();
        ResourceDescription[] resources = index is null ? [] : [new ResourceDescription(ResourceName, () => new MemoryStream(index), isPublic: true)];
        var result = compilation.Emit(stream, manifestResources: resources);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("resource-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }
}
