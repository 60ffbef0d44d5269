using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CorpusSdk.Analysis;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Text;

namespace CorpusSdk.Generators.Parsing;

/// <summary>Why a body block got its kind, for <c>corpus check --explain</c>.</summary>
/// <param name="Index">The block's index in the article.</param>
/// <param name="Line">The 1-based line where the block starts.</param>
/// <param name="Kind">The kind it got.</param>
/// <param name="Reason">The rule that decided, in words.</param>
/// <param name="Explicit">True when a marker (<c>## </c>, <c>&gt; </c>) said so.</param>
internal sealed record BlockExplanation(int Index, int Line, BlockKindSpec Kind, string Reason, bool Explicit);

/// <summary>
/// Turns the text of one seed into an <see cref="ArticleSpec"/> plus diagnostics. Never throws on bad
/// input: every problem becomes a <see cref="SeedDiagnostic"/> with an exact location.
/// The rules are documented in docs/seed-format.md.
/// </summary>
internal static class SeedParser
{
    /// <summary>Parses a seed. <paramref name="path"/> names the file (its name without extension is the article ID).</summary>
    public static (ArticleSpec? Article, List<SeedDiagnostic> Diagnostics) Parse(string path, string text, CancellationToken cancellationToken = default) =>
        Parse(path, text, explanations: null, cancellationToken);

    /// <summary>Parses a seed and, when <paramref name="explanations"/> is given, adds each body block's kind and the reason for it.</summary>
    public static (ArticleSpec? Article, List<SeedDiagnostic> Diagnostics) Parse(string path, string text, List<BlockExplanation>? explanations, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<SeedDiagnostic>();
        var source = new SourceLines(path, text);
        string fileName = FileNameOf(path);
        string id = IdOf(path);

        bool faithful = CheckCharacters(source, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        int line = NextNonBlank(source, 0);
        if (line < 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.EmptySeed, SeedLocation.File(path), fileName));
            return (null, diagnostics);
        }

