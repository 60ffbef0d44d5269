using System.Collections.Generic;
using System.Text;

namespace CorpusSdk.Generators.Parsing;

/// <summary>
/// Consecutive non-blank seed lines, trimmed and joined by single spaces, with the source offset of
/// every character (so diagnostics inside a block point at the exact column).
/// </summary>
internal sealed class RawBlock
{
    private RawBlock(string text, int[] map, int firstLine, int lastLine, BlockMarker marker, int blankLinesBefore)
    {
        Text = text;
        Map = map;
        FirstLine = firstLine;
        LastLine = lastLine;
        Marker = marker;
        BlankLinesBefore = blankLinesBefore;
    }

    public string Text { get; }

    /// <summary>Source offset of each character of <see cref="Text"/>; a joining space maps to the end of the line before it.</summary>
    public int[] Map { get; }

    /// <summary>Zero-based line of the first seed line.</summary>
    public int FirstLine { get; }

    /// <summary>Zero-based line of the last seed line.</summary>
    public int LastLine { get; }

    /// <summary>The explicit kind marker the block starts with (<c>## </c> or <c>&gt; </c>), which is not part of <see cref="Text"/>.</summary>
    public BlockMarker Marker { get; }

    /// <summary>How many blank lines separate this block from the text before it.</summary>
    public int BlankLinesBefore { get; }

    /// <summary>Column (zero-based offset in the source) where the marker starts; meaningful only when <see cref="Marker"/> is set.</summary>
    public int MarkerOffset { get; private set; }

    public static RawBlock FromLines(SourceLines source, List<int> lines, int blankLinesBefore = 0)
    {
        var text = new StringBuilder();
        var map = new List<int>();
        BlockMarker marker = BlockMarker.None;
        int markerOffset = 0;
        for (int n = 0; n < lines.Count; n++)
        {
            int line = lines[n];
            int start = source.StartOf(line);
            int end = start + source.LengthOf(line);
            while (start < end && SeedParser.IsSpace(source.Text[start]))
            {
                start++;
            }

            while (end > start && SeedParser.IsSpace(source.Text[end - 1]))
            {
                end--;
            }

            // "## " or "> " opens the block; a marked pull quote may repeat "> " on its other lines.
            BlockMarker lineMarker = MarkerAt(source.Text, start, end);
            if (n == 0 ? lineMarker != BlockMarker.None : marker == BlockMarker.PullQuote && lineMarker == BlockMarker.PullQuote)
            {
                if (n == 0)
                {
                    marker = lineMarker;
                    markerOffset = start;
                }

                start += lineMarker == BlockMarker.Heading ? 3 : 2;
                while (start < end && SeedParser.IsSpace(source.Text[start]))
                {
                    start++;
                }
            }

            if (text.Length > 0)
            {
                text.Append(' ');
                map.Add(map[map.Count - 1] + 1);
            }

            for (int i = start; i < end; i++)
            {
                text.Append(source.Text[i]);
                map.Add(i);
            }
        }

        return new RawBlock(text.ToString(), map.ToArray(), lines[0], lines[lines.Count - 1], marker, blankLinesBefore) { MarkerOffset = markerOffset };
    }

    /// <summary>
    /// The marker a trimmed line [start, end) begins with: "## " or "> " followed by text. "#if", "##x",
    /// "#error", a lone "##" or ">" are not markers.
    /// </summary>
    private static BlockMarker MarkerAt(string text, int start, int end)
    {
        if (end - start > 3 && text[start] == '#' && text[start + 1] == '#' && text[start + 2] == ' ')
        {
            return BlockMarker.Heading;
        }

        if (end - start > 2 && text[start] == '>' && text[start + 1] == ' ')
        {
            return BlockMarker.PullQuote;
        }

        return BlockMarker.None;
    }

    public static RawBlock Join(List<RawBlock> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var text = new StringBuilder();
        var map = new List<int>();
        foreach (RawBlock part in parts)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
                map.Add(map[map.Count - 1] + 1);
            }

            text.Append(part.Text);
            map.AddRange(part.Map);
        }

        return new RawBlock(text.ToString(), map.ToArray(), parts[0].FirstLine, parts[parts.Count - 1].LastLine, parts[0].Marker, parts[0].BlankLinesBefore)
        {
            MarkerOffset = parts[0].MarkerOffset,
        };
    }
}

/// <summary>An explicit block kind written in the seed.</summary>
internal enum BlockMarker
{
    /// <summary>No marker: the kind is inferred.</summary>
    None,

    /// <summary><c>## </c>: a section heading.</summary>
    Heading,

    /// <summary><c>&gt; </c>: a pull quote.</summary>
    PullQuote,
}
