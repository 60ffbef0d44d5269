using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Corpus;

/// <summary>
/// Corpus-wide decisions: which seeds get a member (first in ID order wins a name; the others are
/// reported), the order of <c>Corpus.Articles</c>, and the content hash.
/// </summary>
internal static class CorpusPlanner
{
    /// <summary>Names the corpus class already uses; a seed may not take them.</summary>
    private static readonly string[] ReservedMembers = ["Articles", "ContentHash", "Search", "SearchEngine", "Count", "TryWriteSnippet", "Version", "Instance"];

    /// <summary>The accepted entries in ID order and a diagnostic for every seed that lost its name.</summary>
    public static (List<CorpusEntry> Accepted, List<SeedDiagnostic> Diagnostics) Plan(IEnumerable<CorpusEntry> entries, string className)
    {
        var sorted = new List<CorpusEntry>(entries);
        sorted.Sort((a, b) =>
        {
            int order = string.CompareOrdinal(a.Id, b.Id);
            return order != 0 ? order : string.CompareOrdinal(a.Path, b.Path);
        });

        var accepted = new List<CorpusEntry>();
        var diagnostics = new List<SeedDiagnostic>();
        var byMember = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        var byId = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        foreach (CorpusEntry entry in sorted)
        {
            string plain = entry.MemberName.TrimStart('@');
            if (plain == className || plain.StartsWith("__", StringComparison.Ordinal) || Array.IndexOf(ReservedMembers, plain) >= 0)
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.ReservedIdentifier, SeedLocation.File(entry.Path), entry.Id, entry.MemberName, className));
                continue;
            }

            if (byId.TryGetValue(entry.Id, out CorpusEntry sameId))
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.DuplicateIdentifier, SeedLocation.File(entry.Path), entry.Path, sameId.Path, entry.Id));
                continue;
            }

            if (byMember.TryGetValue(plain, out CorpusEntry sameMember))
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.DuplicateIdentifier, SeedLocation.File(entry.Path), entry.Path, sameMember.Path, entry.MemberName));
                continue;
            }

            byId.Add(entry.Id, entry);
            byMember.Add(plain, entry);
            accepted.Add(entry);
        }

        return (accepted, diagnostics);
    }

    /// <summary>SHA-256 over "ID TAB content-SHA LF" for each accepted seed in order, lower-case hex.</summary>
    public static string ContentHash(IReadOnlyList<CorpusEntry> accepted)
    {
        var builder = new StringBuilder();
        foreach (CorpusEntry entry in accepted)
        {
            builder.Append(entry.Id).Append('\t').Append(entry.ContentSha256).Append('\n');
        }

        return Sha256Hex(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    /// <summary>SHA-256 of a seed's text with the BOM removed and CRLF/CR turned into LF.</summary>
    public static string SeedSha256(string text)
    {
        var builder = new StringBuilder(text.Length);
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return Sha256Hex(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(bytes);
        var hex = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
