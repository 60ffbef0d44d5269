namespace CorpusSdk.Cli.Export;

/// <summary>Identification written into every export.</summary>
internal static class ExportInfo
{
    /// <summary>The name of the JSON export format (<c>format</c> field).</summary>
    public const string FormatName = "corpussdk-export";

    /// <summary>The version of the JSON export format; bumped on any incompatible change.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// The version of the tool that wrote the export: the CLI's informational version (from
    /// version.json), until the runtime exposes its own.
    /// </summary>
    public const string Version = ThisAssembly.AssemblyInformationalVersion;
}
