using System.Collections.Generic;
using System.Globalization;

namespace CorpusSdk.Generators.Model;

/// <summary>How article text is stored in the generated code (MSBuild property <c>CorpusSdkTextStorage</c>).</summary>
internal enum TextStorage
{
    /// <summary><see cref="Strings"/> while the text fits comfortably in the user-string heap, else <see cref="Utf8"/>.</summary>
    Auto,

    /// <summary>One ordinary string literal per title, author, block and link target.</summary>
    Strings,

    /// <summary>One <c>"…"u8</c> literal per article, decoded into strings on first use of the article.</summary>
    Utf8,
}

/// <summary>
/// Estimates what <see cref="TextStorage.Strings"/> would put in the assembly's user-string heap
/// (#US: every distinct string literal, UTF-16, with a length prefix and a trailing byte), whose
/// offsets must fit in 24 bits: beyond 16 MiB the compiler fails with CS8103.
/// </summary>
internal static class StringHeap
{
    /// <summary>The compiler's limit: #US offsets are 24-bit (CS8103 beyond it).</summary>
    public const long Limit = 0xFFFFFF;

    /// <summary>Auto switches to UTF-8 above this estimate, leaving 4 MiB for the rest of the assembly's literals.</summary>
    public const long AutoThreshold = 12L * 1024 * 1024;

    /// <summary>The #US bytes of the literals one article would emit in Strings mode (distinct within the article).</summary>
    public static long Estimate(ArticleSpec article)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        long total = 0;
        Add(article.Id);
        Add(article.Title);
        Add(article.Author);
        foreach (BlockSpec block in article.Blocks)
        {
            Add(block.Text);
        }

        foreach (LinkSpec link in article.Links)
        {
            Add(link.Target);
        }

        return total;

        void Add(string value)
        {
            if (seen.Add(value))
            {
                total += EntrySize(value);
            }
        }
    }

    /// <summary>One #US entry: compressed length prefix, two bytes per UTF-16 unit, one trailing byte.</summary>
    public static long EntrySize(string value)
    {
        long blob = (2L * value.Length) + 1;
        long prefix = blob < 0x80 ? 1 : blob < 0x4000 ? 2 : 4;
        return prefix + blob;
    }

    /// <summary>Bytes as MiB with one decimal, invariant culture.</summary>
    public static string MiB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>The storage chosen for the whole corpus, and what to tell the user about it.</summary>
internal sealed record StorageDecision(bool Utf8, EquatableArray<SeedDiagnostic> Diagnostics)
{
    /// <summary>
    /// Auto: UTF-8 above <see cref="StringHeap.AutoThreshold"/> (with an info note). Strings: kept
    /// unless the estimate exceeds <see cref="StringHeap.Limit"/>, which is an error (and the code is
    /// emitted as UTF-8 so the compiler does not add CS8103). Utf8: always.
    /// </summary>
    public static StorageDecision Decide(TextStorage requested, IEnumerable<long> estimates)
    {
        long total = 0;
        foreach (long estimate in estimates)
        {
            total += estimate;
        }

        switch (requested)
        {
            case TextStorage.Utf8:
                return new StorageDecision(true, EquatableArray<SeedDiagnostic>.Empty);
            case TextStorage.Strings when total > StringHeap.Limit:
                return new StorageDecision(true, One(DiagnosticIds.TextTooLargeForStrings, StringHeap.MiB(total)));
            case TextStorage.Strings:
                return new StorageDecision(false, EquatableArray<SeedDiagnostic>.Empty);
            default:
                return total > StringHeap.AutoThreshold
                    ? new StorageDecision(true, One(DiagnosticIds.Utf8StorageChosen, StringHeap.MiB(total), StringHeap.MiB(StringHeap.AutoThreshold)))
                    : new StorageDecision(false, EquatableArray<SeedDiagnostic>.Empty);
        }
    }

    /// <summary>Reads the property value; null when it is not one of the names (case-insensitive).</summary>
    public static TextStorage? Parse(string? value)
    {
        if (value is null)
        {
            return TextStorage.Auto;
        }

        foreach (TextStorage storage in new[] { TextStorage.Auto, TextStorage.Strings, TextStorage.Utf8 })
        {
            if (string.Equals(value, storage.ToString(), System.StringComparison.OrdinalIgnoreCase))
            {
                return storage;
            }
        }

        return null;
    }

    private static EquatableArray<SeedDiagnostic> One(string id, params string[] args) =>
        new(new[] { SeedDiagnostic.Create(id, SeedLocation.File(string.Empty), args) });
}
