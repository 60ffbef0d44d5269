using System.Collections.Generic;
using System.Text;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Parsing;

/// <summary>
/// Reduces <c>[text](target)</c> links to their text and finds “…” and «…» quotations in a block.
/// Malformed markup is kept literally and reported; nothing is invented.
/// </summary>
internal static class InlineMarkupParser
{
    /// <summary>The plain text of a block and the ranges of its links and quotations.</summary>
    internal sealed class Result
    {
        public Result(string text, List<(int Start, int Length, string Target)> links, List<(int Start, int Length)> quotes)
        {
            Text = text;
            Links = links;
            Quotes = quotes;
        }

        public string Text { get; }

        public List<(int Start, int Length, string Target)> Links { get; }

        public List<(int Start, int Length)> Quotes { get; }
    }

    /// <summary>Parses <paramref name="raw"/>, whose character i sits at source offset <paramref name="map"/>[i].</summary>
    public static Result Parse(string raw, int[] map, SourceLines? source, List<SeedDiagnostic>? diagnostics)
    {
        var text = new StringBuilder(raw.Length);
        var textMap = new List<int>(raw.Length);
        var links = new List<(int Start, int Length, string Target)>();

        int i = 0;
        while (i < raw.Length)
        {
            char c = raw[i];
            if (c == '[' && TryLink(raw, i, out int textStart, out int textEnd, out int targetStart, out int targetEnd, out int next))
            {
                string linkText = raw.Substring(textStart, textEnd - textStart);
                string target = raw.Substring(targetStart, targetEnd - targetStart);
                if (linkText.Trim().Length == 0 || target.Trim().Length == 0)
                {
                    Report(diagnostics, source, DiagnosticIds.MalformedLink, map, i, next - i,
                        linkText.Trim().Length == 0 ? "the link has no text" : "the link has no target");
                    Append(text, textMap, raw, map, i, next);
                }
                else
                {
                    int start = text.Length;
                    Append(text, textMap, raw, map, textStart, textEnd);
                    links.Add((start, text.Length - start, target.Trim()));
                }

                i = next;
                continue;
            }

            if (c == '[' && IsUnclosedLink(raw, i, out int unclosedEnd))
            {
                Report(diagnostics, source, DiagnosticIds.MalformedLink, map, i, unclosedEnd - i, "the link target is not closed with ')'");
            }

            text.Append(c);
            textMap.Add(map[i]);
            i++;
        }

        string plain = text.ToString();
        List<(int Start, int Length)> quotes = FindQuotes(plain, textMap, source, diagnostics);
        return new Result(plain, links, quotes);
    }

    private static bool TryLink(string raw, int open, out int textStart, out int textEnd, out int targetStart, out int targetEnd, out int next)
    {
        textStart = open + 1;
        textEnd = targetStart = targetEnd = next = 0;
        int close = raw.IndexOf(']', textStart);
        if (close < 0 || close + 1 >= raw.Length || raw[close + 1] != '(' || raw.IndexOf('[', textStart, close - textStart) >= 0)
        {
            return false;
        }

        int paren = raw.IndexOf(')', close + 2);
        if (paren < 0)
        {
            return false;
        }

        for (int k = close + 2; k < paren; k++)
        {
            if (char.IsWhiteSpace(raw[k]) || raw[k] == '(')
            {
                return false;
            }
        }

        textEnd = close;
        targetStart = close + 2;
        targetEnd = paren;
        next = paren + 1;
        return true;
    }

    private static bool IsUnclosedLink(string raw, int open, out int end)
    {
        end = open + 1;
        int close = raw.IndexOf(']', open + 1);
        if (close < 0 || close + 1 >= raw.Length || raw[close + 1] != '(')
        {
            return false;
        }

        end = close + 2;
        return true;
    }

    private static List<(int Start, int Length)> FindQuotes(string text, List<int> map, SourceLines? source, List<SeedDiagnostic>? diagnostics)
    {
        var quotes = new List<(int Start, int Length)>();
        var open = new Stack<(char Close, int Position)>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\u201C' || c == '\u00AB')
            {
                open.Push((c == '\u201C' ? '\u201D' : '\u00BB', i));
            }
            else if (c == '\u201D' || c == '\u00BB')
            {
                if (open.Count > 0 && open.Peek().Close == c)
                {
                    int start = open.Pop().Position + 1;
                    quotes.Add((start, i - start));
                }
                else
                {
                    Report(diagnostics, source, DiagnosticIds.UnbalancedQuote, map, i, 1, c.ToString());
                }
            }
        }

        foreach ((char close, int position) in open)
        {
            Report(diagnostics, source, DiagnosticIds.UnbalancedQuote, map, position, 1, text[position].ToString());
        }

        quotes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return quotes;
    }

    private static void Append(StringBuilder text, List<int> textMap, string raw, int[] map, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            text.Append(raw[k]);
            textMap.Add(map[k]);
        }
    }

    private static void Report(List<SeedDiagnostic>? diagnostics, SourceLines? source, string id, IReadOnlyList<int> map, int index, int length, string arg)
    {
        if (diagnostics is null || source is null)
        {
            return;
        }

        int start = map[index];
        int end = length > 0 ? map[index + length - 1] + 1 : start;
        diagnostics.Add(SeedDiagnostic.Create(id, source.Locate(start, end - start), arg));
    }
}
