using System;

namespace CorpusSdk;

/// <summary>An inline link (<c>[text](target)</c> in the seed) inside a block.</summary>
public readonly struct Link : IEquatable<Link>
{
    /// <summary>Creates a link over a range of a block's text. Called by generated code.</summary>
    /// <param name="block">The block that holds it.</param>
    /// <param name="start">Offset of the link text in the block's text.</param>
    /// <param name="length">Length of the link text.</param>
    /// <param name="target">The link target, as written in the seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the block's text.</exception>
    public Link(Block block, int start, int length, string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Text = block.Text.Slice(start, length);
        BlockIndex = block.Index;
        Start = start;
        Target = target;
    }

    /// <summary>The link text as it appears in the block.</summary>
    public CorpusText Text { get; }

    /// <summary>The target as written in the seed (not validated as a URI; treat it as untrusted).</summary>
    public string Target { get; }

    /// <summary>Index of the block in <see cref="Article.Blocks"/>.</summary>
    public int BlockIndex { get; }

    /// <summary>Offset of <see cref="Text"/> in the block's text.</summary>
    public int Start { get; }

    /// <summary>Length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;

    /// <summary>The link text as a string (allocates).</summary>
    public override string ToString() => Text.ToString();

    /// <inheritdoc/>
    public bool Equals(Link other) =>
        BlockIndex == other.BlockIndex && Start == other.Start && Text.Equals(other.Text) && string.Equals(Target, other.Target, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Link other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BlockIndex, Start, Text, Target);

    /// <summary>Value equality.</summary>
    /// <param name="left">The first link.</param>
    /// <param name="right">The second link.</param>
    public static bool operator ==(Link left, Link right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The first link.</param>
    /// <param name="right">The second link.</param>
    public static bool operator !=(Link left, Link right) => !left.Equals(right);
}
