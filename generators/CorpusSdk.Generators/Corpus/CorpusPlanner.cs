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

    /// <summary>
    /// Every candidate (a seed that parsed into an article) in ID order, accepted or not, and a
    /// diagnostic for every seed that lost its name. Content hashes are not part of the plan, so an
    /// edit that keeps a seed's name leaves the plan equal.
    /// </summary>
    public static CorpusPlan Plan(IEnumerable<CorpusEntry> candidates, string className)
    {
        var sorted = new List<CorpusEntry>(candidates);
        sorted.Sort((a, b) => CorpusPlan.Compare(a.Id, a.Path, b.Id, b.Path));

        var seeds = new List<PlannedSeed>(sorted.Count);
        var diagnostics = new List<SeedDiagnostic>();
        var byMember = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        var byId = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        foreach (CorpusEntry entry in sorted)
        {
            seeds.Add(new PlannedSeed(entry.Id, entry.MemberName, entry.Path, Accept(entry)));
        }

        return new CorpusPlan(seeds.ToEquatableArray(), diagnostics.ToEquatableArray());

        bool Accept(CorpusEntry entry)
        {
            string plain = entry.MemberName.TrimStart('@');
            if (plain == className || plain.StartsWith("__", StringComparison.Ordinal) || Array.IndexOf(ReservedMembers, plain) >= 0)
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.ReservedIdentifier, SeedLocation.File(entry.Path), entry.Id, entry.MemberName, className));
                return false;
            }

            if (byId.TryGetValue(entry.Id, out CorpusEntry sameId))
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.DuplicateIdentifier, SeedLocation.File(entry.Path), entry.Path, sameId.Path, entry.Id));
                return false;
            }

            if (byMember.TryGetValue(plain, out CorpusEntry sameMember))
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.DuplicateIdentifier, SeedLocation.File(entry.Path), entry.Path, sameMember.Path, entry.MemberName));
                return false;
            }

            byId.Add(entry.Id, entry);
            byMember.Add(plain, entry);
            return true;
        }
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
