using System.Text;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.IndexBuilder;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The index build step's per-seed cache (<see cref="IndexPieceCache"/>, the tool's files): after an edit the step reads,
/// parses and analyses the edited seed only, and writes the same index file byte for byte as a build without a cache; a
/// damaged, foreign or stale piece is never used.
/// </summary>
public sealed class IndexPieceCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corpussdk-pieces-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Editing_one_seed_reads_that_seed_only_and_writes_the_same_index()
    {
        List<(string Path, byte[] Bytes)> seeds = Seeds(30);
        byte[] expected = IndexFileBuilder.Build(seeds, "Corpus").File;

        var cold = new IndexPieceCache(_folder);
        Assert.Equal(expected, IndexFileBuilder.Build(seeds, "Corpus", null, pieces: cold).File);
        Assert.Equal(30, cold.Indexed.Count);
        Assert.Equal(0, cold.Hits);

        var warm = new IndexPieceCache(_folder);
        Assert.Equal(expected, IndexFileBuilder.Build(seeds, "Corpus", null, pieces: warm).File);
        Assert.Empty(warm.Indexed);
        Assert.Equal(30, warm.Hits);

        // Edit one seed: a word of its last paragraph replaced.
        string text = Encoding.UTF8.GetString(seeds[7].Bytes);
        int at = text.LastIndexOf(' ');
        seeds[7] = (seeds[7].Path, Encoding.UTF8.GetBytes(text[..at] + " كيري" + text[at..]));
        byte[] edited = IndexFileBuilder.Build(seeds, "Corpus").File;
        Assert.NotEqual(expected, edited);
        var edit = new IndexPieceCache(_folder);
        Assert.Equal(edited, IndexFileBuilder.Build(seeds, "Corpus", null, pieces: edit).File);
        Assert.Equal([seeds[7].Path], edit.Indexed);
        Assert.Equal(29, edit.Hits);

        // The edited seed's old piece is no seed's now: removed, one piece per seed is left.
        edit.RemoveOthers();
        Assert.Equal(30, Directory.GetFiles(_folder, "*.piece").Length);
    }

    [Fact]
    public void A_damaged_piece_is_read_again_from_its_seed()
    {
        List<(string Path, byte[] Bytes)> seeds = Seeds(5);
        byte[] expected = IndexFileBuilder.Build(seeds, "Corpus").File;
        IndexFileBuilder.Build(seeds, "Corpus", null, pieces: new IndexPieceCache(_folder));
        string[] files = Directory.GetFiles(_folder, "*.piece");
        Assert.Equal(5, files.Length);
        byte[] damaged = File.ReadAllBytes(files[0]);
        damaged[damaged.Length / 2] ^= 0x20; // one bit in the middle of the piece
        File.WriteAllBytes(files[0], damaged);
        File.WriteAllBytes(files[1], [1, 2, 3]); // cut short

        var cache = new IndexPieceCache(_folder);
        Assert.Equal(expected, IndexFileBuilder.Build(seeds, "Corpus", null, pieces: cache).File);
        Assert.Equal(2, cache.Indexed.Count);
        Assert.Equal(3, cache.Hits);
    }

    [Fact]
    public void A_piece_is_the_seed_at_its_path_with_its_bytes()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("text");
        Assert.NotEqual(IndexPieceCache.Key("/a.txt", bytes), IndexPieceCache.Key("/b.txt", bytes));
        Assert.NotEqual(IndexPieceCache.Key("/a.txt", bytes), IndexPieceCache.Key("/a.txt", Encoding.UTF8.GetBytes("text ")));
        Assert.Equal(IndexPieceCache.Key("/a.txt", bytes), IndexPieceCache.Key("/a.txt", [.. bytes]));

        // Two seeds with the same bytes at two paths: two pieces, each with its own path.
        List<(string Path, byte[] Bytes)> seeds = Seeds(2);
        seeds[1] = ("/seeds/copy.txt", seeds[0].Bytes);
        byte[] expected = IndexFileBuilder.Build(seeds, "Corpus").File;
        IndexFileBuilder.Build(seeds, "Corpus", null, pieces: new IndexPieceCache(_folder));
        var warm = new IndexPieceCache(_folder);
        Assert.Equal(expected, IndexFileBuilder.Build(seeds, "Corpus", null, pieces: warm).File);
        Assert.Equal(2, warm.Hits);
    }

    private static List<(string Path, byte[] Bytes)> Seeds(int count) =>
        [.. SyntheticCorpus.SyntheticCorpus.Generate(count, Vocabulary.FromSeed()).Select(a => ("/seeds/" + a.FileName, Encoding.UTF8.GetBytes(a.Text)))];
}
