using System;
using System.Collections.Generic;
using CorpusSdk.Analysis;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Search;

/// <summary>Tokenises an article's title and blocks and collects the terms of every search mode.</summary>
internal static class ArticleIndexer
{
    public static ArticleIndexSpec Index(ArticleSpec article, string path)
    {
        var parts = new List<PartSpec>();
        var terms = new Dictionary<(IndexMode Mode, string Term), (int Forms, List<int> Tokens)>();
        int token = 0;
        AddPart(article.Title, -1, parts, terms, ref token);
        foreach (BlockSpec block in article.Blocks)
        {
            AddPart(block.Text, block.Index, parts, terms, ref token);
        }

        var list = new List<TermPostings>(terms.Count);
        foreach (var pair in terms)
        {
            list.Add(new TermPostings(pair.Key.Mode, pair.Key.Term, pair.Value.Forms, pair.Value.Tokens.ToEquatableArray()));
        }

        list.Sort((a, b) => a.Mode != b.Mode ? a.Mode.CompareTo(b.Mode) : string.CompareOrdinal(a.Term, b.Term));
        return new ArticleIndexSpec(article.Id, path, parts.ToEquatableArray(), list.ToEquatableArray());
    }

    private static void AddPart(string text, int block, List<PartSpec> parts, Dictionary<(IndexMode, string), (int, List<int>)> terms, ref int token)
    {
        var starts = new List<int>();
        var lengths = new List<int>();
        Span<char> buffer = stackalloc char[WordBreaker.MaxWordLength];
        Span<LightStemmer.Candidate> candidates = stackalloc LightStemmer.Candidate[LightStemmer.MaxCandidates];
        int position = 0;
        ReadOnlySpan<char> span = text.AsSpan();
        while (WordBreaker.Next(span, ref position, out int start, out int length))
        {
            if (length > WordBreaker.MaxWordLength)
            {
                continue;
            }

            ReadOnlySpan<char> word = span.Slice(start, length);
            starts.Add(start);
            lengths.Add(length);

            Add(terms, IndexMode.Exact, word.ToString(), 0, token);

            int normalized = ArabicNormalizer.Normalize(word, buffer);
            if (normalized > 0)
            {
                string form = buffer.Slice(0, normalized).ToString();
                Add(terms, IndexMode.Normalized, form, 0, token);
                int count = LightStemmer.Candidates(form.AsSpan(), candidates);
                for (int c = 0; c < count; c++)
                {
                    LightStemmer.Candidate candidate = candidates[c];
                    Add(terms, IndexMode.Default, form.Substring(candidate.Start, candidate.Length), 1 << (int)candidate.Form, token);
                }
            }

            int lucene = LuceneArabic.Analyze(word, buffer);
            if (lucene > 0)
            {
                Add(terms, IndexMode.LuceneCompatible, buffer.Slice(0, lucene).ToString(), 0, token);
            }

            token++;
        }

        parts.Add(new PartSpec(block, starts.ToEquatableArray(), lengths.ToEquatableArray()));
    }

    private static void Add(Dictionary<(IndexMode, string), (int Forms, List<int> Tokens)> terms, IndexMode mode, string term, int forms, int token)
    {
        if (!terms.TryGetValue((mode, term), out var entry))
        {
            entry = (0, new List<int>());
        }

        if (entry.Tokens.Count == 0 || entry.Tokens[entry.Tokens.Count - 1] != token)
        {
            entry.Tokens.Add(token);
        }

        terms[(mode, term)] = (entry.Forms | forms, entry.Tokens);
    }
}
