namespace CorpusSdk.Generators.Model;

/// <summary>The outcome of reading one seed file: the article (when one could be built) and what was wrong.</summary>
internal sealed record SeedResult(
    string Path,
    string Id,
    string MemberName,
    string ContentSha256,
    ArticleSpec? Article,
    EquatableArray<SeedDiagnostic> Diagnostics);

/// <summary>The corpus-wide settings read from MSBuild properties.</summary>
internal sealed record CorpusSettings(string Namespace, string ClassName, TextStorage TextStorage, EquatableArray<SeedDiagnostic> Diagnostics)
{
    public const string DefaultNamespace = "CorpusSdk.Generated";
    public const string DefaultClassName = "Corpus";
}
