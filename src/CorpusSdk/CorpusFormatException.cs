using System;
using System.Globalization;

namespace CorpusSdk;

/// <summary>
/// Thrown on the first use of a compiled corpus (its search index or a UTF-8 article) whose data was written in
/// another corpus format than this runtime reads: the corpus and the runtime come from CorpusSdk releases with
/// different formats. The data is never read. See docs/versioning.md ("Which runtime reads which corpus").
/// </summary>
public sealed class CorpusFormatException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CorpusFormatException()
        : base("The compiled corpus was written in another corpus format than this CorpusSdk runtime reads.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CorpusFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal CorpusFormatException(string what, int dataVersion, int runtimeVersion)
        : base(Describe(what, dataVersion, runtimeVersion))
    {
        DataVersion = dataVersion;
        RuntimeVersion = runtimeVersion;
    }

    /// <summary>The format the corpus was compiled in (0 when not known).</summary>
    public int DataVersion { get; }

    /// <summary>The format this runtime reads (0 when not known).</summary>
    public int RuntimeVersion { get; }

    private static string Describe(string what, int data, int runtime)
    {
        string fix = data > runtime
            ? "Update the CorpusSdk package to the release that compiled this corpus (or a later one that reads format " + Int(data) + "), or rebuild the corpus with this CorpusSdk."
            : "Rebuild the corpus with this CorpusSdk (for the CorpusSdk.Seeds package: update it to the release built with this CorpusSdk), or use the CorpusSdk package release that compiled it.";
        return what + " was compiled with CorpusSdk corpus format " + Int(data) + "; this CorpusSdk runtime (" + CorpusSdkInfo.Version +
            ") reads format " + Int(runtime) + " only. " + fix + " See https://github.com/corpussdk/corpussdk/blob/main/docs/versioning.md#the-corpus-format.";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
