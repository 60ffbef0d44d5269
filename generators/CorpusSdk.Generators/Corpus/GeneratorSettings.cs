using System;
using System.Collections.Immutable;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Corpus;

/// <summary>The corpus-wide settings read from MSBuild properties.</summary>
internal sealed record CorpusSettings(string Namespace, string ClassName, TextStorage TextStorage, EquatableArray<SeedDiagnostic> Diagnostics)
{
    /// <summary>
    /// The logical name of the manifest resource that holds the search index (written by the build step of the CorpusSdk
    /// package, <c>CorpusSdkIndexStorage=Resource</c>), or empty: the generator emits the index as <c>"…"u8</c> literals.
    /// </summary>
    public string IndexResource { get; init; } = string.Empty;

    /// <summary>
    /// <c>CorpusSdkPairMinArticles</c>: the fewest articles each word of a pair must be in for the pair index to hold it
    /// (<see cref="Search.CorpusIndexBuilder.DefaultPairMinArticles"/>; 0: no pair index, a smaller assembly).
    /// </summary>
    public int PairMinArticles { get; init; } = Search.CorpusIndexBuilder.DefaultPairMinArticles;

    /// <summary>
    /// <c>CorpusSdkSearchModes</c>: the search modes indexed (bit m: <see cref="Search.IndexMode"/> m; the default mode brings
    /// the normalized mode). Each mode left out takes its postings out of the assembly; searching it throws.
    /// </summary>
    public int SearchModes { get; init; } = Search.CorpusIndex.AllModes;

    public const string DefaultNamespace = "CorpusSdk.Generated";
    public const string DefaultClassName = "Corpus";
}

/// <summary>
/// Reads the generator's MSBuild properties and item metadata. Roslyn-free: the host passes a lookup
/// of analyzer config keys (<c>build_property.X</c>, <c>build_metadata.AdditionalFiles.X</c>).
/// </summary>
internal static class GeneratorSettings
{
    /// <summary>Whether an AdditionalFile is a seed (metadata <c>CorpusSdkSeed="true"</c>).</summary>
    public static bool IsSeed(Func<string, string?> option) =>
        string.Equals(option("build_metadata.AdditionalFiles.CorpusSdkSeed")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an AdditionalFile is the content hash the index build step wrote (metadata <c>CorpusSdkIndexHash="true"</c>).</summary>
    public static bool IsIndexHash(Func<string, string?> option) =>
        string.Equals(option("build_metadata.AdditionalFiles.CorpusSdkIndexHash")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Namespace, class name and text storage; an invalid value falls back to the default with a diagnostic.</summary>
    public static CorpusSettings Read(Func<string, string?> option)
    {
        var diagnostics = ImmutableArray.CreateBuilder<SeedDiagnostic>();
        string ns = Property(option, "CorpusSdkNamespace") ?? Property(option, "RootNamespace") ?? CorpusSettings.DefaultNamespace;
        if (!CSharpEscaper.IsNamespace(ns))
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidSetting, SeedLocation.File(string.Empty), "CorpusSdkNamespace", ns, CorpusSettings.DefaultNamespace, "a valid C# name"));
            ns = CorpusSettings.DefaultNamespace;
        }

        string className = Property(option, "CorpusSdkClassName") ?? CorpusSettings.DefaultClassName;
        if (!CSharpEscaper.IsIdentifier(className))
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidSetting, SeedLocation.File(string.Empty), "CorpusSdkClassName", className, CorpusSettings.DefaultClassName, "a valid C# name"));
            className = CorpusSettings.DefaultClassName;
        }

        string? storageValue = Property(option, "CorpusSdkTextStorage");
        TextStorage? storage = StorageDecision.Parse(storageValue);
        if (storage is null)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidTextStorage, SeedLocation.File(string.Empty), storageValue ?? string.Empty));
        }

        string? pairsValue = Property(option, "CorpusSdkPairMinArticles");
        int pairs = Search.CorpusIndexBuilder.DefaultPairMinArticles;
        if (pairsValue is not null && !TryParsePairMinArticles(pairsValue, out pairs))
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidSetting, SeedLocation.File(string.Empty), "CorpusSdkPairMinArticles", pairsValue, Search.CorpusIndexBuilder.DefaultPairMinArticles.ToString(System.Globalization.CultureInfo.InvariantCulture), "a whole number of articles (0: no pair index)"));
            pairs = Search.CorpusIndexBuilder.DefaultPairMinArticles;
        }

        string? modesValue = Property(option, "CorpusSdkSearchModes");
        int modes = Search.CorpusIndex.AllModes;
        if (modesValue is not null && !TryParseSearchModes(modesValue, out modes))
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidSetting, SeedLocation.File(string.Empty), "CorpusSdkSearchModes", modesValue, "All", "modes separated by ';' or ',' among Default, Exact, Normalized, LuceneCompatible, or All"));
            modes = Search.CorpusIndex.AllModes;
        }

        return new CorpusSettings(ns, className, storage ?? TextStorage.Auto, diagnostics.ToImmutable().ToEquatableArray())
        {
            IndexResource = Property(option, "CorpusSdkIndexResource") ?? string.Empty,
            PairMinArticles = pairs,
            SearchModes = modes,
        };
    }

    /// <summary>
    /// A list of search modes (<c>Default;LuceneCompatible</c>; names as <c>CorpusSdk.SearchMode</c>'s, any case, separated by
    /// ';', ',' or spaces; <c>All</c>: every mode), as <see cref="Search.CorpusIndex.ModeMask"/> with the modes they need.
    /// False when a name is unknown or none is given.
    /// </summary>
    public static bool TryParseSearchModes(string value, out int modes)
    {
        modes = 0;
        foreach (string name in value.Split([';', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            int mode = name.ToUpperInvariant() switch
            {
                "ALL" => Search.CorpusIndex.AllModes,
                "DEFAULT" => 1 << (int)Search.IndexMode.Default,
                "EXACT" => 1 << (int)Search.IndexMode.Exact,
                "NORMALIZED" => 1 << (int)Search.IndexMode.Normalized,
                "LUCENECOMPATIBLE" => 1 << (int)Search.IndexMode.LuceneCompatible,
                _ => 0,
            };
            if (mode == 0)
            {
                modes = 0;
                return false;
            }

            modes |= mode;
        }

        if (modes == 0)
        {
            return false;
        }

        modes = Search.CorpusIndexBuilder.WithRequiredModes(modes);
        return true;
    }

    /// <summary>A pair threshold: a whole number from 0 (no pair index) to 1,000,000,000.</summary>
    public static bool TryParsePairMinArticles(string value, out int pairs) =>
        int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pairs) && pairs <= 1_000_000_000;

    private static string? Property(Func<string, string?> option, string name) =>
        option("build_property." + name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
