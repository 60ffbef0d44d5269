using System.Collections.Generic;
using System.Text;

namespace CorpusSdk.Generators.Parsing;

/// <summary>
/// Consecutive non-blank seed lines, trimmed and joined by single spaces, with the source offset of
/// every character (so diagnostics inside a block point at the exact column).
/// </summary>
internal sealed class RawBlock
{
    private RawBlock(string text, int[] map, int firstLine, int lastLine)
    {
        Text = text;
        Map = map;
        FirstLine = firstLine;
        LastLine = lastLine;
    }

    public string Text { get; }

    /// <summary>Source offset of each character of <see cref="Text"/>; a joining space maps to the end of the line before it.</summary>
    public int[] Map { get; }

    /// <summary>Zero-based line of the first seed line.</summary>
    public int FirstLine { get; }

    /// <summary>Zero-based line of the last seed line.</summary>
    public int LastLine { get; }

    public static RawBlock FromLines(SourceLines source, List<int> lines)
    {
        var text = new StringBuilder();
        var map = new List<int>();
        foreach (int line in lines)
        {
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

        return new RawBlock(text.ToString(), map.ToArray(), lines[0], lines[lines.Count - 1]);
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

        return new RawBlock(text.ToString(), map.ToArray(), parts[0].FirstLine, parts[parts.Count - 1].LastLine);
    }
}
