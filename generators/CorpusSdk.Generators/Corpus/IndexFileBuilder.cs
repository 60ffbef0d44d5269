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
    public static (byte[] File, string ContentHash, int ArticleCount) Build(IEnumerable<(string Path, byte[] Bytes)> seeds, string className) =>
        Build(seeds, className, null);

    /// <summary>The same, reporting the time of each phase to <paramref name="phase"/> (name, milliseconds).</summary>
    /// <param name="seeds">Each seed's path and bytes.</param>
    /// <param name="className">The corpus class name.</param>
    /// <param name="phase">Receives each phase's name and time, or null.</param>
    /// <param name="pairMinArticles">The pair index's threshold (<c>CorpusSdkPairMinArticles</c>; 0: none).</param>
    /// <param name="modes">The search modes to index (<c>CorpusSdkSearchModes</c>, <see cref="CorpusIndex.ModeMask"/>).</param>
    /// <param name="pieces">Each seed's piece from an earlier run (read, parsed and analysed then), or null: every seed is read.</param>
    public static (byte[] File, string ContentHash, int ArticleCount) Build(IEnumerable<(string Path, byte[] Bytes)> seeds, string className, Action<string, double>? phase, int pairMinArticles = CorpusIndexBuilder.DefaultPairMinArticles, int modes = CorpusIndex.AllModes, IIndexPieceStore? pieces = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Per seed, independent of the others (the generator's per-seed steps): read, parse and index on every core, or
        // taken from the piece store when the seed's bytes are those it was last analysed from.
        (string Path, byte[] Bytes)[] files = [.. seeds];
        var parsed = new IndexPiece?[files.Length];
        System.Threading.Tasks.Parallel.For(0, files.Length, i =>
        {
            string key = string.Empty;
            IndexPiece? piece = pieces?.TryRead(files[i].Path, files[i].Bytes, out key);
            if (piece is null)
            {
                var (text, encodingName) = Decode(files[i].Bytes);
                SeedResult seed = SeedReader.Read(files[i].Path, text, encodingName, CancellationToken.None);
                piece = seed.Article is null ? null : new IndexPiece(seed.Id, seed.MemberName, seed.ContentSha256, ArticleIndexer.Index(seed.Article, seed.Path));
                pieces?.Write(key, files[i].Path, piece);
            }

            parsed[i] = piece;
        });
        Phase("read, parse and index articles");

        var results = new Dictionary<string, IndexPiece>(StringComparer.Ordinal);
        var candidates = new List<CorpusEntry>();
        foreach (IndexPiece? piece in parsed)
        {
            if (piece is not null && !results.ContainsKey(piece.Index.Path))
            {
                results.Add(piece.Index.Path, piece);
                candidates.Add(new CorpusEntry(piece.Id, piece.MemberName, piece.ContentSha256, piece.Index.Path));
            }
        }

        CorpusPlan plan = CorpusPlanner.Plan(candidates, className);
        var accepted = new List<CorpusEntry>();
        var articles = new List<ArticleIndexSpec>();
        foreach (PlannedSeed planned in plan.Accepted)
        {
            IndexPiece piece = results[planned.Path];
            accepted.Add(new CorpusEntry(piece.Id, piece.MemberName, piece.ContentSha256, piece.Index.Path));
            articles.Add(piece.Index);
        }

        Phase("plan");
        string contentHash = CorpusPlanner.ContentHash(accepted);
        CorpusIndex index = CorpusIndexBuilder.Build(articles, parallel: true, pairMinArticles, modes);
        Phase("merge");
        List<IndexSectionData> laidOut = IndexEmitter.Sections(index, parallel: true, binary: true);
        var sections = new List<(string Name, int Mode, byte[] Bytes)>(laidOut.Count);
        foreach (IndexSectionData section in laidOut)
        {
            sections.Add((section.Section, section.Mode is { } mode ? IndexEmitter.ModeNumber(mode) : -1, section.Bytes));
        }

        Phase("pack sections");
        byte[] file = IndexFile.Write(CorpusFormat.Version, articles.Count, contentHash, sections);
        Phase("write file");
        return (file, contentHash, articles.Count);

        void Phase(string name)
        {
            phase?.Invoke(name, watch.Elapsed.TotalMilliseconds);
            watch.Restart();
        }
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
