namespace CorpusSdk.Seeds;

/// <summary>
/// Facts about this compiled corpus package. Trimming- and AOT-safe: compile-time constants of this
/// assembly, read without reflection. The corpus's content identity is <see cref="Corpus.ContentHash"/>.
/// </summary>
public static class CorpusSdkSeedsInfo
{
    /// <summary>The NuGet package version of <c>CorpusSdk.Seeds</c>, for example <c>0.1.7-alpha</c>.</summary>
    public static string Version => ThisAssembly.NuGetPackageVersion;

    /// <summary>
    /// The assembly's informational version: the semantic version followed by <c>+</c> and the git
    /// commit it was built from, for example <c>0.1.7-alpha+61cb0fb594</c>.
    /// </summary>
    public static string InformationalVersion => ThisAssembly.AssemblyInformationalVersion;

    /// <summary>
    /// The identity of the compiled articles, read from the loaded assembly: the value of
    /// <see cref="Corpus.ContentHash"/>, a SHA-256 over every seed's ID and text. Two versions with the same
    /// hash hold the same articles. (<see cref="Corpus.ContentHash"/> is a <see langword="const"/>, so code
    /// that reads it directly keeps the value it was compiled against.)
    /// </summary>
    public static string ContentHash => Corpus.ContentHash;
}
