namespace CorpusSdk.Cli.Export;

/// <summary>Identification written into every export.</summary>
internal static class ExportInfo
{
    /// <summary>The name of the JSON export format (<c>format</c> field).</summary>
    public const string FormatName = "corpussdk-export";

    /// <summary>The version of the JSON export format; bumped on any incompatible change.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// The CorpusSdk version that wrote the export (<see cref="CorpusSdkInfo.Version"/>, the package
    /// version from version.json, e.g. <c>0.1.7-alpha</c>).
    /// </summary>
    public static string Version => CorpusSdkInfo.Version;
}
