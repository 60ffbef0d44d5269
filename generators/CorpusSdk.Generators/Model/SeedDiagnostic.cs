namespace CorpusSdk.Generators.Model;

/// <summary>Where in a seed file a diagnostic points: offsets into the text and zero-based line/column.</summary>
internal readonly record struct SeedLocation(
    string Path,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public static SeedLocation File(string path) => new(path, 0, 0, 0, 0, 0, 0);
}

/// <summary>A diagnostic found without Roslyn: its ID (see <see cref="DiagnosticIds"/>), message arguments and location.</summary>
internal sealed record SeedDiagnostic(string Id, SeedLocation Location, EquatableArray<string> MessageArgs)
{
    public static SeedDiagnostic Create(string id, SeedLocation location, params string[] args) =>
        new(id, location, new EquatableArray<string>(args));
}
