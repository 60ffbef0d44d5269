using System;
using System.Collections.Generic;
using System.Text;
using CorpusSdk.Analysis;

namespace CorpusSdk.Generators.Search;

/// <summary>The corpus-wide search index as plain arrays, ready to be packed into generated code.</summary>
internal sealed class CorpusIndex
{
    public const int ModeCount = 4;

    public List<int> PartArticles { get; } = new();

    /// <summary>Block index + 1 (0 is the title).</summary>
    public List<int> PartBlocks { get; } = new();

    /// <summary>First global word of each part, plus the total at the end.</summary>
    public List<int> PartFirstTokens { get; } = new();

    public List<int> TokenStarts { get; } = new();

    public List<int> TokenLengths { get; } = new();

    /// <summary>Per mode: terms sorted by UTF-8 bytes (equal to ordinal order: terms hold no surrogates).</summary>
    public List<string>[] Terms { get; } = [new(), new(), new(), new()];

    /// <summary>Per mode: for term i, postings [PostingOffsets[i], PostingOffsets[i+1]).</summary>
    public List<int>[] PostingOffsets { get; } = [new(), new(), new(), new()];

    /// <summary>Per mode: global word numbers, ascending per term.</summary>
    public List<int>[] Postings { get; } = [new(), new(), new(), new()];
}

/// <summary>Merges the per-article index models (in article order) and applies the corpus-wide stem rule.</summary>
internal static class CorpusIndexBuilder
{
    private const int WordForms = (1 << (int)LightStemmer.Form.Word) | (1 << (int)LightStemmer.Form.Prefixless);
    private const int StemForm = 1 << (int)LightStemmer.Form.Stem;

    public static CorpusIndex Build(IReadOnlyList<ArticleIndexSpec> articles)
    {
        var index = new CorpusIndex();
        var postings = new Dictionary<string, (int Forms, List<int> Tokens)>[CorpusIndex.ModeCount];
        for (int m = 0; m < CorpusIndex.ModeCount; m++)
        {
            postings[m] = new Dictionary<string, (int, List<int>)>(StringComparer.Ordinal);
        }

        int firstToken = 0;
        for (int a = 0; a < articles.Count; a++)
        {
            ArticleIndexSpec article = articles[a];
            int articleFirstToken = firstToken;
            foreach (PartSpec part in article.Parts)
            {
                index.PartArticles.Add(a);
                index.PartBlocks.Add(part.Block + 1);
                index.PartFirstTokens.Add(firstToken);
                index.TokenStarts.AddRange(part.Starts);
                index.TokenLengths.AddRange(part.Lengths);
                firstToken += part.Starts.Count;
            }

            foreach (TermPostings term in article.Terms)
            {
                var map = postings[(int)term.Mode];
                if (!map.TryGetValue(term.Term, out var entry))
                {
                    entry = (0, new List<int>());
                }

                foreach (int token in term.Tokens)
                {
                    entry.Tokens.Add(articleFirstToken + token);
                }

                map[term.Term] = (entry.Forms | term.Forms, entry.Tokens);
            }
        }

        index.PartFirstTokens.Add(firstToken);

        for (int m = 0; m < CorpusIndex.ModeCount; m++)
        {
            var terms = new List<string>(postings[m].Count);
            foreach (var pair in postings[m])
            {
                if (m != (int)IndexMode.Default || IsAccepted(pair.Key, pair.Value.Forms))
                {
                    terms.Add(pair.Key);
                }
            }

            terms.Sort(StringComparer.Ordinal);
            index.Terms[m].AddRange(terms);
            foreach (string term in terms)
            {
                index.PostingOffsets[m].Add(index.Postings[m].Count);
                List<int> tokens = postings[m][term].Tokens;
                tokens.Sort();
                index.Postings[m].AddRange(tokens);
            }

            index.PostingOffsets[m].Add(index.Postings[m].Count);
        }

        return index;
    }

    /// <summary>
    /// Default mode: words and prefixless forms always; suffix stems per <see cref="LightStemmer.IsStemAccepted"/>,
    /// counting the letters after a leading article (<see cref="LightStemmer.StemLetters"/>).
    /// </summary>
    private static bool IsAccepted(string term, int forms) =>
        (forms & WordForms) != 0 || ((forms & StemForm) != 0 && LightStemmer.StemLetters(term.AsSpan()) >= 4);

    /// <summary>UTF-8 byte offsets of each term in the concatenation, plus the total.</summary>
    public static List<int> Utf8Offsets(List<string> terms)
    {
        var offsets = new List<int>(terms.Count + 1);
        int offset = 0;
        foreach (string term in terms)
        {
            offsets.Add(offset);
            offset += Encoding.UTF8.GetByteCount(term);
        }

        offsets.Add(offset);
        return offsets;
    }
}
