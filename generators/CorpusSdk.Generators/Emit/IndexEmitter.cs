using System.Collections.Generic;
using System.Text;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Emit;

/// <summary>Writes the search entry points and the compiled index of the corpus class.</summary>
internal static class IndexEmitter
{
    private static readonly string[] ModeNames = ["Default", "Exact", "Normalized", "LuceneCompatible"];

    /// <summary>A mode's number (<c>CorpusSdk.SearchMode</c>'s value) from its name in <see cref="IndexSectionData.Mode"/>.</summary>
    public static int ModeNumber(string mode) => System.Array.IndexOf(ModeNames, mode);

    /// <summary>
    /// Data over this many UTF-8 bytes is not one literal but parts of at most this size, each in its own
    /// property, joined into an array on first use. The compiler's memory for a <c>"…"u8</c> literal grows
    /// with the literal (about 1.6 GB for 10 MB), so parts keep a 10,000-article index compilable; but joining
    /// costs the first query about 8 ms per MB (measured: 180 ms at 1,000 articles with 1 MiB parts, against
    /// 0 ms when no section is joined). 16 MiB keeps every section of a 1,000-article corpus (at most 5 MB) a
    /// single zero-copy literal. See docs/benchmarks.md ("Ranked search").
    /// </summary>
    public const int DefaultPartBytes = 16 << 20;

