using System;
using System.Globalization;
using System.IO;

namespace CorpusSdk.Cli.Output;

/// <summary>
/// Plain-text rendering of articles. Every piece of corpus or user text goes through
/// <see cref="WriteEscaped"/>, so control characters (tabs, line breaks, escape sequences) cannot
/// break the line format or drive the terminal; they are printed as <c>\uXXXX</c>.
/// </summary>
internal static class ArticleWriter
{
    /// <summary>The date format: ISO 8601, Gregorian, whatever the current culture.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Writes one line per article: ID, date, author, title, separated by tabs.</summary>
    public static int WriteList(TextWriter output, ArticleCollection articles)
    {
        foreach (Article article in articles)
        {
            WriteEscaped(output, article.Id);
            output.Write('\t');
            output.Write(FormatDate(article.Published));
            output.Write('\t');
            WriteEscaped(output, article.Author.Span);
            output.Write('\t');
            WriteEscaped(output, article.Title.Span);
            output.WriteLine();
        }

        return CorpusCli.ExitSuccess;
    }

    /// <summary>
    /// Writes the title, author and date on three lines, then each block after a blank line:
    /// <c>[kind] block N (line L)</c>, its text, then its quotations and links in reading order. N is
    /// <see cref="Block.Index"/> (counted from 0), as <c>search</c> prints it; L the seed line where it starts.
    /// </summary>
    public static int WriteArticle(TextWriter output, Article article)
    {
        WriteEscaped(output, article.Title.Span);
        output.WriteLine();
        WriteEscaped(output, article.Author.Span);
        output.WriteLine();
        output.WriteLine(FormatDate(article.Published));

        CorpusList<Quote> quotes = article.Quotes;
        CorpusList<Link> links = article.Links;
        int nextQuote = 0;
        int nextLink = 0;
        foreach (Block block in article.Blocks)
        {
            output.WriteLine();
            output.Write('[');
            output.Write(KindLabel(block.Kind));
            output.Write("] block ");
            output.Write(block.Index.ToString(CultureInfo.InvariantCulture));
            output.Write(" (line ");
            output.Write(block.Line.ToString(CultureInfo.InvariantCulture));
            output.WriteLine(')');
            WriteEscaped(output, block.Text.Span);
            output.WriteLine();

            // Quotations and links are each in reading order; merge them by offset within this block.
            while (true)
            {
                bool hasQuote = nextQuote < quotes.Count && quotes[nextQuote].BlockIndex == block.Index;
                bool hasLink = nextLink < links.Count && links[nextLink].BlockIndex == block.Index;
                if (hasQuote && (!hasLink || quotes[nextQuote].Start <= links[nextLink].Start))
                {
                    output.Write("  quote: «");
                    WriteEscaped(output, quotes[nextQuote].Text.Span);
                    output.WriteLine('»');
                    nextQuote++;
                }
                else if (hasLink)
                {
                    Link link = links[nextLink];
                    output.Write("  link: ");
                    WriteEscaped(output, link.Text.Span);
                    output.Write(" -> ");
                    WriteEscaped(output, link.Target);
                    output.WriteLine();
                    nextLink++;
                }
                else
                {
                    break;
                }
            }
        }

        return CorpusCli.ExitSuccess;
    }

    /// <summary>The marker name of a block kind, as shown in brackets.</summary>
    public static string KindLabel(BlockKind kind) => kind switch
    {
        BlockKind.Paragraph => "paragraph",
        BlockKind.Heading => "heading",
        BlockKind.PullQuote => "pull quote",
        _ => kind.ToString(),
    };

    /// <summary>Formats a date as <see cref="DateFormat"/> in the Gregorian calendar.</summary>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes text with each control character replaced by <c>\uXXXX</c>.</summary>
    public static void WriteEscaped(TextWriter output, ReadOnlySpan<char> text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                output.Write(text[start..i]);
                output.Write("\\u");
                output.Write(((int)text[i]).ToString("x4", CultureInfo.InvariantCulture));
                start = i + 1;
            }
        }

        output.Write(text[start..]);
    }
}
