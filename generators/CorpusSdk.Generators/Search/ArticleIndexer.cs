using System;
using System.Collections.Generic;
using CorpusSdk.Analysis;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Search;

/// <summary>Analyses an article's title and blocks with <see cref="TextAnalyzer"/> and collects the terms of every search mode.</summary>
internal static class ArticleIndexer
{
    private static readonly AnalysisMode[] Modes = [AnalysisMode.Default, AnalysisMode.Exact, AnalysisMode.Normalized, AnalysisMode.LuceneCompatible];

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
        int day = article.Published.IsValid ? DayNumber(article.Published) : -1;
        return new ArticleIndexSpec(article.Id, path, article.Author, day, parts.ToEquatableArray(), list.ToEquatableArray());
    }

    /// <summary>Days since 0001-01-01 (proleptic Gregorian), as <c>DateOnly.DayNumber</c>.</summary>
    public static int DayNumber(DateSpec date) =>
        (int)(new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Unspecified).Ticks / TimeSpan.TicksPerDay);

    private static void AddPart(string text, int block, List<PartSpec> parts, Dictionary<(IndexMode, string), (int, List<int>)> terms, ref int token)
    {
        var starts = new List<int>();
        var lengths = new List<int>();
        int luceneLength = 0;
        Span<char> chars = stackalloc char[WordBreaker.MaxWordLength];
        Span<LightStemmer.Candidate> candidates = stackalloc LightStemmer.Candidate[TextAnalyzer.MaxTerms];
        ReadOnlySpan<char> span = text.AsSpan();
        var analyzer = new TextAnalyzer(span);
        while (analyzer.Next(out AnalyzedWord word))
        {
            // Every word takes a position, as at query time and in Lucene, even one too long to have terms.
            starts.Add(word.Start);
            lengths.Add(word.Length);
            ReadOnlySpan<char> wordText = span.Slice(word.Start, word.Length);
            foreach (AnalysisMode mode in Modes)
            {
                int count = TextAnalyzer.Terms(wordText, mode, chars, candidates);
                if (mode == AnalysisMode.LuceneCompatible && count > 0)
                {
                    luceneLength++;
                }

                for (int c = 0; c < count; c++)
                {
                    LightStemmer.Candidate term = candidates[c];
                    if (term.Length > 0)
                    {
                        int forms = mode == AnalysisMode.Default ? 1 << (int)term.Form : 0;
                        Add(terms, (IndexMode)mode, chars.Slice(term.Start, term.Length).ToString(), forms, token);
                    }
                }
            }

            token++;
        }

        parts.Add(new PartSpec(block, starts.ToEquatableArray(), lengths.ToEquatableArray(), luceneLength));
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
