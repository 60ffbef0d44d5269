using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CorpusSdk.Generators;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Cli.Check;

/// <summary>How bad a finding is, as the build reports it.</summary>
internal enum CheckSeverity
{
    /// <summary>An inference note (CSDK1xx).</summary>
    Info,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>An error: the build fails.</summary>
    Error,
}

/// <summary>One diagnostic of one seed, located with 1-based lines and columns (end column exclusive).</summary>
internal sealed record CheckDiagnostic(
    string Id,
    CheckSeverity Severity,
    string Title,
    string Message,
    string HelpUri,
    bool HasLocation,
    int Line,
    int Column,
    int EndLine,
    int EndColumn);

/// <summary>What checking one seed file found.</summary>
internal sealed record CheckedSeed(string Path, IReadOnlyList<CheckDiagnostic> Diagnostics, IReadOnlyList<BlockExplanation> Blocks);

/// <summary>
/// Checks seed files with the generator's own parser and diagnostic catalogue (their sources are
/// compiled into this tool), without a project or a compiler.
/// </summary>
internal static class SeedCheck
{
    /// <summary>The catalogue entry of <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Descriptor(string id) => DiagnosticDescriptors.Get(id);

    /// <summary>Every catalogue entry, ordered by ID.</summary>
    public static IEnumerable<DiagnosticDescriptor> Catalogue => DiagnosticDescriptors.All.OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>Reads and checks the file at <paramref name="path"/>; <paramref name="path"/> is also how diagnostics name it.</summary>
    public static CheckedSeed CheckFile(string path, bool explain, bool warningsAsErrors)
    {
        string? text;
        try
        {
            text = Decode(File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            text = null;
        }

        return CheckText(path, text, explain, warningsAsErrors);
    }

    /// <summary>Checks seed text that was read from <paramref name="path"/> (null: it could not be read).</summary>
    public static CheckedSeed CheckText(string path, string? text, bool explain, bool warningsAsErrors)
    {
        var explanations = explain ? new List<BlockExplanation>() : null;
        List<SeedDiagnostic> found;
        if (text is null)
        {
            found = [SeedDiagnostic.Create(DiagnosticIds.EmptySeed, SeedLocation.File(path), SeedParser.FileNameOf(path))];
        }
        else
        {
            try
            {
                found = SeedParser.Parse(path, text, explanations).Diagnostics;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // As in the generator: a parser bug is a diagnostic naming the file, never a crash.
                found = [SeedDiagnostic.Create(DiagnosticIds.InternalError, SeedLocation.File(path), SeedParser.FileNameOf(path), exception.GetType().Name + ": " + exception.Message)];
            }
        }

        var diagnostics = found
            .Select(d => Convert(d, warningsAsErrors))
            .OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new CheckedSeed(path, diagnostics, (IReadOnlyList<BlockExplanation>?)explanations ?? []);
    }

    /// <summary>
    /// Decodes a seed as the compiler does: a UTF-8 or UTF-16 byte order mark selects the encoding (and is
    /// dropped); anything else is UTF-8, where invalid bytes become U+FFFD, which the parser reports (CSDK011).
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// The seed files named by <paramref name="paths"/>: a file as given, a directory's <c>*.txt</c> files
    /// (recursively, ordinal order). Paths that do not exist are returned in <paramref name="missing"/>.
    /// </summary>
    public static List<string> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var inside = Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).ToList();
                inside.Sort(StringComparer.Ordinal);
                files.AddRange(inside);
            }
            else
            {
                missing.Add(path);
            }
        }

        return files;
    }

    private static CheckDiagnostic Convert(SeedDiagnostic diagnostic, bool warningsAsErrors)
    {
        DiagnosticDescriptor descriptor = Descriptor(diagnostic.Id);
        CheckSeverity severity = descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => CheckSeverity.Error,
            DiagnosticSeverity.Warning => warningsAsErrors ? CheckSeverity.Error : CheckSeverity.Warning,
            _ => CheckSeverity.Info,
        };
        string message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, diagnostic.MessageArgs.Cast<object>().ToArray());
        SeedLocation at = diagnostic.Location;
        bool located = at != SeedLocation.File(at.Path);
        return new CheckDiagnostic(
            diagnostic.Id,
            severity,
            descriptor.Title,
            message,
            descriptor.HelpLinkUri,
            located,
            at.StartLine + 1,
            at.StartColumn + 1,
            at.EndLine + 1,
            at.EndColumn + 1);
    }
}
