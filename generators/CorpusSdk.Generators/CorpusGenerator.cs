using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorpusSdk.Generators;

/// <summary>
/// Compiles seed files (AdditionalFiles marked <c>CorpusSdkSeed="true"</c>) into a typed corpus.
/// The only Roslyn-aware code: it wires the pipeline, feeds files in and reports diagnostics and sources
/// out; parsing, planning, settings, output models and emitting are plain .NET (see Parsing/, Corpus/, Emit/).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CorpusGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        /// <summary>One parsed seed per file.</summary>
        public const string Seeds = "CorpusSdk.Seeds";

        /// <summary>The corpus plan: per seed, accepted or not and under which member name; the name diagnostics.</summary>
        public const string Plan = "CorpusSdk.Plan";

        /// <summary>One article ready to emit.</summary>
        public const string Articles = "CorpusSdk.Articles";

        /// <summary>The corpus-wide file's model.</summary>
        public const string Corpus = "CorpusSdk.Corpus";

        /// <summary>One article's words and terms, for the search index.</summary>
        public const string ArticleIndex = "CorpusSdk.ArticleIndex";

        /// <summary>The merged search index.</summary>
        public const string Index = "CorpusSdk.Index";

        /// <summary>The settings from MSBuild properties.</summary>
        public const string Settings = "CorpusSdk.Settings";

        /// <summary>The text storage chosen for the corpus (from every article's string-heap estimate).</summary>
        public const string Storage = "CorpusSdk.Storage";
    }

    private static readonly string GeneratorVersion =
        typeof(CorpusGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CorpusGenerator).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<CorpusSettings> settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.Read(Lookup(options.GlobalOptions)))
            .WithTrackingName(TrackingNames.Settings);

        IncrementalValuesProvider<SeedResult> seeds = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => GeneratorSettings.IsSeed(Lookup(pair.Right.GetOptions(pair.Left))))
            .Select(static (pair, cancellationToken) =>
            {
                SourceText? text = pair.Left.GetText(cancellationToken);
                return SeedReader.Read(pair.Left.Path, text?.ToString(), text?.Encoding?.WebName, cancellationToken);
            })
            .WithTrackingName(TrackingNames.Seeds);

        // Per-seed diagnostics: reported from the per-file model, so an unchanged seed reports from cache.
        context.RegisterSourceOutput(seeds.Select(static (seed, _) => seed.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // Every seed that parsed into an article, as a corpus entry (the only place one is built), collected.
        IncrementalValueProvider<ImmutableArray<CorpusEntry>> candidates = seeds
            .Where(static seed => seed.Article is not null)
            .Select(static (seed, _) => new CorpusEntry(seed.Id, seed.MemberName, seed.ContentSha256, seed.Path))
            .Collect();

        // The one plan: per seed, accepted or not under its member name. Hashes are left out, so an edit
        // that keeps every name leaves it equal and the steps that read it stay cached.
        IncrementalValueProvider<CorpusPlan> plan = candidates
            .Combine(settings)
            .Select(static (input, _) => CorpusPlanner.Plan(input.Left, input.Right.ClassName))
            .WithTrackingName(TrackingNames.Plan);

        context.RegisterSourceOutput(plan.Select(static (p, _) => p.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(settings.Select(static (s, _) => s.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // Text storage: every article's string-heap estimate (recomputed for an edited seed only), summed.
        // The decision is a bool for the article step, so an edit that does not flip it re-emits nothing else.
        IncrementalValueProvider<StorageDecision> storage = seeds
            .Select(static (seed, _) => seed.Article is null ? 0L : StringHeap.Estimate(seed.Article))
            .Collect()
            .Combine(settings)
            .Select(static (input, _) => StorageDecision.Decide(input.Right.TextStorage, input.Left))
            .WithTrackingName(TrackingNames.Storage);

        context.RegisterSourceOutput(storage.Select(static (s, _) => s.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        IncrementalValueProvider<bool> utf8 = storage.Select(static (s, _) => s.Utf8);

        // One source file per article, re-emitted only when that seed (or the plan, the settings or the storage) change.
        IncrementalValuesProvider<ArticleOutput> articles = seeds
            .Combine(plan)
            .Combine(settings)
            .Combine(utf8)
            .Select(static (input, _) => ArticleOutput.Create(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Articles);

        context.RegisterSourceOutput(articles, static (spc, article) => EmitArticle(spc, article));

        // The corpus class: the plan's accepted entries with their content hashes.
        IncrementalValueProvider<CorpusOutput> corpus = plan
            .Combine(candidates)
            .Combine(settings)
            .Select(static (input, _) => CorpusOutput.Create(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Corpus);

        context.RegisterSourceOutput(corpus, static (spc, model) => EmitCorpus(spc, model));

        // Search: each article analysed on its own (re-run only when it changes), merged in the plan's order.
        // With the index in a resource (written by the package's build step), the generator indexes nothing.
        IncrementalValueProvider<bool> indexInSource = settings.Select(static (s, _) => s.IndexResource.Length == 0);
        IncrementalValuesProvider<ArticleIndexSpec> articleIndexes = seeds
            .Where(static seed => seed.Article is not null)
            .Combine(indexInSource)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => ArticleIndexer.Index(pair.Left.Article!, pair.Left.Path))
            .WithTrackingName(TrackingNames.ArticleIndex);

        IncrementalValueProvider<IndexOutput> index = articleIndexes
            .Collect()
            .Combine(plan)
            .Combine(settings)
            .Select(static (input, _) => IndexOutput.Create(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Index);

        context.RegisterSourceOutput(index, static (spc, model) => EmitIndex(spc, model));

        // The content hash the index build step wrote beside the resource: it must be this compilation's.
        IncrementalValueProvider<ImmutableArray<string>> indexHashes = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => GeneratorSettings.IsIndexHash(Lookup(pair.Right.GetOptions(pair.Left))))
            .Select(static (pair, cancellationToken) => pair.Left.GetText(cancellationToken)?.ToString().Trim() ?? string.Empty)
            .Collect();
        context.RegisterSourceOutput(
            indexHashes.Combine(corpus.Select(static (c, _) => c.ContentHash)),
            static (spc, input) => CheckIndexHash(spc, input.Left, input.Right));
    }

    private static void CheckIndexHash(SourceProductionContext context, ImmutableArray<string> indexHashes, string contentHash)
    {
        foreach (string indexHash in indexHashes)
        {
            if (!string.Equals(indexHash, contentHash, StringComparison.Ordinal))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StaleIndex, Location.None, indexHash, contentHash));
            }
        }
    }

    /// <summary>Analyzer config options as the key lookup <see cref="GeneratorSettings"/> reads.</summary>
    private static Func<string, string?> Lookup(AnalyzerConfigOptions options) =>
        key => options.TryGetValue(key, out string? value) ? value : null;

    private static void EmitIndex(SourceProductionContext context, IndexOutput model)
    {
        try
        {
            string source = model.IndexResource.Length > 0
                ? IndexEmitter.EmitResource(model.MemberNames.ToList(), model.Namespace, model.ClassName, GeneratorVersion, model.IndexResource)
                : IndexEmitter.Emit(CorpusIndexBuilder.Build(model.Articles.ToList(), pairMinArticles: model.PairMinArticles, modes: model.SearchModes), model.MemberNames.ToList(), model.Namespace, model.ClassName, GeneratorVersion);
            context.AddSource(model.ClassName + ".Index.g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, "the search index", exception.GetType().Name + ": " + exception.Message));
        }
    }

    private static void EmitArticle(SourceProductionContext context, ArticleOutput output)
    {
        if (output.Article is null)
        {
            return;
        }

        try
        {
            string source = ArticleEmitter.Emit(output.Article, output.MemberName, output.Namespace, output.ClassName, GeneratorVersion, output.Utf8);
            context.AddSource(HintNames.ForArticle(output.MemberName), SourceText.From(source, System.Text.Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, output.Article.FileName, exception.GetType().Name + ": " + exception.Message));
        }
    }

    private static void EmitCorpus(SourceProductionContext context, CorpusOutput model)
    {
        try
        {
            string source = CorpusEmitter.Emit(model.Entries.ToList(), model.ContentHash, model.Namespace, model.ClassName, GeneratorVersion);
            context.AddSource(model.ClassName + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, "the corpus", exception.GetType().Name + ": " + exception.Message));
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<SeedDiagnostic> diagnostics)
    {
        foreach (SeedDiagnostic diagnostic in diagnostics)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            object[] args = diagnostic.MessageArgs.Select(static a => (object)a).ToArray();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(diagnostic.Id), ToLocation(diagnostic.Location), args));
        }
    }

    private static Location ToLocation(SeedLocation location)
    {
        if (location.Path.Length == 0)
        {
            return Location.None;
        }

        return Location.Create(
            location.Path,
            new TextSpan(location.Start, location.Length),
            new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
    }
}
