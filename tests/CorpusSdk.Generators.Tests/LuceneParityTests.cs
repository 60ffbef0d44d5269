using System.Text;
using CorpusSdk.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// LuceneCompatible mode reproduces Lucene.NET 4.8 ArabicAnalyzer token for token (term, offsets,
/// position) over every seed, every fixture and a generated corpus of 120 articles.
/// </summary>
public sealed class LuceneParityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly record struct Token(string Term, int Start, int End, int Position);

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (string seed in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "seeds"), "*.txt"))
        {
            data.Add("seed:" + Path.GetFileName(seed));
        }

        foreach (string fixture in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt"))
        {
            data.Add("fixture:" + Path.GetFileName(fixture));
        }

        data.Add("generated");
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Tokens_equal_Lucene(string source)
    {
        IEnumerable<string> texts = source switch
        {
            "generated" => GeneratedCorpus(120),
            _ when source.StartsWith("seed:", StringComparison.Ordinal) => [File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "seeds", source[5..]))],
            _ => [TestFiles.ReadFixture(source["fixture:".Length..])],
        };

        int compared = 0;
        foreach (string text in texts)
        {
            List<Token> expected = LuceneTokens(text);
            List<Token> actual = OurTokens(text);
            for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            {
                Assert.True(expected[i] == actual[i], $"token {i}: Lucene {expected[i]} vs ours {actual[i]} in …{Context(text, expected[i].Start)}…");
            }

            Assert.Equal(expected.Count, actual.Count);
            compared += expected.Count;
        }

        output.WriteLine($"{source}: {compared} tokens equal to Lucene's");
        Assert.True(compared > 0 || source.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Stop_word_list_is_Lucenes()
    {
        Assert.Equal(ArabicAnalyzer.DefaultStopSet.Count, LuceneArabic.StopWordCount);
        foreach (object word in ArabicAnalyzer.DefaultStopSet)
        {
            Assert.True(LuceneArabic.IsStopWord(word.ToString()), word.ToString());
        }
    }

    [Fact]
    public void Generated_corpus_is_large_and_rich()
    {
        List<string> texts = GeneratedCorpus(120).ToList();
        Assert.Equal(120, texts.Count);
        int tokens = texts.Sum(t => LuceneTokens(t).Count);
        Assert.True(tokens > 20_000, $"only {tokens} tokens");
    }

    private static List<Token> LuceneTokens(string text) =>
        LuceneAnalysis.Tokens(text).Select(t => new Token(t.Term, t.Start, t.End, t.Position)).ToList();

    /// <summary>Our tokens, from the production analyzer the index builder and the query side use (TextAnalyzer).</summary>
    private static List<Token> OurTokens(string text)
    {
        var tokens = new List<Token>();
        Span<char> chars = stackalloc char[WordBreaker.MaxWordLength];
        Span<LightStemmer.Candidate> terms = stackalloc LightStemmer.Candidate[TextAnalyzer.MaxTerms];
        var analyzer = new TextAnalyzer(text);
        while (analyzer.Next(out AnalyzedWord word))
        {
            int count = TextAnalyzer.Terms(text.AsSpan(word.Start, word.Length), AnalysisMode.LuceneCompatible, chars, terms);
            if (count > 0)
            {
                tokens.Add(new Token(chars.Slice(terms[0].Start, terms[0].Length).ToString(), word.Start, word.Start + word.Length, word.Position));
            }
        }

        return tokens;
    }

    private static string Context(string text, int at) => text.Substring(Math.Max(0, at - 20), Math.Min(40, text.Length - Math.Max(0, at - 20)));

    /// <summary>Deterministic articles from the seed's words plus digits, Latin, marks and punctuation.</summary>
    internal static IEnumerable<string> GeneratedCorpus(int count)
    {
        string seed = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "seeds", "000_8fbc388ac0ad8ee7.txt"));
        string[] words = seed.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        string[] extras =
        [
            "1,000", "3.14", "٢٠١٦", "۱۲۳", "2016م", "U.S.A", "don't", "e-mail", "example.org", "Kerry's", "ABC", "x_y", "__", "ـــكيري", "قائلاً",
            "تدخلًا", "آمن", "إيران", "ٱلحمد", "مُحَمَّد", "الله", "مني", "لإيران", "الولايات", "القوة", "قوات", "السنوية", "سنوات", "بوتين", "أمريكا",
            "الأمريكي", "(قال)", "[رابط]", "«اقتباس»", "“نص”", "،", "؛", "؟", "!", ":", "—", "-", "/", "…", "a:b", "٣،٤", "1،000", "ZWNJ\u200Cجوار", "R\u200Ftl",
            "\u0670", "ـ", "ى", "ة", "12:30", "v2.0", "C#", "O'Neil", "’", "don’t", "١٫٥",
        ];
        var random = new Random(20161001);
        for (int a = 0; a < count; a++)
        {
            var text = new StringBuilder();
            int sentences = random.Next(12, 24);
            for (int s = 0; s < sentences; s++)
            {
                int length = random.Next(4, 25);
                for (int w = 0; w < length; w++)
                {
                    text.Append(random.Next(6) == 0 ? extras[random.Next(extras.Length)] : words[random.Next(words.Length)]);
                    text.Append(random.Next(10) == 0 ? "، " : " ");
                }

                text.Append(random.Next(3) == 0 ? ".\n\n" : ". ");
            }

            yield return text.ToString();
        }
    }
}
