using System.Collections.Generic;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Emit;

/// <summary>One entry of the corpus-wide file: an article's ID, member name and content hash.</summary>
internal readonly record struct CorpusEntry(string Id, string MemberName, string ContentSha256, string Path);

/// <summary>Writes the corpus class: the article list and the content hash.</summary>
internal static class CorpusEmitter
{
    public static string Emit(IReadOnlyList<CorpusEntry> entries, string contentHash, string ns, string className, string generatorVersion)
    {
        var w = new SourceWriter();
        Header.Write(w, "the seed files");
        w.OpenBlock("namespace " + ns);
        w.WriteLine("/// <summary>");
        w.WriteLine("/// The compiled corpus: " + ArticleEmitter.Int(entries.Count) + " article" + (entries.Count == 1 ? string.Empty : "s") +
            ", one typed member each, and <see cref=\"Articles\"/> in ID order.");
        w.WriteLine("/// </summary>");
        w.WriteLine(Header.GeneratedCodeAttribute(generatorVersion));
        w.OpenBlock("public static partial class " + className);
        w.WriteLine("/// <summary>");
        w.WriteLine("/// SHA-256 (lower-case hex) over the seeds in ID order: for each, the ID, a tab, the SHA-256 of its");
        w.WriteLine("/// text (UTF-8, LF line endings, no BOM) and a line feed. Changes exactly when some seed's content or name does.");
        w.WriteLine("/// </summary>");
        w.WriteLine("public const string ContentHash = " + CSharpEscaper.StringLiteral(contentHash) + ";");
        w.WriteLine();
        w.WriteLine("/// <summary>All articles, ordered by <see cref=\"global::CorpusSdk.Article.Id\"/> (ordinal).</summary>");
        w.WriteLine("public static global::CorpusSdk.ArticleCollection Articles => __Articles.Value;");
        w.WriteLine();
        w.OpenBlock("private static class __Articles");
        if (entries.Count == 0)
        {
            w.WriteLine("internal static readonly global::CorpusSdk.ArticleCollection Value = new global::CorpusSdk.ArticleCollection(global::System.Array.Empty<global::CorpusSdk.Article>());");
        }
        else
        {
            w.WriteLine("internal static readonly global::CorpusSdk.ArticleCollection Value = new global::CorpusSdk.ArticleCollection(new global::CorpusSdk.Article[]");
            w.OpenBlock();
            foreach (CorpusEntry entry in entries)
            {
                w.WriteLine(entry.MemberName + ",");
            }

            w.CloseBlock("});");
        }

        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }
}
