using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The article layout (src/CorpusSdk/Data/ArticleLayout.cs) round-trips: random articles written by the generator's
/// writer and read back by the runtime's <see cref="Article.FromUtf8"/>, field by field.
/// </summary>
public sealed class ArticleLayoutTests
{
    // Arabic letters and marks, ASCII, a combining mark, ZWJ, a bidi mark, a non-BMP letter and emoji (surrogate pairs).
    private static readonly string[] Pieces =
    [
        "ك", "ت", "ب", "ه", "َ", "ّ", " ", "،", "a", "Z", "7", ".", "\"", "\\", "\n", "\u0301", "\u200D", "\u200F", "\u00A0",
        "𝐀", "😀", "𐎀", "\u2028", "٣", "€",
    ];

    [Fact]
    public void Random_articles_round_trip_through_the_writer_and_the_reader()
    {
        int blockLayouts = 0;
        for (int seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            Expected article = RandomArticle(random, seed);
            var (layout, text) = ArticleLayout.Write(
                article.Published, article.TitleLine, article.BylineLine, article.WordCount, article.Title, article.Author,
                article.Blocks, article.Quotes, article.Links);
            Assert.All(layout, c => Assert.True(c < 0x80, "The layout is ASCII."));
            blockLayouts += layout.Length > 0 && layout[0] == IndexInts.BlocksMarker ? 1 : 0;
            byte[] data = Encoding.UTF8.GetBytes(layout + text);

            Article read = Article.FromUtf8(CorpusFormat.Version, "a" + seed, layout.Length, data);

            string context = "seed " + seed;
            Assert.True(article.Title == read.Title.ToString(), context);
            Assert.True(article.Author == read.Author.ToString(), context);
            Assert.True(article.TitleLine == read.TitleLine && article.BylineLine == read.BylineLine && article.WordCount == read.WordCount, context);
            Assert.True(
                (article.Published.Year == 0 ? default : new DateOnly(article.Published.Year, article.Published.Month, article.Published.Day)) == read.Published,
                context);
            Assert.True(article.Blocks.Count == read.Blocks.Count, context);
            for (int b = 0; b < article.Blocks.Count; b++)
            {
                Block block = read.Blocks[b];
                Assert.True((BlockKind)article.Blocks[b].Kind == block.Kind && article.Blocks[b].Line == block.Line && b == block.Index, context);
                Assert.True(article.Blocks[b].Text == block.ToString(), context + ", block " + b);
            }

            Assert.Equal(article.Quotes, read.Quotes.AsEnumerable().Select(q => (q.BlockIndex, q.Start, q.Length)).ToList());
            Assert.Equal(article.Links, read.Links.AsEnumerable().Select(l => (l.BlockIndex, l.Start, l.Length, l.Target)).ToList());
        }

        Assert.True(blockLayouts >= 10, blockLayouts + " layouts in the codec's block layout: both layouts must be read back");
    }

    [Fact]
    public void An_article_without_anything_round_trips()
    {
        var (layout, text) = ArticleLayout.Write((0, 0, 0), 0, 0, 0, string.Empty, string.Empty, [], [], []);
        Assert.Equal(string.Empty, text);
        Article read = Article.FromUtf8(CorpusFormat.Version, "empty", layout.Length, Encoding.UTF8.GetBytes(layout));
        Assert.Equal(string.Empty, read.Title.ToString());
        Assert.Equal(default, read.Published);
        Assert.Empty(read.Blocks);
    }

