using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using CorpusSdk.Generators.Corpus;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.IndexBuilder;

/// <summary>
/// The index build step's per-seed cache: each seed's index piece (its identity and <see cref="ArticleIndexSpec"/>) in a
/// file of its own, named by a hash of the seed's path, its bytes and this code's version, so that after editing one seed
/// the step reads, parses and analyses that seed only and takes the others' pieces from disk. A piece is used only when
/// its file's own hash checks; anything else (missing, another version, damaged) is a miss and the seed is read again,
/// so the cache can change how long the step takes, never what it writes.
/// </summary>
internal sealed class IndexPieceCache : IIndexPieceStore
{
    private const string Extension = ".piece";
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("CSDKPC2\n");

    // The code that reads seeds and analyses them, as built: another build of it is another cache.
    private static readonly string CodeVersion =
        typeof(IndexPieceCache).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + CorpusFormat.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly string _directory;
    private readonly object _gate = new();
    private readonly List<string> _indexed = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IndexPieceCache(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The paths of the seeds read and analysed in this run (not taken from the cache), in no particular order.</summary>
    public IReadOnlyList<string> Indexed
    {
        get
        {
            lock (_gate)
            {
                return _indexed.ToArray();
            }
        }
    }

    /// <summary>How many pieces came from the cache in this run.</summary>
    public int Hits { get; private set; }

    /// <inheritdoc/>
    public IndexPiece? TryRead(string path, byte[] bytes, out string key)
    {
        key = Key(path, bytes);
        lock (_gate)
        {
            _used.Add(key);
        }

        return TryRead(key);
    }

    /// <summary>The cache key of a seed: its path, its bytes and the code's version.</summary>
    public static string Key(string path, byte[] bytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(CodeVersion + "\0" + path + "\0"));
        sha.AppendData(bytes);
        return Convert.ToHexString(sha.GetHashAndReset(), 0, 20).ToLowerInvariant();
    }

    /// <summary>The piece stored under <paramref name="key"/>, or null when there is none that checks.</summary>
    private IndexPiece? TryRead(string key)
    {
        string file = Path.Combine(_directory, key + Extension);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            byte[] bytes = File.ReadAllBytes(file);
            int payload = bytes.Length - 32;
            if (payload < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                return null;
            }

            if (!SHA256.HashData(bytes.AsSpan(0, payload)).AsSpan().SequenceEqual(bytes.AsSpan(payload)))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, payload - Magic.Length), Encoding.UTF8);
            if (reader.ReadString() != key)
            {
                return null;
            }

            IndexPiece piece = ReadPiece(reader);
            lock (_gate)
            {
                Hits++;
            }

            return piece;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public void Write(string key, string path, IndexPiece? piece)
    {
        lock (_gate)
        {
            _indexed.Add(path);
        }

        if (piece is null)
        {
            return; // a seed that does not parse is read again next time (its diagnostics are the generator's to report)
        }

        try
        {
            using var stream = new MemoryStream();
            stream.Write(Magic, 0, Magic.Length);
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(key);
                WritePiece(writer, piece);
            }

            byte[] hash = SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length));
            stream.Write(hash, 0, hash.Length);
            string file = Path.Combine(_directory, key + Extension);
            string temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, stream.ToArray());
            File.Copy(temporary, file, overwrite: true);
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk: the step still writes a correct index, only slower next time.
        }
    }

    /// <summary>Deletes the pieces no seed of this run asked for (seeds gone or changed), so the cache holds one corpus.</summary>
    public void RemoveOthers()
    {
        HashSet<string> keep;
        lock (_gate)
        {
            keep = new HashSet<string>(_used, StringComparer.Ordinal);
        }

        foreach (string file in Directory.EnumerateFiles(_directory))
        {
            string name = Path.GetFileName(file);
            bool piece = name.EndsWith(Extension, StringComparison.Ordinal);
            if ((piece && !keep.Contains(name.Substring(0, name.Length - Extension.Length))) || name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static void WritePiece(BinaryWriter w, IndexPiece piece)
    {
        w.Write(piece.Id);
        w.Write(piece.MemberName);
        w.Write(piece.ContentSha256);
        ArticleIndexSpec index = piece.Index;
        w.Write(index.Id);
        w.Write(index.Path);
        w.Write(index.Author);
        w.Write(index.PublishedDay);
        w.Write(index.Parts.Count);
        foreach (PartSpec part in index.Parts)
        {
            w.Write(part.Block);
            w.Write(part.LuceneLength);
            WriteInts(w, part.Starts);
            WriteInts(w, part.Lengths);
        }

        w.Write(index.Terms.Count);
        foreach (TermPostings term in index.Terms)
        {
            w.Write((int)term.Mode);
            w.Write(term.Term);
            w.Write(term.Forms);
            WriteInts(w, term.Tokens);
        }
    }

    private static IndexPiece ReadPiece(BinaryReader r)
    {
        string id = r.ReadString(), member = r.ReadString(), sha = r.ReadString();
        string indexId = r.ReadString(), path = r.ReadString(), author = r.ReadString();
        int day = r.ReadInt32();
        var parts = new PartSpec[Count(r)];
        for (int i = 0; i < parts.Length; i++)
        {
            int block = r.ReadInt32(), lucene = r.ReadInt32();
            parts[i] = new PartSpec(block, ReadInts(r), ReadInts(r), lucene);
        }

        var terms = new TermPostings[Count(r)];
        for (int i = 0; i < terms.Length; i++)
        {
            int mode = r.ReadInt32();
            if (mode < 0 || mode >= CorpusIndex.ModeCount)
            {
                throw new InvalidDataException("mode " + mode);
            }

            string term = r.ReadString();
            int forms = r.ReadInt32();
            terms[i] = new TermPostings((IndexMode)mode, term, forms, ReadInts(r));
        }

        return new IndexPiece(id, member, sha, new ArticleIndexSpec(indexId, path, author, day, new EquatableArray<PartSpec>(parts), new EquatableArray<TermPostings>(terms)));
    }

    // Ascending runs (word starts, positions) as 7-bit varints of their differences from the previous value (first from 0);
    // the sign of a difference is folded (zigzag), so any sequence round-trips.
    private static void WriteInts(BinaryWriter w, EquatableArray<int> values)
    {
        w.Write(values.Count);
        int previous = 0;
        foreach (int value in values)
        {
            long delta = (long)value - previous;
            ulong zigzag = (ulong)((delta << 1) ^ (delta >> 63));
            while (zigzag >= 0x80)
            {
                w.Write((byte)(zigzag | 0x80));
                zigzag >>= 7;
            }

            w.Write((byte)zigzag);
            previous = value;
        }
    }

    private static EquatableArray<int> ReadInts(BinaryReader r)
    {
        var values = new int[Count(r)];
        long previous = 0;
        for (int i = 0; i < values.Length; i++)
        {
            ulong zigzag = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 63)
                {
                    throw new InvalidDataException("varint");
                }

                byte b = r.ReadByte();
                zigzag |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            long delta = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            previous += delta;
            values[i] = checked((int)previous);
        }

        return new EquatableArray<int>(values);
    }

    private static int Count(BinaryReader r)
    {
        int count = r.ReadInt32();
        if (count < 0 || count > r.BaseStream.Length)
        {
            throw new InvalidDataException("count " + count);
        }

        return count;
    }
}
