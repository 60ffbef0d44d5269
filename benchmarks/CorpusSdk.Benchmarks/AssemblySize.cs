using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// Index bytes in the corpus assembly per MB of seed text, beside Lucene.NET's index of the same corpus
/// (same run): seed text as the tool writes it, the compiled index (every section of every mode), the
/// whole assembly, Lucene's RAMDirectory after merging to one segment.
/// </summary>
internal static class AssemblySize
{
    public static int Run()
    {
        Console.WriteLine("| articles | seed text | our index in the assembly | per MB of seed text | whole assembly | Lucene index (RAMDirectory) | per MB of seed text | ours / Lucene | Lucene build |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (int size in Corpora.Sizes)
        {
            long seed = SyntheticCorpus.SyntheticCorpus.Generate(size, Vocabulary.FromSeed())
                .Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text) + (a.Bom ? 3 : 0));
            long index = Corpora.IsCompiled(size) ? IndexBytes(Corpora.Engine(size)) : InMemoryCorpus.For(size).IndexBytes;
            string assembly = Corpora.IsCompiled(size) ? Mb(new FileInfo(Corpora.AssemblyPath(size)).Length) : "not compiled (index built in memory)";
            var clock = Stopwatch.StartNew();
            long lucene = new LuceneIndex(Corpora.Texts(size)).SizeInBytes;
            double build = clock.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"| {size:N0} | {Mb(seed)} | {Mb(index)} | {index / (double)seed:N2} MB | {assembly} | {Mb(lucene)} | {lucene / (double)seed:N2} MB | {index / (double)lucene:N2} | {build:N1} s |"));
        }

        Console.WriteLine();
        Console.WriteLine("Sections at 1,000 articles (every mode summed): every section fixed, as written, every section that gains in the block layout:");
        Console.WriteLine();
        Console.WriteLine("| section | fixed | as written | all blocked | all blocked / fixed |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        InMemoryCorpus fixedLayout = InMemoryCorpus.For(1000, IndexLayout.Fixed);
        InMemoryCorpus written = InMemoryCorpus.For(1000);
        InMemoryCorpus blocked = InMemoryCorpus.For(1000, IndexLayout.AllBlocked);
        foreach ((string name, long bytes) in fixedLayout.Sections.OrderByDescending(s => s.Value))
        {
            Console.WriteLine(FormattableString.Invariant($"| {name} | {bytes:N0} | {written.Sections[name]:N0} | {blocked.Sections[name]:N0} | {blocked.Sections[name] / (double)bytes:N2} |"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"| **all** (per MB of seed text) | {fixedLayout.IndexBytes:N0} ({fixedLayout.IndexBytes / (double)fixedLayout.SeedBytes:N2} MB) | {written.IndexBytes:N0} ({written.IndexBytes / (double)written.SeedBytes:N2} MB) | {blocked.IndexBytes:N0} ({blocked.IndexBytes / (double)blocked.SeedBytes:N2} MB) | {blocked.IndexBytes / (double)fixedLayout.IndexBytes:N2} |"));
        return 0;
    }

    /// <summary>The bytes of every index section (the per-mode ones in each mode), read through the engine's index data.</summary>
    private static long IndexBytes(CorpusSearch engine)
    {
        // The engine keeps its CorpusIndexData private; the benchmark reads it by reflection.
        var data = (CorpusIndexData)typeof(CorpusSearch).GetField("_data", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(engine)!;
        long bytes = 0;
        foreach (IndexSection section in Enum.GetValues<IndexSection>())
        {
            bool perMode = section >= IndexSection.Terms;
            foreach (SearchMode mode in perMode ? Enum.GetValues<SearchMode>() : [SearchMode.Default])
            {
                bytes += data.GetSection(section, mode).Length;
            }
        }

        return bytes;
    }

    private static string Mb(long bytes) => FormattableString.Invariant($"{bytes / 1024.0 / 1024.0:N1} MiB");
}
