using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorpusSdk.Generators.Tests;

/// <summary>Runs <see cref="CorpusGenerator"/> through <see cref="CSharpGeneratorDriver"/> as the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Path.GetFileName(p).StartsWith("CorpusSdk.Generators", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static CSharpCompilation CreateCompilation(string assemblyName = "Consumer") => CSharpCompilation.Create(
        assemblyName,
        [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }", ParseOptions)],
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> seeds, IDictionary<string, string>? globalOptions = null)
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Consumer",
        };
        if (globalOptions is not null)
        {
            foreach (var pair in globalOptions)
            {
                options[pair.Key] = pair.Value;
            }
        }

        return CSharpGeneratorDriver.Create(
            [new CorpusGenerator().AsSourceGenerator()],
            seeds,
            ParseOptions,
            new TestOptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static AdditionalText Seed(string path, string text) => new TestAdditionalText(path, text);

    public static AdditionalText FixtureSeed(string fixture) => Seed("/repo/seeds/" + fixture, TestFiles.ReadFixture(fixture));

    public static AdditionalText RealSeed() => Seed("/repo/seeds/000_8fbc388ac0ad8ee7.txt", TestFiles.RealSeed);

    /// <summary>Runs the generator once and compiles its output.</summary>
    public static GeneratorRun Run(params AdditionalText[] seeds) => Run(seeds, null);

    public static GeneratorRun Run(AdditionalText[] seeds, IDictionary<string, string>? globalOptions)
    {
        GeneratorDriver driver = CreateDriver(seeds, globalOptions).RunGeneratorsAndUpdateCompilation(
            CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    /// <summary>Loads a compiled consumer and returns its Corpus.Articles.</summary>
    public static ArticleCollection LoadArticles(Compilation compilation, string typeName = "Consumer.Corpus")
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("consumer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        Assembly assembly = context.LoadFromStream(stream);
        Type corpus = assembly.GetType(typeName, throwOnError: true)!;
        return (ArticleCollection)corpus.GetProperty("Articles")!.GetValue(null)!;
    }

    private sealed class TestAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions SeedOptions = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSdkSeed"] = "true" });
        private static readonly DictionaryOptions IndexHashOptions = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSdkIndexHash"] = "true" });
        private static readonly DictionaryOptions NoOptions = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path.EndsWith(".txt", StringComparison.Ordinal) ? SeedOptions
            : textFile.Path.EndsWith("index.hash", StringComparison.Ordinal) ? IndexHashOptions
            : NoOptions;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

/// <summary>The outcome of one generator run.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Compiler errors and warnings of the output compilation (generator info notes excluded).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public Exception? GeneratorException => Result.Results.Single().Exception;
}
