using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CorpusSdk.Generators.Tests;

/// <summary>Lucene.NET 4.8's ArabicAnalyzer tokens of a text: the reference both parity tests compare with.</summary>
internal static class LuceneAnalysis
{
    public readonly record struct Token(string Term, int Start, int End, int Position);

    public static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        using TokenStream stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        int position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }

        stream.End();
        return tokens;
    }
}
