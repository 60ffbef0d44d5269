using System.Reflection;
using System.Text;

namespace CorpusSdk.SyntheticCorpus;

/// <summary>
/// Where the synthetic articles' words come from.
/// <para>
/// Always: the words of this repository's real seed (embedded), drawn with their frequency in the seed,
/// plus a few diacritised and hamza forms written here. Optionally: the words of Debian's hunspell-ar
/// dictionary (<c>apt-get install hunspell-ar</c> installs <c>/usr/share/hunspell/ar.dic</c>), read at
/// run time and drawn uniformly for a share of the words, which gives a realistic, growing term
/// dictionary. ar.dic (Ayaspell) is offered under GPL-2+/LGPL-2.1+/MPL-1.1; nothing derived from it is
/// committed to this MIT repository: it is read only where it is installed, and tests never need it.
/// </para>
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Where Debian's hunspell-ar puts the dictionary.</summary>
    public const string DebianDictionaryPath = "/usr/share/hunspell/ar.dic";

    /// <summary>Words with harakat, tanwin and every hamza seat, so analysis sees them at every size.</summary>
    private static readonly string[] MarkedWords =
    [
        "قائلاً", "تدخلًا", "شخصًا", "أيضًا", "جدًّا", "مُحَمَّد", "شيءٌ", "سُئِلَ", "مسؤول", "مسؤولية", "سؤال", "رئيس",
        "رئيسة", "آراء", "آخر", "إسرائيل", "إيران", "أمريكا", "الأمريكي", "لإيران", "ٱلحمد", "مساءً", "دائمًا", "فئة",
        "بيئة", "هيئة", "جزء", "قرأ", "يقرؤون", "مبدئيًّا", "الإنقاذ", "الأمم", "أجلنا", "إطلاق",
    ];

    private readonly string[] _seedTokens;
    private readonly string[] _dictionaryWords;

    private Vocabulary(string[] seedTokens, string[] dictionaryWords, string description)
    {
        _seedTokens = seedTokens;
        _dictionaryWords = dictionaryWords;
        Description = description;
    }

    /// <summary>What the words are, for the manifest and reports.</summary>
    public string Description { get; }

    /// <summary>The seed's words with repetitions (their frequency in the seed), plus the marked words.</summary>
    public IReadOnlyList<string> SeedTokens => _seedTokens;

    /// <summary>Distinct dictionary words (empty without a dictionary).</summary>
    public IReadOnlyList<string> DictionaryWords => _dictionaryWords;

    /// <summary>The real seed's words only (what tests use: no file outside the repository is needed).</summary>
    public static Vocabulary FromSeed()
    {
        string[] tokens = SeedTokensOf(ReadEmbeddedSeed());
        return new Vocabulary(tokens, [], $"seed words ({tokens.Distinct(StringComparer.Ordinal).Count()} distinct)");
    }

    /// <summary>The seed's words plus a hunspell .dic file's words (flags and morphology stripped).</summary>
    /// <param name="path">A hunspell dictionary, e.g. <see cref="DebianDictionaryPath"/>.</param>
    public static Vocabulary WithDictionary(string path)
    {
        string[] tokens = SeedTokensOf(ReadEmbeddedSeed());
        string[] words = ReadDictionary(path);
        if (words.Length == 0)
        {
            throw new InvalidDataException($"No Arabic words in '{path}'.");
        }

        return new Vocabulary(tokens, words,
            $"seed words ({tokens.Distinct(StringComparer.Ordinal).Count()} distinct) + {Path.GetFileName(path)} ({words.Length} distinct)");
    }

    /// <summary>
    /// <c>none</c> or empty: seed words; <c>auto</c>: the Debian dictionary when it is installed, else seed words;
    /// anything else: that dictionary file.
    /// </summary>
    /// <param name="option">The command-line value.</param>
    public static Vocabulary FromOption(string? option) => option switch
    {
        null or "" or "none" => FromSeed(),
        "auto" => File.Exists(DebianDictionaryPath) ? WithDictionary(DebianDictionaryPath) : FromSeed(),
        _ => WithDictionary(option),
    };

    /// <summary>One word: from the dictionary for about a third of draws when there is one, else from the seed.</summary>
    /// <param name="random">The article's random source.</param>
    public string Next(Random random)
    {
        if (_dictionaryWords.Length > 0 && random.Next(100) < 35)
        {
            return _dictionaryWords[random.Next(_dictionaryWords.Length)];
        }

        return _seedTokens[random.Next(_seedTokens.Length)];
    }

    /// <summary>True for a run of Arabic letters (hamza to yeh, tatweel, alef wasla) and harakat, of at least two characters.</summary>
    /// <param name="word">A candidate word.</param>
    public static bool IsArabicWord(string word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        foreach (char c in word)
        {
            if (!IsArabicWordChar(c))
            {
                return false;
            }
        }

        return char.IsLetter(word[0]);
    }

    /// <summary>The words of a hunspell .dic: one entry a line, <c>word/flags</c> and tab-separated morphology stripped.</summary>
    /// <param name="path">The file.</param>
    public static string[] ReadDictionary(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            int end = line.IndexOfAny(['/', '\t', ' ']);
            string word = (end < 0 ? line : line[..end]).Trim();
            if (word.Length <= 15 && IsArabicWord(word) && seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    private static bool IsArabicWordChar(char c) => (c >= '\u0621' && c <= '\u0652') || c == '\u0670' || c == '\u0671';

    private static string ReadEmbeddedSeed()
    {
        using Stream stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("CorpusSdk.SyntheticCorpus.seed.txt")
            ?? throw new InvalidOperationException("The embedded seed is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Runs of Arabic letters and marks in the seed's body (the byline is left out), in order, with repetitions.</summary>
    private static string[] SeedTokensOf(string seed)
    {
        var tokens = new List<string>();
        foreach (string line in seed.Split('\n'))
        {
            if (line.StartsWith("كتبه", StringComparison.Ordinal))
            {
                continue;
            }

            int i = 0;
            while (i < line.Length)
            {
                if (!IsArabicWordChar(line[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < line.Length && IsArabicWordChar(line[i]))
                {
                    i++;
                }

                string word = line[start..i];
                if (IsArabicWord(word))
                {
                    tokens.Add(word);
                }
            }
        }

        tokens.AddRange(MarkedWords);
        return [.. tokens];
    }
}
