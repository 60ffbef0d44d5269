using System;

namespace CorpusSdk;

/// <summary>A body block of an article: a paragraph, heading or pull quote.</summary>
public readonly struct Block : IEquatable<Block>
{
    /// <summary>Creates a block. Called by generated code.</summary>
    /// <param name="kind">What the block is.</param>
    /// <param name="index">Its position in <see cref="Article.Blocks"/>.</param>
    /// <param name="line">The 1-based seed line where it starts.</param>
    /// <param name="text">Its text, with link markup reduced to the link text.</param>
    public Block(BlockKind kind, int index, int line, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Kind = kind;
        Index = index;
        Line = line;
        Text = new CorpusText(text);
    }

    /// <summary>Paragraph, heading or pull quote.</summary>
    public BlockKind Kind { get; }

    /// <summary>Position in <see cref="Article.Blocks"/>.</summary>
    public int Index { get; }

    /// <summary>The 1-based line of the seed file where the block starts.</summary>
    public int Line { get; }

    /// <summary>The text (links reduced to their text, quotation marks kept).</summary>
    public CorpusText Text { get; }

    /// <summary>The text as a string (does not allocate: a block's text is stored whole).</summary>
    public override string ToString() => Text.ToString();

    /// <inheritdoc/>
    public bool Equals(Block other) => Kind == other.Kind && Index == other.Index && Line == other.Line && Text.Equals(other.Text);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Block other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Index, Line, Text);

    /// <summary>Value equality.</summary>
    /// <param name="left">The first block.</param>
    /// <param name="right">The second block.</param>
    public static bool operator ==(Block left, Block right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The first block.</param>
    /// <param name="right">The second block.</param>
    public static bool operator !=(Block left, Block right) => !left.Equals(right);
}
