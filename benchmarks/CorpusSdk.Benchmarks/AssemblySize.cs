using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CorpusSdk.Benchmarks;

/// <summary>What the compiled corpora's assemblies are made of: file size, string literals (#US heap), metadata, the rest.</summary>
internal static class AssemblySize
{
    public static int Run()
    {
        Console.WriteLine("| assembly | articles | file | string literals (#US heap) | other metadata | IL, u8 literal data and PE headers |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Print(typeof(CorpusSdk.Seeds.Corpus).Assembly.Location, CorpusSdk.Seeds.Corpus.Articles.Count);
        Print(typeof(CorpusSdk.Benchmarks.Corpus1000.Corpus).Assembly.Location, CorpusSdk.Benchmarks.Corpus1000.Corpus.Articles.Count);
        return 0;
    }

    private static void Print(string path, int articles)
    {
        using FileStream stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        long file = stream.Length;
        int userStrings = metadata.GetHeapSize(HeapIndex.UserString);
        int metadataSize = pe.PEHeaders.MetadataSize;
        Console.WriteLine($"| {Path.GetFileName(path)} | {articles:N0} | {Mb(file)} | {Mb(userStrings)} | {Mb(metadataSize - userStrings)} | {Mb(file - metadataSize)} |");
    }

    private static string Mb(long bytes) => bytes >= 1024 * 1024
        ? FormattableString.Invariant($"{bytes / 1024.0 / 1024.0:N2} MiB")
        : FormattableString.Invariant($"{bytes / 1024.0:N1} KiB");
}
