using System;
using System.Threading;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Generators.Corpus;

/// <summary>Reads one seed into a <see cref="SeedResult"/>; an unexpected exception becomes a diagnostic naming the file.</summary>
internal static class SeedReader
{
    public static SeedResult Read(string path, string? text, CancellationToken cancellationToken)
    {
        string id = SeedParser.IdOf(path);
        string member = CSharpEscaper.Identifier(id);
        if (text is null)
        {
            var unreadable = SeedDiagnostic.Create(DiagnosticIds.EmptySeed, SeedLocation.File(path), SeedParser.FileNameOf(path));
            return new SeedResult(path, id, member, string.Empty, null, new EquatableArray<SeedDiagnostic>([unreadable]));
        }

        try
        {
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
}
