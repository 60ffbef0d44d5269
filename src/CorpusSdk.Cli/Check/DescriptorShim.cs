// The generator's one catalogue of diagnostics (generators/CorpusSdk.Generators/DiagnosticDescriptors.cs)
// is compiled into this tool as it is. It constructs Roslyn's DiagnosticDescriptor; this file gives the
// tool the two Roslyn types it names, as plain data, so 'corpus check' reports the same IDs, titles,
// messages, severities and help links as the build without loading the compiler (and stays Native AOT
// compatible). Internal to the tool; nothing else binds to these names.
namespace Microsoft.CodeAnalysis;

/// <summary>The severities the catalogue uses (Roslyn's names and order).</summary>
internal enum DiagnosticSeverity
{
    /// <summary>Not shown.</summary>
    Hidden = 0,

    /// <summary>A note.</summary>
    Info = 1,

    /// <summary>A warning.</summary>
    Warning = 2,

    /// <summary>An error.</summary>
    Error = 3,
}

/// <summary>One catalogue entry, with the constructor parameters of Roslyn's type that the catalogue uses.</summary>
internal sealed class DiagnosticDescriptor
{
    /// <summary>Creates an entry.</summary>
    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        bool isEnabledByDefault,
        string? description = null,
        string? helpLinkUri = null)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Description = description ?? string.Empty;
        HelpLinkUri = helpLinkUri ?? string.Empty;
    }

    /// <summary>The ID, e.g. CSDK005.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The message, with {0}-style placeholders.</summary>
    public string MessageFormat { get; }

    /// <summary>The category.</summary>
    public string Category { get; }

    /// <summary>The severity unless configured otherwise.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Whether it is reported by default.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>A longer description, possibly empty.</summary>
    public string Description { get; }

    /// <summary>The documentation link.</summary>
    public string HelpLinkUri { get; }
}
