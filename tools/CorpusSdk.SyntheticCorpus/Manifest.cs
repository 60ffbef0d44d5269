using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorpusSdk.SyntheticCorpus;

/// <summary>What one generated seed must parse to (docs/seed-format.md), known from how it was built.</summary>
/// <param name="Id">The file name without extension.</param>
/// <param name="File">The file name.</param>
/// <param name="Title">The title line, trimmed.</param>
/// <param name="Author">The byline's author.</param>
/// <param name="Published">The byline's date, yyyy-MM-dd.</param>
/// <param name="Blocks">The body blocks in order (a split paragraph is one block).</param>
/// <param name="Quotes">Inline quotations, ordered by block, then start, outer before inner.</param>
/// <param name="Links">Inline links in reading order.</param>
public sealed record ExpectedArticle(
    string Id,
    string File,
    string Title,
    string Author,
    string Published,
    IReadOnlyList<ExpectedBlock> Blocks,
    IReadOnlyList<ExpectedQuote> Quotes,
    IReadOnlyList<ExpectedLink> Links);

/// <summary>A body block.</summary>
/// <param name="Kind">Paragraph, Heading or PullQuote.</param>
/// <param name="Text">Its text: lines joined by one space, links reduced to their text, quotation marks kept.</param>
/// <param name="Parts">How many seed blocks (separated by blank lines) it was written as: 2 for a split paragraph.</param>
public sealed record ExpectedBlock(string Kind, string Text, int Parts);

/// <summary>An inline quotation, without its marks.</summary>
/// <param name="Block">The block index.</param>
/// <param name="Start">Offset of the quoted text in the block's text.</param>
/// <param name="Text">The quoted text.</param>
public sealed record ExpectedQuote(int Block, int Start, string Text);

/// <summary>An inline link.</summary>
/// <param name="Block">The block index.</param>
/// <param name="Start">Offset of the link text in the block's text.</param>
/// <param name="Text">The link text.</param>
/// <param name="Target">The target.</param>
public sealed record ExpectedLink(int Block, int Start, string Text, string Target);

/// <summary>The manifest file: how the corpus was made and every article's expected structure.</summary>
/// <param name="Generator">The tool's name.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Count">Number of articles.</param>
/// <param name="Vocabulary">Where the words came from.</param>
/// <param name="Articles">Every article, in file-name order.</param>
public sealed record Manifest(string Generator, int Seed, int Count, string Vocabulary, IReadOnlyList<ExpectedArticle> Articles)
{
    /// <summary>The manifest's file name inside the output directory.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Arabic stays readable
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes the manifest as indented UTF-8 JSON.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        using FileStream stream = System.IO.File.Create(path);
        JsonSerializer.Serialize(stream, this, Options);
    }

    /// <summary>Reads a manifest written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    public static Manifest Load(string path)
    {
        using FileStream stream = System.IO.File.OpenRead(path);
        return JsonSerializer.Deserialize<Manifest>(stream, Options) ?? throw new InvalidDataException($"'{path}' is not a manifest.");
    }
}
