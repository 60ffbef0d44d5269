using System.Diagnostics;
using System.Globalization;
using CorpusSdk.SyntheticCorpus;

// corpus-synth: writes N synthetic seeds and manifest.json (see SyntheticCorpus and docs/benchmarks.md, "Scale").
const string Usage = """
    Usage: CorpusSdk.SyntheticCorpus --count N --out DIR [--seed S] [--dictionary none|auto|PATH]

      --count N        number of articles (files NNNNN_<hex>.txt)
      --out DIR        output directory; the seeds and manifest.json are written there
      --seed S         random seed (default 20161001); article i depends only on S, the vocabulary and i
      --dictionary D   none (default): the real seed's words only; auto: also /usr/share/hunspell/ar.dic
                       when installed (apt-get install hunspell-ar); PATH: also that hunspell .dic file
    """;

int count = -1;
string? output = null;
int seed = SyntheticCorpus.DefaultSeed;
string? dictionary = null;
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--out": output = Value(); break;
        case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--dictionary": dictionary = Value(); break;
        case "-h" or "--help": Console.WriteLine(Usage); return 0;
        default: Console.Error.WriteLine($"Unknown option '{args[i]}'.\n\n{Usage}"); return 2;
    }
}

if (count < 0 || output is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var watch = Stopwatch.StartNew();
Vocabulary vocabulary = Vocabulary.FromOption(dictionary);
Manifest manifest = SyntheticCorpus.Write(output, count, vocabulary, seed);
long bytes = manifest.Articles.Sum(a => new FileInfo(Path.Combine(output, a.File)).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{count} articles, {bytes} bytes of seeds, vocabulary: {vocabulary.Description}; {Path.Combine(output, Manifest.FileName)} ({watch.ElapsedMilliseconds} ms)"));
return 0;
