using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace CorpusSdk;

/// <summary>
/// The search index as one file, embedded in the corpus assembly as a manifest resource (the default since format 2's
/// index moved out of <c>"…"u8</c> literals: docs/architecture.md, "Where the index lives"). One source, compiled into
/// the runtime (reader) and linked into the generator and the index build step (writer), so both agree on every byte.
/// Little-endian:
/// <code>
/// magic "CSDKIDX\n" (8 bytes) | format version (int32) | article count (int32) | content hash (64 ASCII hex digits)
/// | section count (int32) | per section: name length (int32), name (ASCII), mode (int32, -1: corpus-wide), offset (int32), length (int32)
/// | the sections' bytes, each at an offset that is a multiple of 8
/// </code>
/// A section's bytes are exactly those a <c>"…"u8</c> literal of the same section holds (<see cref="IndexInts"/>, UTF-8 terms),
/// so the engine reads both storages the same way.
/// </summary>
internal static class IndexFile
{
    /// <summary>The first 8 bytes of every index file.</summary>
    public static ReadOnlySpan<byte> Magic => "CSDKIDX\n"u8;

    /// <summary>Length of the content hash: SHA-256 as lower-case hex.</summary>
    public const int HashLength = 64;

    /// <summary>Bytes before the section table: magic, version, article count, hash, section count.</summary>
    public const int HeaderLength = 8 + 4 + 4 + HashLength + 4;

    /// <summary>Sections start at multiples of this.</summary>
    public const int Alignment = 8;

#if CORPUSSDK_GENERATOR
    /// <summary>Writes an index file: the header, then every section (name, mode or null, bytes) in the order given.</summary>
    public static byte[] Write(int formatVersion, int articleCount, string contentHash, IReadOnlyList<(string Name, int Mode, byte[] Bytes)> sections)
    {
        if (contentHash.Length != HashLength)
        {
            throw new ArgumentException("The content hash must be " + HashLength + " hex digits.", nameof(contentHash));
        }

        int table = 0;
        foreach (var section in sections)
        {
            table += 16 + Encoding.ASCII.GetByteCount(section.Name);
        }

        int offset = Align(HeaderLength + table);
        var offsets = new int[sections.Count];
        for (int i = 0; i < sections.Count; i++)
        {
            offsets[i] = offset;
            offset = Align(checked(offset + sections[i].Bytes.Length));
        }

        var file = new byte[offset];
        Span<byte> span = file;
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(8), formatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(12), articleCount);
        Encoding.ASCII.GetBytes(contentHash, 0, HashLength, file, 16);
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(16 + HashLength), sections.Count);
        int at = HeaderLength;
        for (int i = 0; i < sections.Count; i++)
        {
            byte[] name = Encoding.ASCII.GetBytes(sections[i].Name);
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at), name.Length);
            name.CopyTo(span.Slice(at + 4));
            at += 4 + name.Length;
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at), sections[i].Mode);
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at + 4), offsets[i]);
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at + 8), sections[i].Bytes.Length);
            at += 12;
            sections[i].Bytes.CopyTo(span.Slice(offsets[i]));
        }

        return file;
    }

    private static int Align(int value) => checked((value + Alignment - 1) / Alignment * Alignment);
