using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Random seeds built from text that is hostile to C# (quotes, backslashes, braces, comment and
/// directive starts, every kind of line break, bidi controls, surrogates, Arabic with diacritics):
/// the generator never throws, its output compiles, and the text read back at run time equals the
/// parser's model exactly. Most cases reach emission and read-back; the few that carry a character the
/// parser refuses (NUL, other controls, lone surrogates) are checked for a located error instead.
/// </summary>
public sealed class InjectionPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public const int Cases = 1000;

    private static readonly string[] Pieces =
    [
        "\"", "\\", "{", "}", "{{", "}}", "/", "*", "/*", "*/", "//", "///", "#", "#if X", "#endregion", "@", "$", "u8", "\"\"\"",
        "\\u0022", "\\n", "'", "`", "<", ">", "&", "&amp;", "<script>", "</summary>", "]]>", "[", "]", "(", ")", "[a](b)", "[](x)", "[t](",
        "“", "”", "«", "»", "،", "؟", ".", ":", ";", ",", "|", " ", "  ", "\t",
        "\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n",
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200E", "\u200F", "\u061C", "\u200D", "\u200C", "\uFEFF", "\u00A0",
        "\uD83D\uDE00",
        "كيري", "قائلاً", "تدخلًا", "إيران", "أمريكا", "الولايات", "ـــ", "ة", "ى", "آ", "ٱ", "ٰ", "١٢٣", "۴۵", "2016",
        "class", "return", "namespace", "global::", "#pragma warning disable",
    ];

    /// <summary>Characters that make the parser refuse the whole seed (CSDK011): one of them goes into about one case in eight.</summary>
    private static readonly string[] RejectedPieces = ["\0", "\u0007", "\u007F", "\uD800", "\uDC00"];

    private static readonly Gen<string> Fragment = Gen.OneOf(Pieces).Array[1, 12].Select(parts => string.Concat(parts));

    private static readonly Gen<string?> Rejected = Gen.Int[0, 7].SelectMany(roll => roll == 0 ? Gen.OneOf(RejectedPieces).Select(p => (string?)p) : Gen.Const((string?)null));

    private static readonly Gen<string> Newline = Gen.OneOf("\n", "\r\n", "\r");

    /// <summary>A seed: title, byline (valid, so most cases reach emission), 1–5 blocks, random line endings.</summary>
    private static readonly Gen<RandomSeed> Seeds =
        Gen.Select(Fragment, Fragment, Fragment.Array[1, 5], Newline, Gen.Bool, Rejected, (title, author, blocks, newline, bom, rejected) =>
        {
            if (rejected is not null)
            {
                blocks[0] = blocks[0] + rejected;
            }

            var text = new StringBuilder();
            if (bom)
            {
                text.Append('\uFEFF');
            }

            text.Append("T ").Append(title).Append(newline).Append(newline);
            text.Append("كتبه ").Append(author.Replace('|', '!')).Append(" | 1 أكتوبر, 2016").Append(newline);
            foreach (string block in blocks)
            {
                text.Append(newline).Append(block).Append(newline);
            }

            return new RandomSeed(text.ToString());
        });

    [Fact]
    public void Hostile_seed_text_never_becomes_code()
    {
        var stages = new Stages();
        Seeds.Sample(seed => CheckOne(seed.Text, stages), iter: Cases, threads: 1, print: seed => seed.ToString());
        output.WriteLine($"{stages.Generated} cases: {stages.Compiled} compiled without a compiler diagnostic, {stages.Parsed} parsed to an article, " +
            $"{stages.ReadBack} emitted and read back equal to the model, {stages.Rejected} refused with a located error");
        Assert.Equal(stages.Generated, stages.ReadBack + stages.Rejected);
        Assert.True(stages.ReadBack >= stages.Generated * 8 / 10, $"only {stages.ReadBack} of {stages.Generated} cases reached emission and read-back");
        Assert.True(stages.Rejected > 0, "no case exercised a refused seed");
    }

    /// <summary>How many cases reached each stage.</summary>
    private sealed class Stages
    {
        public int Generated { get; set; }

        public int Compiled { get; set; }

        public int Parsed { get; set; }

        public int ReadBack { get; set; }

        public int Rejected { get; set; }
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\0")]
    [InlineData("\u202E")]
    [InlineData("\uD800")]
    [InlineData("\"\\{}")]
    public void String_literal_round_trips_through_the_compiler(string value)
    {
        string literal = CSharpEscaper.StringLiteral("x" + value + "y");
        AssertNoRawDangerousCharacters(literal);
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { const string S = " + literal + "; }");
        Assert.Empty(tree.GetDiagnostics());
        var token = tree.GetRoot().DescendantTokens().First(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken));
        Assert.Equal("x" + value + "y", token.ValueText);
    }

    private static void CheckOne(string text, Stages stages)
    {
        stages.Generated++;
        const string path = "/repo/seeds/random.txt";
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Seed(path, text));
        Assert.Null(run.GeneratorException);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.InternalError);

        // The compiler itself has nothing to say about the generated code.
        var compilerProblems = run.CompileProblems.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        Assert.True(compilerProblems.Count == 0, string.Join(Environment.NewLine, compilerProblems));
        stages.Compiled++;

        foreach (string source in run.Sources.Values)
        {
            AssertNoRawDangerousCharacters(source);
        }

        var (spec, _) = SeedParser.Parse(path, text);
        ArticleCollection articles = GeneratorHarness.LoadArticles(run.Output);
        if (spec is null)
        {
            // Refused: no article, and an error that points into the seed (a line, not just the file).
            Assert.Empty(articles);
            Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id == DiagnosticIds.InvalidCharacter &&
                d.Location.GetLineSpan().Path == path && d.Location.GetLineSpan().StartLinePosition.Line > 0 && d.Location.SourceSpan.Length == 1);
            stages.Rejected++;
            return;
        }

        stages.Parsed++;
        Article article = Assert.Single(articles);
        Assert.Equal(spec.Title, article.Title.ToString());
        Assert.Equal(spec.Author, article.Author.ToString());
        Assert.Equal(spec.Blocks.Select(b => (b.Kind.ToString(), b.Line, b.Text)), article.Blocks.Select(b => (b.Kind.ToString(), b.Line, b.Text.ToString())));
        Assert.Equal(spec.Quotes.Select(q => (q.BlockIndex, q.Start, q.Text)), article.Quotes.Select(q => (q.BlockIndex, q.Start, q.Text.ToString())));
        Assert.Equal(spec.Links.Select(l => (l.BlockIndex, l.Start, l.Text, l.Target)), article.Links.Select(l => (l.BlockIndex, l.Start, l.Text.ToString(), l.Target)));
        stages.ReadBack++;
    }

    /// <summary>No NUL, C# line break other than CR/LF, bidi control or unpaired surrogate appears raw.</summary>
    private static void AssertNoRawDangerousCharacters(string source)
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                i++;
                continue;
            }

            bool dangerous = c is '\0' or '\u2028' or '\u2029' or '\u0085' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || char.IsSurrogate(c);
            Assert.False(dangerous, $"generated source contains raw U+{(int)c:X4} at {i}");
        }
    }

    /// <summary>A generated seed; printed with escapes so a failure shows exactly what was fed in.</summary>
    public sealed record RandomSeed(string Text)
    {
        public override string ToString()
        {
            var builder = new StringBuilder("\"");
            foreach (char c in Text)
            {
                builder.Append(c is >= ' ' and < '\u007F' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
            }

            return builder.Append('"').ToString();
        }
    }
}
