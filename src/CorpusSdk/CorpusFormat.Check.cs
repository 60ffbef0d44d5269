namespace CorpusSdk;

/// <summary>The runtime's check of compiled data against <see cref="Version"/>.</summary>
internal static partial class CorpusFormat
{
    /// <summary>Throws <see cref="CorpusFormatException"/> unless <paramref name="dataVersion"/> is <see cref="Version"/>.</summary>
    /// <param name="dataVersion">The format the generator wrote.</param>
    /// <param name="what">What holds the data, for the message ("The search index", "Article 'x'").</param>
    public static void Check(int dataVersion, string what)
    {
        if (dataVersion != Version)
        {
            throw new CorpusFormatException(what, dataVersion, Version);
        }
    }
}