#else
    /// <summary>Reads the header and the section table; throws <see cref="CorpusFormatException"/> where the bytes are not an index file.</summary>
    /// <param name="file">The whole file.</param>
    /// <param name="what">What the file is, for messages (e.g. the resource and assembly names); called only to throw.</param>
    /// <param name="sections">Per <see cref="IndexSection"/> × mode slot (<see cref="Slot"/>): offset and length; (0, 0) when absent.</param>
    /// <returns>The format version, the article count and the content hash.</returns>
    public static (int FormatVersion, int ArticleCount, string ContentHash) Read(ReadOnlySpan<byte> file, Func<string> what, out (int Offset, int Length)[] sections)
    {
        if (file.Length < HeaderLength || !file.Slice(0, 8).SequenceEqual(Magic))
        {
            throw new CorpusFormatException(what() + " is not a CorpusSdk search index (its first bytes are not \"CSDKIDX\").");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(8));
        int articles = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(12));
        // A char loop, not Encoding.ASCII: the first use of an Encoding costs a process ~4 ms.
        Span<char> hashChars = stackalloc char[HashLength];
        for (int i = 0; i < HashLength; i++)
        {
            hashChars[i] = (char)file[16 + i];
        }

        string hash = hashChars.ToString();
        int count = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(16 + HashLength));
        sections = new (int, int)[SlotCount];
        if (version != CorpusFormat.Version)
        {
            return (version, articles, hash); // the caller reports the version; nothing else is read
        }

        int at = HeaderLength;
        for (int i = 0; i < count; i++)
        {
            int nameLength = Int(file, at, what);
            if (nameLength < 0 || at + 4 + nameLength + 12 > file.Length)
            {
                throw Corrupt(what);
            }

            int section = SectionNumber(file.Slice(at + 4, nameLength));
            at += 4 + nameLength;
            int mode = Int(file, at, what);
            int offset = Int(file, at + 4, what);
            int length = Int(file, at + 8, what);
            at += 12;
            if (offset < 0 || length < 0 || offset > file.Length - length)
            {
                throw Corrupt(what);
            }

            // A section this runtime does not know is skipped: readers ignore what a later writer adds within one format.
            if (section >= 0 && mode >= -1 && mode < ModeCount)
            {
                sections[Slot((IndexSection)section, mode < 0 ? SearchMode.Default : (SearchMode)mode)] = (offset, length);
            }
        }

        return (version, articles, hash);
    }

    /// <summary>The <see cref="IndexSection"/> named <paramref name="name"/>, or -1.</summary>
    /// <remarks>A loop over the names' ASCII bytes, not <c>Enum.TryParse</c> over decoded strings: its generic instantiation costs the first query JIT work that ReadyToRun cannot precompile.</remarks>
    private static int SectionNumber(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < SectionNames.Length; i++)
        {
            string candidate = SectionNames[i];
            if (candidate.Length == name.Length)
            {
                int c = 0;
                while (c < name.Length && name[c] == candidate[c])
                {
                    c++;
                }

                if (c == name.Length)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>The names of <see cref="IndexSection"/>, in value order.</summary>
    internal static readonly string[] SectionNames =
    [
        nameof(IndexSection.PartArticles), nameof(IndexSection.PartBlocks), nameof(IndexSection.PartFirstTokens),
        nameof(IndexSection.PartLuceneStarts), nameof(IndexSection.ArticleFirstParts), nameof(IndexSection.ArticleAuthors),
        nameof(IndexSection.ArticleDays), nameof(IndexSection.Authors), nameof(IndexSection.AuthorOffsets),
        nameof(IndexSection.TokenStarts), nameof(IndexSection.TokenLengths), nameof(IndexSection.Terms),
        nameof(IndexSection.TermOffsets), nameof(IndexSection.TermPostings), nameof(IndexSection.PostingParts),
        nameof(IndexSection.PostingEnds), nameof(IndexSection.Positions), nameof(IndexSection.TermTitleArticles),
        nameof(IndexSection.TermBodyArticles), nameof(IndexSection.TermBlocks), nameof(IndexSection.TermArticlePostings),
        nameof(IndexSection.ArticleDocs), nameof(IndexSection.ArticleTitleFreqs), nameof(IndexSection.ArticleBodyFreqs),
        nameof(IndexSection.ArticleBlockBounds), nameof(IndexSection.PairMinArticles), nameof(IndexSection.PairStarts),
        nameof(IndexSection.PairSeconds), nameof(IndexSection.PairArticlePostings),
    ];

    /// <summary>Where a section of a mode is in the table <see cref="Read"/> fills; corpus-wide sections use mode 0.</summary>
    public static int Slot(IndexSection section, SearchMode mode) => ((int)section * ModeCount) + (IsPerMode(section) ? (int)mode : 0);

    private const int ModeCount = 4;

    private static int SlotCount => (((int)IndexSection.PairArticlePostings) + 1) * ModeCount;

    private static bool IsPerMode(IndexSection section) => section >= IndexSection.Terms;

    private static int Int(ReadOnlySpan<byte> file, int at, Func<string> what) =>
        at >= 0 && at <= file.Length - 4 ? BinaryPrimitives.ReadInt32LittleEndian(file.Slice(at)) : throw Corrupt(what);

    private static CorpusFormatException Corrupt(Func<string> what) =>
        new(what() + " is damaged: its section table points outside the file. Rebuild the corpus.");
#endif
}
