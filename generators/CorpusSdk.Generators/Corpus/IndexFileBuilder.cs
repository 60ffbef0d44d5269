using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Corpus;

/// <summary>
/// The index build step (<c>CorpusSdkIndexStorage=Resource</c>): reads the seeds as the compiler does, plans the corpus as the
/// generator does (<see cref="CorpusPlanner"/>), indexes the accepted articles in the plan's order and writes the index file
/// (<see cref="IndexFile"/>) that the package's MSBuild step embeds as a resource. Plain .NET: run by the
/// <c>CorpusSdk.IndexBuilder</c> tool outside the compiler, and by tests in process.
/// </summary>
internal static class IndexFileBuilder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The index file of the given seeds and its content hash (the corpus's <c>ContentHash</c>).</summary>
    /// <param name="seeds">Each seed's path and bytes.</param>
    /// <param name="className">The corpus class name (reserved member names depend on it).</param>
    public static (byte[] File, string ContentHash, int ArticleCount) Build(IEnumerable<(string Path, byte[] Bytes)> seeds, string className)
    {
        var results = new Dictionary<string, SeedResult>(StringComparer.Ordinal);
        var candidates = new List<CorpusEntry>();
        foreach (var (path, bytes) in seeds)
        {
            var (text, encodingName) = Decode(bytes);
            SeedResult seed = SeedReader.Read(path, text, encodingName, CancellationToken.None);
            if (seed.Article is not null && !results.ContainsKey(path))
            {
                results.Add(path, seed);
                candidates.Add(new CorpusEntry(seed.Id, seed.MemberName, seed.ContentSha256, seed.Path));
            }
        }

        CorpusPlan plan = CorpusPlanner.Plan(candidates, className);
        var accepted = new List<CorpusEntry>();
        var articles = new List<ArticleIndexSpec>();
        foreach (PlannedSeed planned in plan.Accepted)
        {
            SeedResult seed = results[planned.Path];
            accepted.Add(new CorpusEntry(seed.Id, seed.MemberName, seed.ContentSha256, seed.Path));
            articles.Add(ArticleIndexer.Index(seed.Article!, seed.Path));
        }

        string contentHash = CorpusPlanner.ContentHash(accepted);
        CorpusIndex index = CorpusIndexBuilder.Build(articles);
        var sections = new List<(string Name, int Mode, byte[] Bytes)>();
        foreach (IndexSectionData section in IndexEmitter.Sections(index))
        {
            sections.Add((section.Section, section.Mode is { } mode ? IndexEmitter.ModeNumber(mode) : -1, Encoding.UTF8.GetBytes(section.Text ?? section.Packed!)));
        }

        return (IndexFile.Write(CorpusFormat.Version, articles.Count, contentHash, sections), contentHash, articles.Count);
    }

    /// <summary>
    /// Decodes a seed as the compiler decodes an AdditionalFile: a UTF-8 or UTF-16 byte order mark decides; without one,
    /// strict UTF-8, and bytes that are not UTF-8 fall back to a legacy code page (which <see cref="SeedReader"/> refuses).
    /// </summary>
    public static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (StrictUtf8.GetString(bytes, 3, bytes.Length - 3), "utf-8");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), Encoding.Unicode.WebName);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), Encoding.BigEndianUnicode.WebName);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding("iso-8859-1").GetString(bytes), "iso-8859-1");
        }
    }
}