    public static string Emit(CorpusIndex index, IReadOnlyList<string> articleMembers, string ns, string className, string generatorVersion, int partBytes = DefaultPartBytes)
    {
        var large = new List<(string Name, List<(string Literal, int Bytes)> Parts)>();
        var w = new SourceWriter();
        WriteEntryPoints(w, ns, className, generatorVersion);
        w.OpenBlock("private sealed class __IndexData : global::CorpusSdk.CorpusIndexData");
        w.WriteLine("public override int FormatVersion => " + ArticleEmitter.Int(CorpusFormat.Version) + ";");
        w.WriteLine();
        WriteArticles(w, articleMembers, className);
        w.OpenBlock("public override global::System.ReadOnlySpan<byte> GetSection(global::CorpusSdk.IndexSection section, global::CorpusSdk.SearchMode mode) => (section, mode) switch");
        // Each literal is its own property: the compiler holds a u8 literal's cost (about 170 bytes per byte) while it
        // compiles the method that has it, so one method with every section cost 8 GiB at 1,000 articles.
        var literals = new List<(string Name, string Literal)>();
        foreach (IndexSectionData section in Sections(index))
        {
            string value = section.Text is { } text ? Data(large, section.Name, text, partBytes, escape: true) : Data(large, section.Name, section.Packed!, partBytes, escape: true);
            if (!value.EndsWith(".Value", System.StringComparison.Ordinal))
            {
                literals.Add(("__" + section.Name, value));
                value = "__" + section.Name;
            }

            w.WriteLine("(global::CorpusSdk.IndexSection." + section.Section + ", " + (section.Mode is { } mode ? "global::CorpusSdk.SearchMode." + mode : "_") + ") => " + value + ",");
        }

        w.WriteLine("_ => default,");
        w.CloseBlock("};");
        foreach (var (name, literal) in literals)
        {
            w.WriteLine();
            w.WriteLine("private static global::System.ReadOnlySpan<byte> " + name + " => " + literal + ";");
        }

        foreach (var (name, parts) in large)
        {
            WriteParts(w, name, parts);
        }

        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    /// <summary>
    /// The search entry points over an index that the build step wrote into the manifest resource <paramref name="resourceName"/>
    /// (<c>CorpusSdkIndexStorage=Resource</c>): the generator emits no index data, only the articles the index refers to.
    /// </summary>
    public static string EmitResource(IReadOnlyList<string> articleMembers, string ns, string className, string generatorVersion, string resourceName)
    {
        var w = new SourceWriter();
        WriteEntryPoints(w, ns, className, generatorVersion);
        w.OpenBlock("private sealed class __IndexData : global::CorpusSdk.ResourceIndexData");
        w.WriteLine("public __IndexData()");
        w.WriteLine("    : base(typeof(__IndexData).Assembly, " + CSharpEscaper.StringLiteral(resourceName) + ", ContentHash)");
        w.OpenBlock();
        w.CloseBlock();
        w.WriteLine();
        WriteArticles(w, articleMembers, className);
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static void WriteEntryPoints(SourceWriter w, string ns, string className, string generatorVersion)
    {
        Header.Write(w, "the seed files (search index)");
        w.OpenBlock("namespace " + ns);
        w.OpenBlock("partial class " + className);

        w.WriteLine("/// <summary>");
        w.WriteLine("/// This corpus as a value (articles, content hash, format version, search engine): for code that does not know");
        w.WriteLine("/// this class, and for searching several corpora as one (<see cref=\"global::CorpusSdk.MultiCorpusSearch\"/>).");
        w.WriteLine("/// </summary>");
        w.WriteLine("public static global::CorpusSdk.CompiledCorpus Instance => __Search.Value;");
        w.WriteLine();
        w.WriteLine("/// <summary>The search engine over this corpus: its index was built at compile time.</summary>");
        w.WriteLine("public static global::CorpusSdk.CorpusSearch SearchEngine => __Search.Engine;");
        w.WriteLine();
        w.WriteLine("/// <summary>Ranks the articles that match <paramref name=\"query\"/> (default options: the 10 best articles); dispose the results.</summary>");
        w.WriteLine("/// <param name=\"query\">Words that must all occur; <c>\"…\"</c> for a phrase, <c>word*</c> for a prefix, <c>OR</c>, <c>-word</c>, parentheses.</param>");
        w.WriteLine("public static global::CorpusSdk.SearchResults Search(string query) => __Search.Engine.Search(query);");
        w.WriteLine();
        w.WriteLine("/// <summary>Searches with <paramref name=\"options\"/> (unit, sort, filters, paging, facets, ranking); dispose the results.</summary>");
        w.WriteLine("/// <param name=\"query\">Words that must all occur; <c>\"…\"</c> for a phrase, <c>word*</c> for a prefix, <c>OR</c>, <c>-word</c>, parentheses.</param>");
        w.WriteLine("/// <param name=\"options\">The options.</param>");
        w.WriteLine("public static global::CorpusSdk.SearchResults Search(global::System.ReadOnlySpan<char> query, in global::CorpusSdk.SearchOptions options) => __Search.Engine.Search(query, options);");
        w.WriteLine();
        w.WriteLine("/// <summary>Counts the articles that match <paramref name=\"query\"/> (default mode), without ranking them.</summary>");
        w.WriteLine("/// <param name=\"query\">The query.</param>");
        w.WriteLine("public static int Count(string query) => __Search.Engine.Count(query);");
        w.WriteLine();
        w.WriteLine("/// <summary>Counts the articles or parts that match <paramref name=\"query\"/> (after the filters), without ranking them.</summary>");
        w.WriteLine("/// <param name=\"query\">The query.</param>");
        w.WriteLine("/// <param name=\"options\">The mode, unit and filters.</param>");
        w.WriteLine("public static int Count(global::System.ReadOnlySpan<char> query, in global::CorpusSdk.SearchOptions options) => __Search.Engine.Count(query, options);");
        w.WriteLine();
        w.WriteLine("/// <summary>Writes a keyword-in-context snippet of a highlight into <paramref name=\"destination\"/>.</summary>");
        w.WriteLine("/// <param name=\"hit\">A highlight of this corpus.</param>");
        w.WriteLine("/// <param name=\"destination\">Where to write.</param>");
        w.WriteLine("/// <param name=\"written\">How many characters were written.</param>");
        w.WriteLine("/// <returns>False when <paramref name=\"destination\"/> is too small.</returns>");
        w.WriteLine("public static bool TryWriteSnippet(in global::CorpusSdk.SearchHit hit, global::System.Span<char> destination, out int written) => __Search.Engine.TryWriteSnippet(hit, destination, out written);");
        w.WriteLine();
        w.OpenBlock("private static class __Search");
        w.WriteLine("internal static readonly global::CorpusSdk.CompiledCorpus Value = new global::CorpusSdk.CompiledCorpus(new __IndexData(), ContentHash);");
        w.WriteLine("internal static readonly global::CorpusSdk.CorpusSearch Engine = Value.SearchEngine;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(Header.GeneratedCodeAttribute(generatorVersion));
    }

    private static void WriteArticles(SourceWriter w, IReadOnlyList<string> articleMembers, string className)
    {
        w.WriteLine("public override int ArticleCount => " + ArticleEmitter.Int(articleMembers.Count) + ";");
        w.WriteLine();
        w.WriteLine("public override global::CorpusSdk.ArticleCollection Articles => " + className + ".Articles;");
        w.WriteLine();
        w.OpenBlock("public override global::CorpusSdk.Article GetArticle(int index) => index switch");
        for (int i = 0; i < articleMembers.Count; i++)
        {
            w.WriteLine(ArticleEmitter.Int(i) + " => " + articleMembers[i] + ",");
        }

        w.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),");
        w.CloseBlock("};");
        w.WriteLine();
    }

    /// <summary>
    /// Whether a section takes the block layout of <see cref="IndexInts"/>: none does. The block layout halves the
    /// index (43.1 MB to 19.3 MB at 1,000 articles), but a value read at random costs a block-table lookup, and the
    /// engine reads every section at random: with blocks, phrases were 3× and part queries 2–3× slower, and with
    /// blocks in the per-term sections alone, prefixes 1.6× slower (docs/benchmarks.md, "Index layout and storage").
    /// Sections take it once the engine reads postings through a cursor that decodes a block at a time.
    /// </summary>
    public static bool BlockedByDefault(string section) => false;

    /// <summary>
    /// Every section of the index as the runtime reads it: UTF-8 text (<see cref="IndexSectionData.Text"/>) or
    /// packed integers (<see cref="IndexSectionData.Packed"/>, <see cref="IndexInts"/>). The one writer of the layout;
    /// tests use it to search an index without compiling it. <paramref name="allowBlocks"/> says which integer sections
    /// may take the block layout (<see cref="IndexInts"/>); by default <see cref="BlockedByDefault"/>.
    /// </summary>
    public static List<IndexSectionData> Sections(CorpusIndex index, System.Func<string, bool>? allowBlocks = null, bool parallel = false, bool binary = false)
    {
        // Packing is per section and independent: the build step packs on every core (the generator does not start threads).
        var packs = new List<System.Action>();
        var sections = new List<IndexSectionData>
        {
            Packed("PartArticles", null, index.PartArticles),
            Packed("PartBlocks", null, index.PartBlocks),
            Packed("PartFirstTokens", null, index.PartFirstTokens),
            Packed("PartLuceneStarts", null, index.PartLuceneStarts),
            Packed("ArticleFirstParts", null, index.ArticleFirstParts),
            Packed("ArticleAuthors", null, index.ArticleAuthors),
            Packed("ArticleDays", null, index.ArticleDays),
            new("Authors", null, string.Concat(index.Authors), null),
            Packed("AuthorOffsets", null, CorpusIndexBuilder.Utf8Offsets(index.Authors)),
            Packed("TokenStarts", null, index.TokenStarts),
            Packed("TokenLengths", null, index.TokenLengths),
        };
        for (int m = 0; m < CorpusIndex.ModeCount; m++)
        {
            if (!index.HasMode(m))
            {
                continue; // not indexed (CorpusSdkSearchModes): no section at all, which the runtime reads as "not indexed"
            }

            string mode = ModeNames[m];
            sections.Add(new("Terms", mode, string.Concat(index.Terms[m]), null));
            sections.Add(Packed("TermOffsets", mode, CorpusIndexBuilder.Utf8Offsets(index.Terms[m])));
            sections.Add(Packed("TermPostings", mode, index.TermPostings[m]));
            sections.Add(Packed("PostingParts", mode, index.PostingParts[m]));
            sections.Add(Packed("PostingEnds", mode, index.PostingEnds[m]));
            sections.Add(Packed("Positions", mode, index.Positions[m]));
            sections.Add(Packed("TermArticlePostings", mode, index.TermArticlePostings[m]));
            sections.Add(Packed("ArticleDocs", mode, index.ArticleDocs[m]));
            sections.Add(Packed("ArticleTitleFreqs", mode, index.ArticleTitleFreqs[m]));
            sections.Add(Packed("ArticleBodyFreqs", mode, index.ArticleBodyFreqs[m]));
            sections.Add(Packed("TermTitleArticles", mode, index.TermTitleArticles[m]));
            sections.Add(Packed("TermBodyArticles", mode, index.TermBodyArticles[m]));
            sections.Add(Packed("TermBlocks", mode, index.TermBlocks[m]));
            sections.Add(Packed("ArticleBlockBounds", mode, index.ArticleBlockBounds[m]));
            if (index.PairMinArticles[m] > 0)
            {
                // Only where the mode has a pair index: a runtime that finds none reads each phrase from positions.
                sections.Add(Packed("PairMinArticles", mode, [index.PairMinArticles[m]]));
                sections.Add(Packed("PairStarts", mode, index.PairStarts[m]));
                sections.Add(Packed("PairSeconds", mode, index.PairSeconds[m]));
                sections.Add(Packed("PairArticlePostings", mode, index.PairArticlePostings[m]));
            }
        }

        if (parallel)
        {
            System.Threading.Tasks.Parallel.Invoke(packs.ToArray());
        }
        else
        {
            foreach (System.Action pack in packs)
            {
                pack();
            }
        }

        return sections;

        IndexSectionData Packed(string section, string? mode, IReadOnlyList<int> values)
        {
            var data = new IndexSectionData(section, mode, null, null);
            packs.Add(() =>
            {
                bool blocks = (allowBlocks ?? BlockedByDefault)(section);
                if (binary && !blocks)
                {
                    data.Binary = IndexInts.PackBytes(values); // the index file holds any byte: raw bytes, not 6-bit digits
                }
                else
                {
                    data.Packed = IndexInts.Pack(values, blocks);
                }
            });
            return data;
        }
    }

    /// <summary>
    /// The expression for one array of the index: a <c>"…"u8</c> literal, or, over <paramref name="partBytes"/>,
    /// the joined array of a nested class that holds it in parts (<see cref="WriteParts"/>).
    /// </summary>
    private static string Data(List<(string Name, List<(string Literal, int Bytes)> Parts)> large, string name, string value, int partBytes, bool escape)
    {
        if (Encoding.UTF8.GetByteCount(value) <= partBytes)
        {
            return Literal(value, escape);
        }

        // Parts end on a character boundary (terms hold no surrogates; packed data is ASCII), so their UTF-8 joins back exactly.
        var parts = new List<(string Literal, int Bytes)>();
        int start = 0;
        while (start < value.Length)
        {
            int bytes = 0;
            int end = start;
            while (end < value.Length && bytes + Utf8Length(value[end]) <= partBytes)
            {
                bytes += Utf8Length(value[end]);
                end++;
            }

            if (end > start + 1 && end < value.Length && char.IsHighSurrogate(value[end - 1]))
            {
                end--; // never between the halves of a pair
            }
            else if (end == start || (end < value.Length && char.IsHighSurrogate(value[end - 1])))
            {
                end = System.Math.Min(value.Length, start + (char.IsHighSurrogate(value[start]) ? 2 : 1)); // at least one character a part
            }

            string part = value.Substring(start, end - start);
            parts.Add((Literal(part, escape), Encoding.UTF8.GetByteCount(part)));
            start = end;
        }

        large.Add(("__" + name, parts));
        return "__" + name + ".Value";
    }

    private static string Literal(string value, bool escape) => (escape ? CSharpEscaper.StringLiteral(value) : "\"" + value + "\"") + "u8";

    private static int Utf8Length(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;

    /// <summary>A nested class whose <c>Value</c> joins the parts once, on first use; each part is its own property.</summary>
    private static void WriteParts(SourceWriter w, string name, List<(string Literal, int Bytes)> parts)
    {
        int total = 0;
        foreach (var part in parts)
        {
            total += part.Bytes;
        }

        w.WriteLine();
        w.OpenBlock("private static class " + name);
        w.WriteLine("internal static readonly byte[] Value = Join();");
        w.WriteLine();
        w.OpenBlock("private static byte[] Join()");
        w.WriteLine("byte[] value = new byte[" + ArticleEmitter.Int(total) + "];");
        int offset = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            w.WriteLine("Part" + ArticleEmitter.Int(i) + ".CopyTo(global::System.MemoryExtensions.AsSpan(value, " + ArticleEmitter.Int(offset) + "));");
            offset += parts[i].Bytes;
        }

        w.WriteLine("return value;");
        w.CloseBlock();
        for (int i = 0; i < parts.Count; i++)
        {
            w.WriteLine();
            w.WriteLine("private static global::System.ReadOnlySpan<byte> Part" + ArticleEmitter.Int(i) + " => " + parts[i].Literal + ";");
        }

        w.CloseBlock();
    }
}

/// <summary>One section of the index: its name, its mode (null for corpus-wide sections) and its content.</summary>
internal sealed record IndexSectionData(string Section, string? Mode, string? Text, string? Packed)
{
    /// <summary>The packed integers (<see cref="IndexInts"/>), set when <see cref="IndexEmitter.Sections"/> returns.</summary>
    public string? Packed { get; set; } = Packed;

    /// <summary>The packed integers in the raw-byte layout (<see cref="IndexInts.PackBytes"/>), when the sections were laid out for the index file.</summary>
    public byte[]? Binary { get; set; }

    /// <summary>The section's bytes as the runtime reads them.</summary>
    public byte[] Bytes => Binary ?? Encoding.UTF8.GetBytes(Text ?? Packed!);

    /// <summary>A unique name for the section (used for nested classes of large data).</summary>
    public string Name => Section + Mode;
}
