namespace CorpusSdk.Generators.Model;

/// <summary>Everything the parser understood of one seed; plain values only.</summary>
internal sealed record ArticleSpec(
    string Id,
    string FileName,
    string Title,
    int TitleLine,
    string Author,
    int BylineLine,
    DateSpec Published,
    EquatableArray<BlockSpec> Blocks,
    EquatableArray<QuoteSpec> Quotes,
    EquatableArray<LinkSpec> Links,
    int WordCount);

/// <summary>A calendar date; <see cref="IsValid"/> is false when the byline had none.</summary>
internal readonly record struct DateSpec(int Year, int Month, int Day)
{
    public bool IsValid => Year > 0 && Month > 0 && Day > 0;

    public string ToIsoString() => IsValid
        ? Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" +
          Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "-" +
          Day.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)
        : string.Empty;
}

/// <summary>The kinds of body block; mirrors <c>CorpusSdk.BlockKind</c>.</summary>
internal enum BlockKindSpec
{
    Paragraph,
    Heading,
    PullQuote,
}

/// <summary>One body block. <paramref name="Lines"/> holds the first line of each seed block joined into it.</summary>
internal sealed record BlockSpec(BlockKindSpec Kind, int Index, string Text, EquatableArray<int> Lines)
{
    public int Line => Lines.Count > 0 ? Lines[0] : 0;
}

/// <summary>An inline quotation: a character range of a block's text, without the marks.</summary>
internal sealed record QuoteSpec(int BlockIndex, int Start, int Length, string Text);

/// <summary>An inline link: a character range of a block's text and its target.</summary>
internal sealed record LinkSpec(int BlockIndex, int Start, int Length, string Text, string Target);
