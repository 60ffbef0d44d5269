using System.Collections.Generic;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Emit;

/// <summary>Writes the search entry points and the compiled index of the corpus class.</summary>
internal static class IndexEmitter
{
    private static readonly string[] ModeNames = ["Default", "Exact", "Normalized", "LuceneCompatible"];

    public static string Emit(CorpusIndex index, string ns, string className, string generatorVersion)
    {
        var w = new SourceWriter();
        Header.Write(w, "the seed files (search index)");
        w.OpenBlock("namespace " + ns);
        w.OpenBlock("partial class " + className);

        w.WriteLine("/// <summary>The search engine over this corpus: its index was built at compile time.</summary>");
        w.WriteLine("public static global::CorpusSdk.CorpusSearch SearchEngine => __Search.Engine;");
        w.WriteLine();
        w.WriteLine("/// <summary>Finds the words of <paramref name=\"query\"/> in titles and blocks (default mode); see <see cref=\"global::CorpusSdk.CorpusSearch.Search(global::System.ReadOnlySpan{char}, global::CorpusSdk.SearchOptions)\"/>.</summary>");
        w.WriteLine("/// <param name=\"query\">Words that must all occur in a part; <c>\"…\"</c> for a phrase, a trailing <c>*</c> for a prefix.</param>");
        w.WriteLine("public static global::CorpusSdk.SearchResults Search(string query) => __Search.Engine.Search(query);");
        w.WriteLine();
        w.WriteLine("/// <summary>Finds the words of <paramref name=\"query\"/> in titles and blocks.</summary>");
        w.WriteLine("/// <param name=\"query\">Words that must all occur in a part; <c>\"…\"</c> for a phrase, a trailing <c>*</c> for a prefix.</param>");
        w.WriteLine("/// <param name=\"options\">The analysis mode.</param>");
        w.WriteLine("public static global::CorpusSdk.SearchResults Search(global::System.ReadOnlySpan<char> query, global::CorpusSdk.SearchOptions options) => __Search.Engine.Search(query, options);");
        w.WriteLine();
        w.WriteLine("/// <summary>Counts the hits of <paramref name=\"query\"/> (default mode) without enumerating them.</summary>");
        w.WriteLine("/// <param name=\"query\">The query.</param>");
        w.WriteLine("public static int Count(string query) => __Search.Engine.Count(query);");
        w.WriteLine();
        w.WriteLine("/// <summary>Counts the hits of <paramref name=\"query\"/> without enumerating them.</summary>");
        w.WriteLine("/// <param name=\"query\">The query.</param>");
        w.WriteLine("/// <param name=\"options\">The analysis mode.</param>");
        w.WriteLine("public static int Count(global::System.ReadOnlySpan<char> query, global::CorpusSdk.SearchOptions options) => __Search.Engine.Count(query, options);");
        w.WriteLine();
        w.WriteLine("/// <summary>Writes a keyword-in-context snippet of a hit into <paramref name=\"destination\"/>.</summary>");
        w.WriteLine("/// <param name=\"hit\">A hit of this corpus.</param>");
        w.WriteLine("/// <param name=\"destination\">Where to write.</param>");
        w.WriteLine("/// <param name=\"written\">How many characters were written.</param>");
        w.WriteLine("/// <returns>False when <paramref name=\"destination\"/> is too small.</returns>");
        w.WriteLine("public static bool TryWriteSnippet(in global::CorpusSdk.SearchHit hit, global::System.Span<char> destination, out int written) => __Search.Engine.TryWriteSnippet(hit, destination, out written);");
        w.WriteLine();
        w.OpenBlock("private static class __Search");
        w.WriteLine("internal static readonly global::CorpusSdk.CorpusSearch Engine = new global::CorpusSdk.CorpusSearch(Articles, new __IndexData());");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(Header.GeneratedCodeAttribute(generatorVersion));
        w.OpenBlock("private sealed class __IndexData : global::CorpusSdk.CorpusIndexData");
        Property(w, "PartArticles", PackedInts.Pack(index.PartArticles));
        Property(w, "PartBlocks", PackedInts.Pack(index.PartBlocks));
        Property(w, "PartFirstTokens", PackedInts.Pack(index.PartFirstTokens));
        Property(w, "TokenStarts", PackedInts.Pack(index.TokenStarts));
        Property(w, "TokenLengths", PackedInts.Pack(index.TokenLengths));
        var terms = new List<string>();
        var termOffsets = new List<string>();
        var postingOffsets = new List<string>();
        var postings = new List<string>();
        for (int m = 0; m < CorpusIndex.ModeCount; m++)
        {
            terms.Add(CSharpEscaper.StringLiteral(string.Concat(index.Terms[m])) + "u8");
            termOffsets.Add(Packed(PackedInts.Pack(CorpusIndexBuilder.Utf8Offsets(index.Terms[m]))));
            postingOffsets.Add(Packed(PackedInts.Pack(index.PostingOffsets[m])));
            postings.Add(Packed(PackedInts.Pack(index.Postings[m])));
        }

        ModeSwitch(w, "Terms", terms);
        ModeSwitch(w, "TermOffsets", termOffsets);
        ModeSwitch(w, "PostingOffsets", postingOffsets);
        ModeSwitch(w, "Postings", postings);
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static string Packed(string packed) => "\"" + packed + "\"u8";

    private static void Property(SourceWriter w, string name, string packed) =>
        w.WriteLine("public override global::System.ReadOnlySpan<byte> " + name + " => " + Packed(packed) + ";");

    private static void ModeSwitch(SourceWriter w, string name, List<string> literals)
    {
        w.OpenBlock("public override global::System.ReadOnlySpan<byte> " + name + "(global::CorpusSdk.SearchMode mode) => mode switch");
        for (int m = 0; m < literals.Count; m++)
        {
            w.WriteLine("global::CorpusSdk.SearchMode." + ModeNames[m] + " => " + literals[m] + ",");
        }

        w.WriteLine("_ => default,");
        w.CloseBlock("};");
    }
}
