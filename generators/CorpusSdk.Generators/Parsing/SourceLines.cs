using System.Collections.Generic;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Parsing;

/// <summary>The lines of a seed (CR, LF and CRLF end a line) and offset-to-location mapping.</summary>
internal sealed class SourceLines
{
    private readonly List<int> _starts = new();
    private readonly List<int> _lengths = new();

    public SourceLines(string path, string text)
    {
        Path = path;
        Text = text;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' || c == '\n')
            {
                _starts.Add(start);
                _lengths.Add(i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length || _starts.Count == 0)
        {
            _starts.Add(start);
            _lengths.Add(text.Length - start);
        }
    }

    public string Path { get; }

    public string Text { get; }

    public int Count => _starts.Count;

    /// <summary>Offset of the first character of a zero-based line.</summary>
    public int StartOf(int line) => _starts[line];

    /// <summary>Length of a zero-based line, without its line break.</summary>
    public int LengthOf(int line) => _lengths[line];

    public string LineText(int line) => Text.Substring(_starts[line], _lengths[line]);

    /// <summary>A location for the characters [start, start+length) of the text.</summary>
    public SeedLocation Locate(int start, int length)
    {
        if (length < 0)
        {
            length = 0;
        }

        int end = start + length;
        int startLine = LineOf(start);
        int endLine = LineOf(end);
        return new SeedLocation(Path, start, length, startLine, start - _starts[startLine], endLine, end - _starts[endLine]);
    }

    /// <summary>A location covering a whole zero-based line (without its break).</summary>
    public SeedLocation LocateLine(int line) => Locate(_starts[line], _lengths[line]);

    private int LineOf(int offset)
    {
        int lo = 0;
        int hi = _starts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_starts[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
