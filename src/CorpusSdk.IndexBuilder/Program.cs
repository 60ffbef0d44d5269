using System;
using System.Collections.Generic;
using System.IO;
using CorpusSdk.IndexBuilder;
using CorpusSdk.Generators.Corpus;

// corpussdk-index --seeds <file listing one seed path a line> --class <corpus class> --out <index file> --hash <hash file>
//                 [--pair-min-articles <n>] [--search-modes <modes>] [--cache <folder>]
// Writes the search index of the seeds (CorpusSdk.IndexFile) and the corpus's content hash. Seed errors are not this
// step's to report (the generator reports them with their locations): a seed that does not parse is left out, as the
// generator leaves it out. With --cache, each seed's analysed piece is kept in the folder and taken from it while the
// seed's bytes do not change (an edit re-reads that seed only). Exit code 1 with an MSBuild-style error line when the step itself fails.
string? seedsList = null, className = null, output = null, hashOutput = null, pairs = null, modesValue = null, cacheFolder = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seeds": seedsList = args[i + 1]; break;
        case "--class": className = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        case "--hash": hashOutput = args[i + 1]; break;
        case "--pair-min-articles": pairs = args[i + 1]; break;
        case "--search-modes": modesValue = args[i + 1]; break;
        case "--cache": cacheFolder = args[i + 1]; break;
        default:
            Console.Error.WriteLine("CorpusSdk.IndexBuilder : error CSDK999: unknown argument '" + args[i] + "'.");
            return 1;
    }
}

if (seedsList is null || output is null || hashOutput is null)
{
    Console.Error.WriteLine("CorpusSdk.IndexBuilder : error CSDK999: usage: --seeds <list file> --class <name> --out <index file> --hash <hash file>.");
    return 1;
}

int pairMinArticles = CorpusSdk.Generators.Search.CorpusIndexBuilder.DefaultPairMinArticles;
if (!string.IsNullOrWhiteSpace(pairs) && !GeneratorSettings.TryParsePairMinArticles(pairs, out pairMinArticles))
{
    // The generator reports the same value as CSDK015 (invalid setting) with the default it falls back to; the step must agree.
    pairMinArticles = CorpusSdk.Generators.Search.CorpusIndexBuilder.DefaultPairMinArticles;
}

int modes = CorpusSdk.Generators.Search.CorpusIndex.AllModes;
if (!string.IsNullOrWhiteSpace(modesValue) && !GeneratorSettings.TryParseSearchModes(modesValue, out modes))
{
    // The generator reports it as CSDK013 and falls back to every mode: the step must agree.
    modes = CorpusSdk.Generators.Search.CorpusIndex.AllModes;
}

try
{
    var seeds = new List<(string, byte[])>();
    foreach (string line in File.ReadAllLines(seedsList))
    {
        string path = line.Trim();
        if (path.Length > 0)
        {
            seeds.Add((path, File.Exists(path) ? File.ReadAllBytes(path) : []));
        }
    }

    // CORPUSSDK_INDEX_TIMINGS=1 prints the time of each phase (for the scale benchmark).
    Action<string, double>? timings = Environment.GetEnvironmentVariable("CORPUSSDK_INDEX_TIMINGS") == "1"
        ? (name, ms) => Console.WriteLine("CorpusSdk: " + name + ": " + ms.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms")
        : null;
    IndexPieceCache? cache = string.IsNullOrWhiteSpace(cacheFolder) ? null : new IndexPieceCache(cacheFolder);
    var (file, contentHash, articles) = IndexFileBuilder.Build(seeds, string.IsNullOrWhiteSpace(className) ? "Corpus" : className.Trim(), timings, pairMinArticles, modes, cache);
    if (cache is not null)
    {
        cache.RemoveOthers();
        Console.WriteLine("CorpusSdk: " + cache.Indexed.Count + " of " + seeds.Count + " seeds read and analysed, " + cache.Hits + " from the cache in " + cacheFolder);
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    File.WriteAllBytes(output, file);
    File.WriteAllText(hashOutput, contentHash + "\n");
    Console.WriteLine("CorpusSdk: search index of " + articles + " articles, " + file.Length + " bytes -> " + output);
    return 0;
}
catch (Exception exception)
{
    Console.Error.WriteLine("CorpusSdk.IndexBuilder : error CSDK999: the search index could not be built: " + exception.GetType().Name + ": " + exception.Message);
    return 1;
}
