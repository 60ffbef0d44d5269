using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Text;

namespace CorpusSdk.Generators.Parsing;

/// <summary>
/// Reads <c>كتبه &lt;author&gt; | &lt;day&gt; &lt;month&gt;, &lt;year&gt;</c> and
/// <c>By &lt;author&gt; | 1 October, 2016</c> (or <c>October 1, 2016</c>).
/// </summary>
internal static class BylineParser
{
    private static readonly string[] ArabicPrefixes = ["كتبه", "كتبته", "بقلم"];

    internal readonly record struct Byline(string Author, DateSpec Date);

    /// <summary>True when the line opens with a byline word (كتبه, بقلم, By).</summary>
    public static bool StartsLikeByline(string line) => PrefixLength(line) > 0;

    /// <summary>True when the line opens with a byline word and has the '|' separator.</summary>
    public static bool LooksLikeByline(string line) => StartsLikeByline(line) && line.IndexOf('|') >= 0;

    public static Byline Parse(SourceLines source, int line, List<SeedDiagnostic> diagnostics)
    {
        string text = source.LineText(line);
        int lineStart = source.StartOf(line);
        int start = 0;
        while (start < text.Length && SeedParser.IsSpace(text[start]))
        {
            start++;
        }

        int end = text.Length;
        while (end > start && SeedParser.IsSpace(text[end - 1]))
        {
            end--;
        }

        int prefix = PrefixLength(text.Substring(start, end - start));
        int bar = text.LastIndexOf('|', end - 1, end - start);
        if (bar < 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.MalformedByline, source.Locate(lineStart + start, end - start), "there is no '|' between the author and the date"));
            return new Byline(Slice(text, start + prefix, end).Trim(), default);
        }

        string author = Slice(text, start + prefix, bar).Trim();
        if (author.Length == 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.MalformedByline, source.Locate(lineStart + start, bar - start), "the author's name is missing before '|'"));
        }

        DateSpec date = ParseDate(source, lineStart, text, bar + 1, end, diagnostics);
        return new Byline(author, date);
    }

    private static int PrefixLength(string line)
    {
        foreach (string prefix in ArabicPrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal) && line.Length > prefix.Length && char.IsWhiteSpace(line[prefix.Length]))
            {
                return prefix.Length;
            }
        }

        if (line.Length > 3 && line.StartsWith("By", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(line[2]))
        {
            return 2;
        }

        return 0;
    }

    private static string Slice(string text, int from, int to) => to > from ? text.Substring(from, to - from) : string.Empty;

    private readonly record struct Token(int Start, int End, string Text, int Number);

    private static DateSpec ParseDate(SourceLines source, int lineStart, string text, int from, int to, List<SeedDiagnostic> diagnostics)
    {
        var tokens = Tokenize(text, from, to);
        SeedLocation whole = source.Locate(lineStart + from, to - from);
        while (tokens.Count > 0 && tokens[0].Number < 0 && tokens[0].Text.Length == 0)
        {
            tokens.RemoveAt(0);
        }

        if (tokens.Count > 0)
        {
            whole = source.Locate(lineStart + tokens[0].Start, tokens[tokens.Count - 1].End - tokens[0].Start);
        }

        var numbers = tokens.FindAll(t => t.Number >= 0);
        var words = tokens.FindAll(t => t.Number < 0);

        foreach (Token word in words)
        {
            if (word.Text is "هـ" or "ه" or "هـ." || MonthNames.IsHijri(word.Text))
            {
                diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.HijriDate, whole, Slice(text, from, to).Trim()));
                return default;
            }
        }

        if (numbers.Count != 2 || words.Count == 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.MalformedByline, whole, "the date must read '<day> <month>, <year>'"));
            return default;
        }

        if (HasHijriPair(words))
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.HijriDate, whole, Slice(text, from, to).Trim()));
            return default;
        }

        Token first = words[0];
        Token last = words[words.Count - 1];
        SeedLocation monthLocation = source.Locate(lineStart + first.Start, last.End - first.Start);
        int month = 0;
        string monthText = Slice(text, first.Start, last.End);
        foreach (string alternative in monthText.Split('/'))
        {
            int candidate = MonthNames.Lookup(alternative);
            if (candidate == 0 || (month != 0 && candidate != month))
            {
                month = 0;
                break;
            }

            month = candidate;
        }

        if (month == 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.UnknownMonth, monthLocation, monthText.Trim()));
            return default;
        }

        Token dayToken = numbers[0];
        Token yearToken = numbers[1];
        int day = dayToken.Number;
        int year = yearToken.Number;
        if (yearToken.Text.Length != 4 || year < 1 || dayToken.Text.Length > 2 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            string shown = day.ToString(CultureInfo.InvariantCulture) + " " + monthText.Trim() + " " + yearToken.Text;
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidDate, whole, shown));
            return default;
        }

        return new DateSpec(year, month, day);
    }

    private static bool HasHijriPair(List<Token> words)
    {
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (MonthNames.IsHijri(words[i].Text + " " + words[i + 1].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits on white space and commas; a token of digits (any script) gets its value.</summary>
    private static List<Token> Tokenize(string text, int from, int to)
    {
        var tokens = new List<Token>();
        int i = from;
        while (i < to)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == '\u060C')
            {
                i++;
                continue;
            }

            int start = i;
            if (c == '/')
            {
                i++;
                tokens.Add(new Token(start, i, "/", -1));
                continue;
            }

            while (i < to && !char.IsWhiteSpace(text[i]) && text[i] != ',' && text[i] != '\u060C' && text[i] != '/')
            {
                i++;
            }

            string token = text.Substring(start, i - start);
            tokens.Add(new Token(start, i, token, ParseNumber(token)));
        }

        // A lone "/" is only a separator between month names.
        if (tokens.Count > 0 && tokens[0].Text == "/")
        {
            tokens.RemoveAt(0);
        }

        return tokens;
    }

    private static int ParseNumber(string token)
    {
        if (token.Length == 0 || token.Length > 6)
        {
            return -1;
        }

        int value = 0;
        foreach (char c in token)
        {
            int digit = TextFacts.DigitValue(c);
            if (digit < 0)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
