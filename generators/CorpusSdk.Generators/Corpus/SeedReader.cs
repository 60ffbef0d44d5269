using System;
using System.Threading;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Generators.Corpus;

/// <summary>Reads one seed into a <see cref="SeedResult"/>; an unexpected exception becomes a diagnostic naming the file.</summary>
internal static class SeedReader
{
    /// <summary>Test seam: called before parsing each seed, so tests can prove exceptions are contained.</summary>
    internal static Action<string>? BeforeParse { get; set; }

    /// <summary>Reads one seed.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="text">The decoded text, or null when the file could not be read.</param>
    /// <param name="encodingName">The web name of the encoding the compiler decoded it with, when known.</param>
    /// <param name="cancellationToken">Cancels between phases.</param>
    public static SeedResult Read(string path, string? text, string? encodingName, CancellationToken cancellationToken)
    {
        string id = SeedParser.IdOf(path);
        string member = CSharpEscaper.Identifier(id);
        if (text is null)
        {
            var unreadable = SeedDiagnostic.Create(DiagnosticIds.EmptySeed, SeedLocation.File(path), SeedParser.FileNameOf(path));
            return new SeedResult(path, id, member, string.Empty, null, new EquatableArray<SeedDiagnostic>([unreadable]));
        }

        if (encodingName is not null && !IsUnicode(encodingName))
        {
            // A compiler that falls back to a legacy code page hands us mojibake: refuse it.
            var legacy = SeedDiagnostic.Create(DiagnosticIds.InvalidCharacter, SeedLocation.File(path), encodingName, "an encoding that is not UTF-8 (the file is not valid UTF-8)");
            return new SeedResult(path, id, member, string.Empty, null, new EquatableArray<SeedDiagnostic>([legacy]));
        }

        try
        {
            BeforeParse?.Invoke(path);
            var (article, diagnostics) = SeedParser.Parse(path, text, cancellationToken);
            string sha = CorpusPlanner.SeedSha256(text);
            return new SeedResult(path, id, member, sha, article, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var internalError = SeedDiagnostic.Create(
                DiagnosticIds.InternalError,
                SeedLocation.File(path),
                SeedParser.FileNameOf(path),
                exception.GetType().Name + ": " + exception.Message);
            return new SeedResult(path, id, member, string.Empty, null, new EquatableArray<SeedDiagnostic>([internalError]));
        }
    }

    private static bool IsUnicode(string encodingName) =>
        encodingName.StartsWith("utf-", StringComparison.OrdinalIgnoreCase) || encodingName.Equals("unicodeFFFE", StringComparison.OrdinalIgnoreCase);
}
