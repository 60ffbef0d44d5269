namespace CorpusSdk.Generators.Model;

/// <summary>The outcome of reading one seed file: the article (when one could be built) and what was wrong.</summary>
internal sealed record SeedResult(
    string Path,
    string Id,
    string MemberName,
    string ContentSha256,
    ArticleSpec? Article,
    EquatableArray<SeedDiagnostic> Diagnostics);