        string title = string.Empty;
        int titleLine = 0;
        if (BylineParser.LooksLikeByline(Trimmed(source, line)))
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.MissingTitle, source.LocateLine(line)));
        }
        else
        {
            title = Trimmed(source, line);
            titleLine = line + 1;
            line = NextNonBlank(source, line + 1);
        }

        string author = string.Empty;
        int bylineLine = 0;
        DateSpec published = default;
        if (line < 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.MissingByline, source.LocateLine(source.Count - 1), "end of file"));
        }
        else if (BylineParser.StartsLikeByline(Trimmed(source, line)))
        {
            var byline = BylineParser.Parse(source, line, diagnostics);
            author = byline.Author;
            published = byline.Date;
            bylineLine = line + 1;
            line = NextNonBlank(source, line + 1);
        }
        else
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.MissingByline, source.LocateLine(line), Preview(Trimmed(source, line))));
        }

        cancellationToken.ThrowIfCancellationRequested();
        List<RawBlock> raw = line < 0 ? new List<RawBlock>() : ReadRawBlocks(source, line);
        if (raw.Count == 0)
        {
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.NoBody, source.LocateLine(source.Count - 1), fileName));
        }

        var blocks = new List<BlockSpec>();
        var quotes = new List<QuoteSpec>();
        var links = new List<LinkSpec>();
        foreach (BlockDecision decision in BlockInference.Classify(raw))
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<RawBlock> group = decision.Group;
            BlockKindSpec kind = decision.Kind;
            explanations?.Add(new BlockExplanation(blocks.Count, group[0].FirstLine + 1, kind, decision.Reason, decision.Explicit));
            RawBlock joined = RawBlock.Join(group);
            var inline = InlineMarkupParser.Parse(joined.Text, joined.Map, source, diagnostics);
            int index = blocks.Count;
            var lines = group.Select(g => g.FirstLine + 1).ToEquatableArray();
            blocks.Add(new BlockSpec(kind, index, inline.Text, lines));
            foreach (var (start, length, target) in inline.Links)
            {
                links.Add(new LinkSpec(index, start, length, inline.Text.Substring(start, length), target));
            }

            foreach (var (start, length) in inline.Quotes)
            {
                quotes.Add(new QuoteSpec(index, start, length, inline.Text.Substring(start, length)));
            }

            if (!decision.Explicit)
            {
                ReportInferences(source, group, kind, decision.Uncertainty, diagnostics);
            }
        }

        if (!faithful)
        {
            // Never an article of mojibake: the diagnostics above say what to fix.
            return (null, diagnostics);
        }

        int wordCount = blocks.Sum(b => WordBreaker.Count(b.Text.AsSpan()));
        var article = new ArticleSpec(
            id,
            fileName,
            title,
            titleLine,
            author,
            bylineLine,
            published,
            blocks.ToEquatableArray(),
            quotes.ToEquatableArray(),
            links.ToEquatableArray(),
            wordCount);
        return (article, diagnostics);
    }

    /// <summary>The file name without directories (either separator).</summary>
    public static string FileNameOf(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return path.Substring(slash + 1);
    }

    /// <summary>The article ID: the file name without its last extension.</summary>
    public static string IdOf(string path)
    {
        string name = FileNameOf(path);
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    /// <summary>At most this many character diagnostics of one ID are reported per file.</summary>
    internal const int MaxCharacterDiagnostics = 20;

    /// <summary>
    /// Reports bidi controls, control characters, lone surrogates and U+FFFD (what the compiler leaves
    /// of bytes that are not UTF-8), once per line and ID. Returns false when the text is not a faithful
    /// decoding of the file, so no article is built from it.
    /// </summary>
    private static bool CheckCharacters(SourceLines source, List<SeedDiagnostic> diagnostics)
    {
        string text = source.Text;
        bool faithful = true;
        string controlProblem = text.IndexOf('\0') >= 0
            ? "a control character (the file contains NUL characters: is it UTF-16 without a byte order mark?)"
            : "a control character";
        int bidiCount = 0, invalidCount = 0;
        int lastBidiLine = -1, lastInvalidLine = -1;
        for (int line = 0; line < source.Count; line++)
        {
            int start = source.StartOf(line);
            int end = start + source.LengthOf(line);
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                string? problem = null;
                if (TextFacts.IsBidiControl(c))
                {
                    if (lastBidiLine != line && bidiCount++ < MaxCharacterDiagnostics)
                    {
                        diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.BidiControl, source.Locate(i, 1), CodePoint(c)));
                    }

                    lastBidiLine = line;
                    continue;
                }

                if (c == '\uFFFD')
                {
                    problem = "a replacement character (the file is not valid UTF-8)";
                }
                else if ((c < ' ' && c != '\t') || c == '\u007F')
                {
                    problem = controlProblem;
                }
                else if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    problem = "a lone surrogate";
                }

                if (problem is null)
                {
                    continue;
                }

                faithful = false;
                if (lastInvalidLine != line && invalidCount++ < MaxCharacterDiagnostics)
                {
                    diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.InvalidCharacter, source.Locate(i, 1), CodePoint(c), problem));
                }

                lastInvalidLine = line;
            }
        }

        return faithful;
    }

    private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    private static void ReportInferences(SourceLines source, List<RawBlock> group, BlockKindSpec kind, string? uncertainty, List<SeedDiagnostic> diagnostics)
    {
        int firstLine = group[0].FirstLine;
        if (uncertainty is not null)
        {
            // One note per block: the uncertain guess says why and which marker settles it.
            string read = group.Count > 1 ? "the first part of a paragraph that continues on line " + (group[1].FirstLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : kind == BlockKindSpec.Heading ? "a heading"
                : kind == BlockKindSpec.PullQuote ? "a pull quote"
                : "a paragraph";
            diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.UncertainKind, source.LocateLine(firstLine), read, uncertainty));
        }
        else
        {
            switch (kind)
        {
                case BlockKindSpec.Heading:
                    diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.HeadingInferred, source.LocateLine(firstLine)));
                    break;
                case BlockKindSpec.PullQuote:
                    diagnostics.Add(SeedDiagnostic.Create(DiagnosticIds.PullQuoteInferred, source.LocateLine(firstLine)));
                    break;
            }
        }

        for (int k = 1; k < group.Count; k++)
        {
            diagnostics.Add(SeedDiagnostic.Create(
                DiagnosticIds.JoinedParagraph,
                source.LocateLine(group[k].FirstLine),
                (group[k - 1].LastLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static List<RawBlock> ReadRawBlocks(SourceLines source, int from)
    {
        var blocks = new List<RawBlock>();
        var current = new List<int>();
        int blanks = 0, blanksBefore = 0;
        for (int line = from; line < source.Count; line++)
        {
            if (IsBlank(source, line))
            {
                if (current.Count > 0)
                {
                    blocks.Add(RawBlock.FromLines(source, current, blanksBefore));
                    current = new List<int>();
                    blanks = 0;
                }

                blanks++;
            }
            else
            {
                if (current.Count == 0)
                {
                    blanksBefore = blanks;
                }

                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(RawBlock.FromLines(source, current, blanksBefore));
        }

        return blocks;
    }

    internal static bool IsBlank(SourceLines source, int line)
    {
        string text = source.Text;
        int start = source.StartOf(line);
        int end = start + source.LengthOf(line);
        for (int i = start; i < end; i++)
        {
            if (!IsSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private static int NextNonBlank(SourceLines source, int from)
    {
        for (int line = from; line < source.Count; line++)
        {
            if (!IsBlank(source, line))
            {
                return line;
            }
        }

        return -1;
    }

    private static string Trimmed(SourceLines source, int line)
    {
        string text = source.LineText(line);
        int start = 0;
        int end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text.Substring(start, end - start);
    }

    private static string Preview(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
