using System;
using System.ComponentModel;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace CorpusSdk;

/// <summary>
/// A compiled search index read from a manifest resource of the corpus assembly (written at build time by the CorpusSdk
/// build step, <see cref="IndexFile"/>). The resource is read in place from the loaded image: nothing is copied or
/// decoded at start-up, and the first use reads only its header. Generated code derives from it; see
/// docs/architecture.md ("Where the index lives").
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract unsafe class ResourceIndexData : CorpusIndexData
{
    private readonly Assembly? _assembly;
    private readonly string _resourceName;
    private readonly string _contentHash;
    private readonly byte[]? _bytes;
    private Loaded? _loaded;

    /// <summary>An index in the resource <paramref name="resourceName"/> of <paramref name="assembly"/>. Called by generated code.</summary>
    /// <param name="assembly">The corpus assembly.</param>
    /// <param name="resourceName">The resource's logical name.</param>
    /// <param name="contentHash">The corpus's content hash: the resource must have been built from the same seeds.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    protected ResourceIndexData(Assembly assembly, string resourceName, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentNullException.ThrowIfNull(contentHash);
        _assembly = assembly;
        _resourceName = resourceName;
        _contentHash = contentHash;
    }

    /// <summary>An index file held in an array (tools and tests that build one in memory); the array is pinned for the object's life.</summary>
    /// <param name="file">The index file's bytes.</param>
    /// <param name="contentHash">The corpus's content hash: the file must have been built from the same seeds.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    protected ResourceIndexData(byte[] file, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(contentHash);
        _bytes = file;
        _resourceName = "index file";
        _contentHash = contentHash;
    }

    /// <summary>The format version in the resource's header (read on first use).</summary>
    /// <exception cref="CorpusFormatException">The resource is missing, is not an index, or was built from other seeds.</exception>
    public sealed override int FormatVersion => Load().FormatVersion;

    /// <inheritdoc/>
    public sealed override ReadOnlySpan<byte> GetSection(IndexSection section, SearchMode mode)
    {
        Loaded loaded = _loaded ?? Load();
        (int offset, int length) = loaded.Sections[IndexFile.Slot(section, mode)];
        return new ReadOnlySpan<byte>(loaded.Start + offset, length);
    }

    private Loaded Load()
    {
        Loaded? loaded = Volatile.Read(ref _loaded);
        if (loaded is not null)
        {
            return loaded;
        }

        loaded = _bytes is not null ? FromArray(_bytes, () => _resourceName) : FromResource(_assembly!, _resourceName);
        var header = IndexFile.Read(new ReadOnlySpan<byte>(loaded.Start, checked((int)loaded.Length)), loaded.Describe, out var sections);
        loaded.FormatVersion = header.FormatVersion;
        loaded.Sections = sections;
        if (header.FormatVersion == CorpusFormat.Version && !string.Equals(header.ContentHash, _contentHash, StringComparison.Ordinal))
        {
            throw new CorpusFormatException(
                loaded.Describe() + " was built from other seeds than the corpus compiled beside it (index content hash " + header.ContentHash + ", corpus " + _contentHash +
                "). Rebuild the project; if it persists, report it: the build step and the generator read the seeds differently.");
        }

        Interlocked.CompareExchange(ref _loaded, loaded, null);
        return _loaded!;
    }

    private static Loaded FromResource(Assembly assembly, string name)
    {
        // Named only to throw: Assembly.GetName() builds a CultureInfo, whose first use loads ICU (~6 ms of start-up).
        Func<string> what = () => "The search index resource '" + name + "' of " + assembly.GetName().Name;
        Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new CorpusFormatException(what() + " is missing: the CorpusSdk build step that writes it did not run (CorpusSdkIndexStorage=Resource needs the CorpusSdk package's build files; see docs/architecture.md, \"Where the index lives\").");
        if (stream is UnmanagedMemoryStream image)
        {
            // The resource inside the loaded image: read in place for the life of the process.
            return new Loaded(image.PositionPointer, image.Length, what, image);
        }

        using (stream)
        {
            // Another host's stream: one copy, in the pinned heap, so it never moves.
            var copy = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length), pinned: true);
            stream.ReadExactly(copy);
            return new Loaded((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(copy)), copy.Length, what, copy);
        }
    }

    private static Loaded FromArray(byte[] bytes, Func<string> what)
    {
        // Pinned for the object's life; the handle is never freed, as the array lives as long as the corpus.
        var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        return new Loaded((byte*)handle.AddrOfPinnedObject(), bytes.Length, what, bytes);
    }

    private sealed class Loaded
    {
        public Loaded(byte* start, long length, Func<string> what, object owner)
        {
            Start = start;
            Length = length;
            Describe = what;
            Owner = owner;
        }

        public byte* Start { get; }

        public long Length { get; }

        /// <summary>What the bytes are, for messages (made on demand).</summary>
        public Func<string> Describe { get; }

        /// <summary>Keeps the stream or array alive.</summary>
        public object Owner { get; }

        public int FormatVersion { get; set; }

        public (int Offset, int Length)[] Sections { get; set; } = null!; // set by Load before the object is published
    }
}
