namespace CorpusSdk;

/// <summary>
/// The version of the compiled data's format: how the generator lays out an article's <c>"…"u8</c> data
/// (<see cref="ArticleLayout"/>) and the search index (its sections, their integer codec and the analysis
/// that made their terms). The generator writes it into every corpus it compiles; the runtime reads only
/// data of this version. Compiled into the runtime and linked into the generator, so both always agree.
/// </summary>
/// <remarks>
/// Any change to a byte the runtime reads bumps it: <c>tests/CorpusSdk.Generators.Tests/FormatVersionTests.cs</c>
/// pins a hash of sample data beside each version and fails until the version is bumped (docs/versioning.md,
/// "The corpus format").
/// </remarks>
internal static partial class CorpusFormat
{
    /// <summary>The format this generator writes and this runtime reads.</summary>
    public const int Version = 4;
}
