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
            if (c == '[')
            {
                LinkScan scan = ScanLink(raw, i, out int textEnd, out int targetStart, out int targetEnd, out int next);
                if (scan == LinkScan.Link)
                {
                    string linkText = raw.Substring(i + 1, textEnd - i - 1);
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
                        Append(text, textMap, raw, map, i + 1, textEnd);
                        links.Add((start, text.Length - start, target.Trim()));
                    }

                    i = next;
                    continue;
                }

                if (scan == LinkScan.TargetNotCompleted)
                {
                    Report(diagnostics, source, DiagnosticIds.MalformedLink, map, i, textEnd + 2 - i,
                        "the link target is not closed with ')' (or holds white space or unbalanced parentheses)");
                }
                else if (scan == LinkScan.NeverClosed)
                {
                    Report(diagnostics, source, DiagnosticIds.UnclosedBracket, map, i, 1, string.Empty);
                }

                // LinkScan.NotALink: bracketed text such as [sic] or […] is plain text, silently.
            }

            text.Append(c);
            textMap.Add(map[i]);
            i++;
        }

        string plain = text.ToString();
        List<(int Start, int Length)> quotes = FindQuotes(plain, textMap, source, diagnostics);
        return new Result(plain, links, quotes);
    }

    /// <summary>What a '[' starts.</summary>
    private enum LinkScan
    {
        /// <summary>A complete <c>[text](target)</c>.</summary>
        Link,

        /// <summary>Bracketed text not followed by '(': plain text.</summary>
        NotALink,

        /// <summary>The '[' has no matching ']' in the block.</summary>
        NeverClosed,

        /// <summary><c>[text](</c> whose target never ends with ')'.</summary>
        TargetNotCompleted,
    }

    /// <summary>
    /// Reads a link at <paramref name="open"/> as CommonMark does: link text with balanced brackets, then
    /// '(' and a target that is either <c>&lt;…&gt;</c> (any characters but '&lt;', '&gt;' and line breaks)
    /// or a run without white space whose parentheses balance, then ')' (white space allowed before it).
    /// </summary>
    private static LinkScan ScanLink(string raw, int open, out int textEnd, out int targetStart, out int targetEnd, out int next)
    {
        textEnd = targetStart = targetEnd = next = 0;
        int depth = 0;
        int close = -1;
        for (int k = open + 1; k < raw.Length; k++)
        {
            if (raw[k] == '\\' && k + 1 < raw.Length)
            {
                k++;
            }
            else if (raw[k] == '[')
            {
                depth++;
            }
            else if (raw[k] == ']')
            {
                if (depth == 0)
                {
                    close = k;
                    break;
                }

                depth--;
            }
        }

        if (close < 0)
        {
            return LinkScan.NeverClosed;
        }

        textEnd = close;
        if (close + 1 >= raw.Length || raw[close + 1] != '(')
        {
            return LinkScan.NotALink;
        }

        int p = close + 2;
        if (p < raw.Length && raw[p] == '<')
        {
            int gt = p + 1;
            while (gt < raw.Length && raw[gt] != '>' && raw[gt] != '<')
            {
                gt++;
            }

            if (gt >= raw.Length || raw[gt] != '>')
            {
                return LinkScan.TargetNotCompleted;
            }

            targetStart = p + 1;
            targetEnd = gt;
            p = gt + 1;
        }
        else
        {
            int parens = 0;
            targetStart = p;
            while (p < raw.Length && !char.IsWhiteSpace(raw[p]))
            {
                if (raw[p] == '\\' && p + 1 < raw.Length)
                {
                    p += 2;
                    continue;
                }

                if (raw[p] == '(')
                {
                    parens++;
                }
                else if (raw[p] == ')')
                {
                    if (parens == 0)
                    {
                        break;
                    }

                    parens--;
                }

                p++;
            }

            targetEnd = p;
        }

        while (p < raw.Length && raw[p] == ' ')
        {
            p++;
        }

        if (p >= raw.Length || raw[p] != ')')
        {
            return LinkScan.TargetNotCompleted;
        }

        next = p + 1;
        return LinkScan.Link;
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