    [Fact]
    public void Malformed_utf8_data_is_an_argument_exception_naming_the_article()
    {
        var (layout, text) = ArticleEmitter.Utf8Data(SeedParser.Parse("seeds/x.txt", TestFiles.RealSeed).Article!);
        byte[] data = Encoding.UTF8.GetBytes(layout + text);
        Article article = Article.FromUtf8(CorpusFormat.Version, "x", layout.Length, data);
        Assert.Equal(18, article.Blocks.Count);
        Assert.Equal(3, article.Links.Count);

        var bad = new (byte[] Data, int LayoutBytes)[]
        {
            ([], 0),
            ([], 1),
            ("9"u8.ToArray(), 1),
            (data, layout.Length - 1), // the layout cut short
            (data, layout.Length + 1), // the text cut short
            (data[..(data.Length - 1)], layout.Length),
            (data[..(layout.Length + ((data.Length - layout.Length) / 3))], layout.Length),
            (Encoding.UTF8.GetBytes(layout + text + "x"), layout.Length), // text left over
        };
        foreach (var (bytes, layoutBytes) in bad)
        {
            var error = Assert.Throws<ArgumentException>(() => Article.FromUtf8(CorpusFormat.Version, "x", layoutBytes, bytes));
            Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Data_of_another_format_is_refused_before_it_is_read()
    {
        var (layout, text) = ArticleEmitter.Utf8Data(SeedParser.Parse("seeds/x.txt", TestFiles.RealSeed).Article!);
        byte[] data = Encoding.UTF8.GetBytes(layout + text);
        foreach (int other in new[] { CorpusFormat.Version - 1, CorpusFormat.Version + 1, 0 })
        {
            var error = Assert.Throws<CorpusFormatException>(() => Article.FromUtf8(other, "x", layout.Length, data));
            Assert.Equal(other, error.DataVersion);
            Assert.Equal(CorpusFormat.Version, error.RuntimeVersion);
            Assert.Contains("Article 'x' was compiled with CorpusSdk corpus format " + other + ";", error.Message, StringComparison.Ordinal);
            Assert.Contains("reads format " + CorpusFormat.Version + " only", error.Message, StringComparison.Ordinal);
            Assert.Contains(other > CorpusFormat.Version ? "Update the CorpusSdk package" : "Rebuild the corpus", error.Message, StringComparison.Ordinal);
        }
    }

    private static Expected RandomArticle(Random random, int seed)
    {
        var blocks = new List<(int Kind, int Line, string Text)>();
        var quotes = new List<(int Block, int Start, int Length)>();
        var links = new List<(int Block, int Start, int Length, string Target)>();
        // Every 10th article has many blocks: a layout of hundreds of values, which the codec may write in blocks.
        int blockCount = seed % 10 == 1 ? random.Next(100, 200) : random.Next(4) == 0 ? 0 : random.Next(1, 30);
        for (int b = 0; b < blockCount; b++)
        {
            // Every 25th article has a long block (over 64 KiB of UTF-8 in some: wider integers).
            string text = RandomText(random, seed % 25 == 0 && b == 0 ? 40_000 : random.Next(3) == 0 ? 0 : random.Next(1, 400));
            blocks.Add((random.Next(3), random.Next(1, 100_000), text));
            for (int k = random.Next(3); k > 0 && text.Length > 0; k--)
            {
                int start = random.Next(text.Length + 1);
                quotes.Add((b, start, random.Next(text.Length - start + 1)));
            }

            for (int k = random.Next(3); k > 0; k--)
            {
                int start = random.Next(text.Length + 1);
                links.Add((b, start, random.Next(text.Length - start + 1), RandomText(random, random.Next(0, 80))));
            }
        }

        bool dated = random.Next(5) != 0;
        return new Expected(
            dated ? (random.Next(1, 10_000), random.Next(1, 13), random.Next(1, 29)) : (0, 0, 0),
            random.Next(0, 1_000), random.Next(0, 1_000), random.Next(0, 1 << 20),
            RandomText(random, random.Next(0, 120)), RandomText(random, random.Next(0, 40)),
            blocks, quotes, links);
    }

    private static string RandomText(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private sealed record Expected(
        (int Year, int Month, int Day) Published,
        int TitleLine,
        int BylineLine,
        int WordCount,
        string Title,
        string Author,
        List<(int Kind, int Line, string Text)> Blocks,
        List<(int Block, int Start, int Length)> Quotes,
        List<(int Block, int Start, int Length, string Target)> Links);
}
