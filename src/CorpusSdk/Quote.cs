using System;

namespace CorpusSdk;

/// <summary>An inline quotation (“…” or «…») inside a block.</summary>
public readonly struct Quote : IEquatable<Quote>
{
    /// <summary>Creates a quotation over a range of a block's text. Called by generated code.</summary>
    /// <param name="block">The block that holds it.</param>
    /// <param name="start">Offset of the first quoted character (after the opening mark) in the block's text.</param>
    /// <param name="length">Number of quoted characters (without the marks).</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the block's text.</exception>
    public Quote(Block block, int start, int length)
    {
        Text = block.Text.Slice(start, length);
        BlockIndex = block.Index;
        Start = start;
    }

    /// <summary>The quoted text, without the quotation marks.</summary>
    public CorpusText Text { get; }

    /// <summary>Index of the block in <see cref="Article.Blocks"/>.</summary>
    public int BlockIndex { get; }

    /// <summary>Offset of <see cref="Text"/> in the block's text.</summary>
    public int Start { get; }

    /// <summary>Length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;

    /// <summary>The quoted text as a string (allocates).</summary>
    public override string ToString() => Text.ToString();

    /// <inheritdoc/>
    public bool Equals(Quote other) => BlockIndex == other.BlockIndex && Start == other.Start && Text.Equals(other.Text);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Quote other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BlockIndex, Start, Text);

    /// <summary>Value equality.</summary>
    /// <param name="left">The first quotation.</param>
    /// <param name="right">The second quotation.</param>
    public static bool operator ==(Quote left, Quote right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The first quotation.</param>
    /// <param name="right">The second quotation.</param>
    public static bool operator !=(Quote left, Quote right) => !left.Equals(right);
}
