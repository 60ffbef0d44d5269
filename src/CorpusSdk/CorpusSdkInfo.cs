namespace CorpusSdk;

/// <summary>
/// Facts about the CorpusSdk runtime library that is loaded: its package version. Trimming- and
/// AOT-safe: the values are compile-time constants of this assembly, read without reflection.
/// </summary>
/// <remarks>
/// The identity of a compiled corpus is its generated <c>Corpus.ContentHash</c> (a SHA-256 over every
/// seed's ID and text), not a version: two builds with the same hash hold the same articles. See
/// <c>docs/versioning.md</c>.
/// </remarks>
public static class CorpusSdkInfo
{
    /// <summary>
    /// The NuGet package version of this runtime library, for example <c>0.1.7-alpha</c>; the same
    /// version as the <c>CorpusSdk.Seeds</c> package and the <c>corpus</c> tool built from the same commit.
    /// </summary>
    public static string Version => ThisAssembly.NuGetPackageVersion;

    /// <summary>
    /// The assembly's informational version: the semantic version followed by <c>+</c> and the git
    /// commit it was built from, for example <c>0.1.7-alpha+61cb0fb594</c>.
    /// </summary>
    public static string InformationalVersion => ThisAssembly.AssemblyInformationalVersion;

    /// <summary>The full ID of the git commit this library was built from (40 hexadecimal digits).</summary>
    public static string GitCommitId => ThisAssembly.GitCommitId;

    /// <summary>
    /// The corpus format this runtime reads, and its generator writes. A corpus compiled in another format
    /// throws <see cref="CorpusFormatException"/> on first use (docs/versioning.md).
    /// </summary>
    public static int CorpusFormatVersion => CorpusFormat.Version;
}
