using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Cli.Check;

/// <summary>Writes what <c>corpus check</c> found as canonical text lines, JSON or SARIF 2.1.0.</summary>
internal static class CheckReportWriter
{
    /// <summary>The SARIF version written, and its schema.</summary>
    public const string SarifVersion = "2.1.0";

    public const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Arabic stays readable; output is never HTML
    };

    /// <summary>
    /// One line per diagnostic in the compiler's canonical form, <c>path(line,col): error CSDK005: message</c>
    /// (<c>path: error …</c> when the problem is the whole file); with <paramref name="explain"/>, also
    /// the inference notes and <c>path(line): block N: kind (reason)</c> for every block.
    /// </summary>
    public static void WriteText(TextWriter output, IReadOnlyList<CheckedSeed> seeds, bool explain)
    {
        foreach (CheckedSeed seed in seeds)
        {
            var lines = new List<(int Line, int Order, string Text)>();
            foreach (CheckDiagnostic d in seed.Diagnostics)
            {
                if (d.Severity == CheckSeverity.Info && !explain)
                {
                    continue;
                }

                string where = d.HasLocation
                    ? string.Create(CultureInfo.InvariantCulture, $"{seed.Path}({d.Line},{d.Column})")
                    : seed.Path;
                lines.Add((d.HasLocation ? d.Line : 0, 1, $"{where}: {Word(d.Severity)} {d.Id}: {d.Message}"));
            }

            foreach (BlockExplanation block in seed.Blocks)
            {
                lines.Add((block.Line, 0, string.Create(CultureInfo.InvariantCulture,
                    $"{seed.Path}({block.Line}): block {block.Index}: {KindName(block.Kind)} ({block.Reason})")));
            }

            foreach (var line in lines.OrderBy(l => l.Line).ThenBy(l => l.Order))
            {
                output.WriteLine(line.Text);
            }
        }
    }

    /// <summary>
    /// <c>{"files":[{"path","diagnostics":[{id,severity,title,message,line,column,endLine,endColumn,helpUri}],
    /// "blocks":[{index,line,kind,reason,explicit}]}],"summary":{files,errors,warnings,infos}}</c>; lines and
    /// columns 1-based, end column exclusive, 0 for a problem with the whole file; blocks only with --explain.
    /// </summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<CheckedSeed> seeds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (CheckedSeed seed in seeds)
            {
                json.WriteStartObject();
                json.WriteString("path", seed.Path);
                json.WriteStartArray("diagnostics");
                foreach (CheckDiagnostic d in seed.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("id", d.Id);
                    json.WriteString("severity", Word(d.Severity));
                    json.WriteString("title", d.Title);
                    json.WriteString("message", d.Message);
                    json.WriteNumber("line", d.HasLocation ? d.Line : 0);
                    json.WriteNumber("column", d.HasLocation ? d.Column : 0);
                    json.WriteNumber("endLine", d.HasLocation ? d.EndLine : 0);
                    json.WriteNumber("endColumn", d.HasLocation ? d.EndColumn : 0);
                    json.WriteString("helpUri", d.HelpUri);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("blocks");
                foreach (BlockExplanation block in seed.Blocks)
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", block.Index);
                    json.WriteNumber("line", block.Line);
                    json.WriteString("kind", KindName(block.Kind));
                    json.WriteString("reason", block.Reason);
                    json.WriteBoolean("explicit", block.Explicit);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", seeds.Count);
            json.WriteNumber("errors", Count(seeds, CheckSeverity.Error));
            json.WriteNumber("warnings", Count(seeds, CheckSeverity.Warning));
            json.WriteNumber("infos", Count(seeds, CheckSeverity.Info));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>
    /// A SARIF 2.1.0 log with one run: the tool's rules (the whole catalogue, so <c>ruleIndex</c> is stable)
    /// and one result per diagnostic, located by a relative URI (forward slashes) and a 1-based region
    /// whose end column is exclusive, in UTF-16 code units (SARIF's default column kind).
    /// </summary>
    public static void WriteSarif(TextWriter output, IReadOnlyList<CheckedSeed> seeds)
    {
        var rules = SeedCheck.Catalogue.ToList();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SarifSchema);
            json.WriteString("version", SarifVersion);
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", CorpusCli.CommandName);
            json.WriteString("informationUri", "https://github.com/corpussdk/corpussdk/blob/main/docs/diagnostics.md");
            json.WriteString("semanticVersion", ToolVersion());
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", PascalName(rule.Title));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteStartObject("messageStrings");
                json.WriteStartObject("default");
                json.WriteString("text", rule.MessageFormat);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpLinkUri);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity switch
                {
                    Microsoft.CodeAnalysis.DiagnosticSeverity.Error => CheckSeverity.Error,
                    Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => CheckSeverity.Warning,
                    _ => CheckSeverity.Info,
                }));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("artifacts");
            foreach (CheckedSeed seed in seeds)
            {
                json.WriteStartObject();
                json.WriteStartObject("location");
                json.WriteString("uri", ArtifactUri(seed.Path));
                json.WriteEndObject();
                json.WriteString("mimeType", "text/plain");
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("results");
            for (int artifact = 0; artifact < seeds.Count; artifact++)
            {
                CheckedSeed seed = seeds[artifact];
                foreach (CheckDiagnostic d in seed.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", d.Id);
                    json.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                    json.WriteString("level", Level(d.Severity));
                    json.WriteStartObject("message");
                    json.WriteString("text", d.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", ArtifactUri(seed.Path));
                    json.WriteNumber("index", artifact);
                    json.WriteEndObject();
                    if (d.HasLocation)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", d.Line);
                        json.WriteNumber("startColumn", d.Column);
                        json.WriteNumber("endLine", d.EndLine);
                        json.WriteNumber("endColumn", d.EndColumn);
                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The word the build prints for a severity.</summary>
    public static string Word(CheckSeverity severity) => severity switch
    {
        CheckSeverity.Error => "error",
        CheckSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Lower-case kind names, as <c>corpus show</c> prints them.</summary>
    public static string KindName(BlockKindSpec kind) => kind switch
    {
        BlockKindSpec.Heading => "heading",
        BlockKindSpec.PullQuote => "pull quote",
        _ => "paragraph",
    };

    private static string Level(CheckSeverity severity) => severity switch
    {
        CheckSeverity.Error => "error",
        CheckSeverity.Warning => "warning",
        _ => "note",
    };

    private static int Count(IReadOnlyList<CheckedSeed> seeds, CheckSeverity severity) =>
        seeds.Sum(s => s.Diagnostics.Count(d => d.Severity == severity));

    /// <summary>A relative path as a relative URI reference with '/' separators; an absolute path as a file URI.</summary>
    private static string ArtifactUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new System.Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
    }

    /// <summary>"Unknown month name" → "UnknownMonthName": SARIF's rule name is an identifier-like string.</summary>
    private static string PascalName(string title)
    {
        var name = new StringBuilder(title.Length);
        foreach (string word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int start = name.Length;
            foreach (char c in word)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    name.Append(name.Length == start ? char.ToUpperInvariant(c) : c);
                }
            }
        }

        return name.ToString();
    }

    private static string ToolVersion()
    {
        string? version = typeof(CheckReportWriter).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion;
        return version is null ? "0.0.0" : version.Split('+')[0];
    }
}
