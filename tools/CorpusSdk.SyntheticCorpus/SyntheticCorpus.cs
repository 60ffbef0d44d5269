using System.Globalization;
using System.Text;

namespace CorpusSdk.SyntheticCorpus;

/// <summary>One generated seed: its file name, its text (no BOM; see <see cref="Bom"/>) and its expected structure.</summary>
/// <param name="FileName">The seed's file name.</param>
/// <param name="Text">The seed's text as the compiler decodes it.</param>
/// <param name="Bom">Whether the file is written with a UTF-8 byte order mark.</param>
/// <param name="Expected">What the parser must make of it.</param>
public sealed record SyntheticArticle(string FileName, string Text, bool Bom, ExpectedArticle Expected);

/// <summary>
/// Deterministic synthetic seeds in the real seed's layout: leading blank lines, a title, a byline
/// (كتبه/كتبته/بقلم with Egyptian, Levantine or Maghrebi month names, sometimes two names of one month, or
/// an English "By … | 1 October, 2016"; ASCII, Arabic-Indic or Extended Arabic-Indic digits), then 5–15
/// body blocks: paragraphs (hard-wrapped sometimes), headings (1–10 words, no punctuation), pull quotes
/// (5–20 words restating a paragraph of the article, copied or paraphrased, a quarter with a comma, no
/// final punctuation), split paragraphs (an ordinary paragraph with a stray blank line anywhere
/// mid-sentence after its fifth word: the first part with or without inner punctuation), quotations
/// “…” and «…» (sometimes nested), links <c>[text](#)</c>, numbers, LF or CRLF, sometimes a BOM or
/// trailing white space. Extra blank lines come before some blocks, more often before a pull quote or a
/// heading (as in the real seed) than before a paragraph, and seldom inside a split paragraph.
/// <para>
/// These ranges are chosen to be wider than the parser's rules, not equal to them (issue 13): the corpus
/// measures inference (docs/seed-format.md, "How well inference does") rather than restating it.
/// </para>
/// <para>
/// Article <c>i</c> depends only on the seed, the vocabulary and <c>i</c>: the first 1,000 articles of a
/// 10,000-article corpus are the 1,000-article corpus. The expected structure is recorded while the text
/// is built, following docs/seed-format.md; the parser is never run here.
/// </para>
/// </summary>
public static class SyntheticCorpus
{
    /// <summary>The default random seed (the real seed's date).</summary>
    public const int DefaultSeed = 20161001;

    private static readonly string[] ArabicPrefixes = ["كتبه", "كتبته", "بقلم"];

    private static readonly string[] Egyptian =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    private static readonly string[] Levantine =
        ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];

    private static readonly string[] Maghrebi =
        ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    private static readonly string[] English =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] FirstNames =
        ["مناف", "سارة", "محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "مريم", "عمر", "هدى", "خالد", "نور", "إبراهيم", "آمنة", "عائشة", "حسن"];

    private static readonly string[] LastNames =
        ["قومان", "علي", "الأحمد", "السيد", "حداد", "المصري", "الشامي", "عبد الله", "النجار", "الخطيب", "إسماعيل", "مؤمن"];

    private static readonly string[] EnglishNames =
        ["Jane Doe", "John Smith", "Sarah Ali", "Omar Haddad", "Lina Khoury", "David Brown", "Maria Garcia", "Karim Nasser"];

    /// <summary>Multi-word names and phrases of news text, so phrase queries have something to find.</summary>
    private static readonly string[][] Phrases =
    [
        ["الولايات", "المتحدة"], ["جون", "كيري"], ["وزير", "الخارجية", "الأمريكي"], ["المعارضة", "السورية"], ["الأمم", "المتحدة"],
        ["وقف", "إطلاق", "النار"], ["نيويورك", "تايمز"], ["مجلس", "الأمن"], ["الشرق", "الأوسط"], ["حقوق", "الإنسان"],
    ];

    /// <summary>Article <paramref name="index"/> of the corpus made from <paramref name="seed"/>.</summary>
    /// <param name="index">The article number, from 0.</param>
    /// <param name="vocabulary">The words to draw from.</param>
    /// <param name="seed">The random seed.</param>
    public static SyntheticArticle Article(int index, Vocabulary vocabulary, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var random = new Random(unchecked((seed * 1_000_003) + index));
        return new ArticleWriter(random, vocabulary).Write(index);
    }

    /// <summary>Articles 0 … <paramref name="count"/> − 1.</summary>
    /// <param name="count">How many.</param>
    /// <param name="vocabulary">The words to draw from.</param>
    /// <param name="seed">The random seed.</param>
    public static IReadOnlyList<SyntheticArticle> Generate(int count, Vocabulary vocabulary, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var articles = new SyntheticArticle[count];
        for (int i = 0; i < count; i++)
        {
            articles[i] = Article(i, vocabulary, seed);
        }

        return articles;
    }

    /// <summary>Writes the seeds into <paramref name="directory"/> and the manifest beside them (<see cref="Manifest.FileName"/>).</summary>
    /// <param name="directory">The output directory (created when missing).</param>
    /// <param name="count">How many articles.</param>
    /// <param name="vocabulary">The words to draw from.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The manifest, as written.</returns>
    public static Manifest Write(string directory, int count, Vocabulary vocabulary, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Directory.CreateDirectory(directory);
        var expected = new List<ExpectedArticle>(count);
        foreach (SyntheticArticle article in Generate(count, vocabulary, seed))
        {
            File.WriteAllText(Path.Combine(directory, article.FileName), article.Text, new UTF8Encoding(article.Bom));
            expected.Add(article.Expected);
        }

        var manifest = new Manifest("CorpusSdk.SyntheticCorpus", seed, count, vocabulary.Description, expected);
        manifest.Save(Path.Combine(directory, Manifest.FileName));
        return manifest;
    }

    /// <summary>Builds one article: the seed text and, alongside, what it must parse to.</summary>
    private sealed class ArticleWriter(Random random, Vocabulary vocabulary)
    {
        private readonly StringBuilder _text = new();
        private readonly List<ExpectedBlock> _blocks = [];
        private readonly List<ExpectedQuote> _quotes = [];
        private readonly List<ExpectedLink> _links = [];

        public SyntheticArticle Write(int index)
        {
            string id = index.ToString("D5", CultureInfo.InvariantCulture) + "_" +
                random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            bool crlf = random.Next(100) < 15;
            bool bom = random.Next(100) < 5;

            BlankLines(random.Next(0, 3));
            string title = Title();
            Line(title);
            BlankLines(random.Next(0, 3));
            (string byline, string author, DateOnly date) = Byline();
            Line(byline);

            int blocks = random.Next(5, 16);
            int splits = 0;
            var plan = new List<(string Kind, BlockBuilder? Block)>(blocks);
            for (int b = 0; b < blocks; b++)
            {
                int roll = random.Next(100);
                if (b == 0 || roll >= 40)
                {
                    plan.Add(("Paragraph", Paragraph()));
                }
                else if (roll < 15)
                {
                    plan.Add(("Heading", Heading()));
                }
                else if (roll < 25)
                {
                    plan.Add(("PullQuote", null)); // written below, from the article's paragraphs
                }
                else if (roll < 35 && splits < 2)
                {
                    splits++;
                    plan.Add(("Paragraph", Paragraph(split: true)));
                }
                else
                {
                    plan.Add(("Paragraph", Paragraph()));
                }
            }

            var paragraphs = plan.Where(p => p.Kind == "Paragraph").Select(p => p.Block!).ToList();
            foreach (var (kind, block) in plan)
            {
                int extra = kind switch
                {
                    "PullQuote" => 40,
                    "Heading" => 25,
                    _ => 10,
                };
                BlankLines(random.Next(100) < extra ? random.Next(2, 4) : 1);
                Emit(block ?? PullQuote(paragraphs[random.Next(paragraphs.Count)]), kind);
            }

            if (random.Next(100) < 30)
            {
                BlankLines(random.Next(1, 3));
            }

            string text = _text.ToString();
            if (crlf)
            {
                text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            _quotes.Sort(static (a, b) => a.Block != b.Block ? a.Block.CompareTo(b.Block)
                : a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Text.Length.CompareTo(a.Text.Length));
            var expected = new ExpectedArticle(id, id + ".txt", title, author, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _blocks.ToArray(), _quotes.ToArray(), _links.ToArray());
            return new SyntheticArticle(id + ".txt", text, bom, expected);
        }

        private void Line(string line)
        {
            _text.Append(line);
            if (random.Next(100) < 3)
            {
                _text.Append(random.Next(2) == 0 ? " " : "\t");
            }

            _text.Append('\n');
        }

        private void BlankLines(int count)
        {
            for (int i = 0; i < count; i++)
            {
                _text.Append(random.Next(100) < 5 ? " \n" : "\n");
            }
        }

        private string Word()
        {
            string word = vocabulary.Next(random);
            return word;
        }

        private string Title()
        {
            var words = new List<string>();
            int count = random.Next(4, 13);
            while (words.Count < count)
            {
                string word = Word();
                if (words.Count == 0 && Array.IndexOf(ArabicPrefixes, word) >= 0)
                {
                    continue; // a title that starts like a byline would be read as one
                }

                words.Add(word);
            }

            if (random.Next(100) < 40)
            {
                words[random.Next(1, 3)] += ":";
            }

            return string.Join(' ', words);
        }

        private (string Line, string Author, DateOnly Date) Byline()
        {
            int year = random.Next(2005, 2025);
            int month = random.Next(1, 13);
            int day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
            var date = new DateOnly(year, month, day);
            if (random.Next(100) < 20)
            {
                string name = EnglishNames[random.Next(EnglishNames.Length)];
                string monthName = random.Next(100) < 20 ? English[month - 1][..3] : English[month - 1];
                string shown = random.Next(2) == 0
                    ? Digits(day, 0) + " " + monthName + ", " + Digits(year, 0)
                    : monthName + " " + Digits(day, 0) + ", " + Digits(year, 0);
                return ("By " + name + " | " + shown, name, date);
            }

            string author = FirstNames[random.Next(FirstNames.Length)] + " " + LastNames[random.Next(LastNames.Length)];
            int system = random.Next(100);
            string arabicMonth = system switch
            {
                < 50 => Egyptian[month - 1],
                < 85 => Levantine[month - 1],
                < 93 => Maghrebi[month - 1],
                _ => Levantine[month - 1] + " / " + Egyptian[month - 1],
            };
            int script = random.Next(100) switch
            {
                < 70 => 0,
                < 95 => 1,
                _ => 2,
            };
            string comma = random.Next(100) switch
            {
                < 70 => ",",
                < 90 => "،",
                _ => string.Empty,
            };
            string prefix = ArabicPrefixes[random.Next(ArabicPrefixes.Length)];
            return (prefix + " " + author + " | " + Digits(day, script) + " " + arabicMonth + comma + " " + Digits(year, script), author, date);
        }

        /// <summary>A number in ASCII (0), Arabic-Indic (1) or Extended Arabic-Indic (2) digits.</summary>
        private static string Digits(int value, int script)
        {
            string ascii = value.ToString(CultureInfo.InvariantCulture);
            if (script == 0)
            {
                return ascii;
            }

            char zero = script == 1 ? '\u0660' : '\u06F0';
            var builder = new StringBuilder(ascii.Length);
            foreach (char c in ascii)
            {
                builder.Append((char)(zero + (c - '0')));
            }

            return builder.ToString();
        }

        private BlockBuilder Heading()
        {
            var block = new BlockBuilder(wrap: false);
            int words = random.Next(1, 11);
            for (int i = 0; i < words; i++)
            {
                string word = Word();
                while (i == words - 1 && Array.IndexOf(Dangling, word) >= 0)
                {
                    word = Word(); // a heading is a phrase: it does not stop on "في" or "أن"
                }

                block.Word(word);
            }

            return block;
        }

        /// <summary>
        /// 5–20 words of <paramref name="source"/>'s text without its punctuation, copied (half the time) or
        /// paraphrased (a word in four replaced, sometimes one dropped); a quarter get a comma; no final punctuation.
        /// </summary>
        private BlockBuilder PullQuote(BlockBuilder source)
        {
            string[] words = source.Plain.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim(PullQuoteDrops))
                .Where(w => w.Length > 0)
                .ToArray();
            int length = Math.Min(random.Next(5, 21), words.Length);
            int start = random.Next(0, words.Length - length + 1);
            var chosen = new List<string>(words.Skip(start).Take(length));
            if (random.Next(2) == 0)
            {
                for (int i = 0; i < chosen.Count; i++)
                {
                    if (random.Next(4) == 0)
                    {
                        chosen[i] = Word();
                    }
                }

                if (chosen.Count > 5 && random.Next(100) < 30)
                {
                    chosen.RemoveAt(random.Next(1, chosen.Count - 1));
                }
            }

            int comma = chosen.Count > 3 && random.Next(4) == 0 ? random.Next(1, chosen.Count - 1) : -1;
            var block = new BlockBuilder(wrap: random.Next(100) < 10);
            for (int i = 0; i < chosen.Count; i++)
            {
                block.Word(chosen[i], random);
                if (i == comma)
                {
                    block.Punctuation(random.Next(100) < 80 ? "،" : ",");
                }
            }

            return block;
        }

        /// <summary>Common words a heading does not end with: prepositions, conjunctions, أن and kin.</summary>
        private static readonly string[] Dangling = ["في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "و", "أو", "ثم", "لا", "لم", "لن", "قد", "التي", "الذي", "الذين"];

        /// <summary>Punctuation and quotation marks a pull quote leaves out of the words it restates.</summary>
        private static readonly char[] PullQuoteDrops = ['.', '،', ',', '؛', ';', '؟', '?', '!', '…', ':', '“', '”', '«', '»'];

        /// <summary>
        /// 2–7 sentences. With <paramref name="split"/>, a stray blank line falls at a random word boundary
        /// after the fifth word and inside a sentence (not after its final punctuation, not inside a quotation);
        /// half of these paragraphs start with a sentence without commas, quotations or links.
        /// </summary>
        private BlockBuilder Paragraph(bool split = false)
        {
            var block = new BlockBuilder(wrap: !split && random.Next(100) < 15);
            int sentences = random.Next(2, 8);
            var lengths = new int[sentences];
            int total = 0;
            for (int s = 0; s < sentences; s++)
            {
                lengths[s] = random.Next(8, 27);
                total += lengths[s];
            }

            if (split)
            {
                block.SplitAfterWords = random.Next(5, total - 1);
                block.SplitBlankLines = random.Next(100) < 10 ? 2 : 1;
            }

            bool plainFirst = split && random.Next(2) == 0;
            for (int s = 0; s < sentences; s++)
            {
                Sentence(block, lengths[s], plain: plainFirst && s == 0);
                block.Punctuation(random.Next(100) switch
                {
                    < 85 => ".",
                    < 93 => "؟",
                    < 97 => "!",
                    _ => "…",
                });
            }

            return block;
        }

        /// <summary>Words with commas, quotations, links, numbers and phrases; no final punctuation.</summary>
        private void Sentence(BlockBuilder block, int words, bool plain = false)
        {
            for (int w = 0; w < words; w++)
            {
                int roll = plain ? 1000 : random.Next(1000);
                if (roll < 40 && w < words - 1)
                {
                    Quotation(block, nested: roll < 4);
                }
                else if (roll < 75)
                {
                    Link(block);
                }
                else if (roll < 105)
                {
                    block.Word(Digits(random.Next(1, 3000), random.Next(100) < 30 ? 1 : 0), random);
                }
                else if (roll < 135)
                {
                    foreach (string word in Phrases[random.Next(Phrases.Length)])
                    {
                        block.Word(word, random);
                    }
                }
                else
                {
                    block.Word(Word(), random);
                }

                if (!plain && w < words - 1 && random.Next(100) < 8)
                {
                    block.Punctuation(random.Next(100) switch
                    {
                        < 85 => "،",
                        < 92 => "؛",
                        _ => ",",
                    });
                }
            }
        }

        private void Quotation(BlockBuilder block, bool nested)
        {
            bool guillemets = random.Next(2) == 0;
            block.Open(guillemets ? '«' : '“');
            int words = random.Next(2, 9);
            for (int i = 0; i < words; i++)
            {
                if (nested && i == 1)
                {
                    block.Open(guillemets ? '“' : '«');
                    block.Word(Word(), random);
                    block.Word(Word(), random);
                    block.Close();
                    continue;
                }

                if (random.Next(100) < 5)
                {
                    Link(block);
                    continue;
                }

                block.Word(Word(), random);
            }

            block.Close();
        }

        private void Link(BlockBuilder block)
        {
            var words = new List<string>();
            for (int i = random.Next(1, 4); i > 0; i--)
            {
                words.Add(Word());
            }

            string target = random.Next(100) < 80 ? "#" : "https://example.org/" + random.Next(100_000).ToString(CultureInfo.InvariantCulture);
            block.Link(string.Join(' ', words), target);
        }

        private void Emit(BlockBuilder block, string kind)
        {
            int index = _blocks.Count;
            _text.Append(block.Raw).Append('\n');
            _blocks.Add(new ExpectedBlock(kind, block.Plain, block.Parts));
            foreach ((int start, string text) in block.Quotes)
            {
                _quotes.Add(new ExpectedQuote(index, start, text));
            }

            foreach ((int start, string text, string target) in block.Links)
            {
                _links.Add(new ExpectedLink(index, start, text, target));
            }
        }
    }

    /// <summary>
    /// The seed text of one block (<see cref="Raw"/>: possibly several lines and a blank line) and its
    /// parsed text (<see cref="Plain"/>: one line, links reduced), with quotation and link ranges.
    /// </summary>
    private sealed class BlockBuilder(bool wrap)
    {
        private readonly StringBuilder _raw = new();
        private readonly StringBuilder _plain = new();
        private readonly Stack<(int Start, char Close)> _open = new();
        private bool _space;

        public string Raw => _raw.ToString();

        public string Plain => _plain.ToString();

        public int Parts { get; private set; } = 1;

        /// <summary>When set, a blank line replaces the first space that comes after this many words, mid-sentence and outside quotations.</summary>
        public int SplitAfterWords { get; set; } = -1;

        /// <summary>How many blank lines the split leaves.</summary>
        public int SplitBlankLines { get; set; } = 1;

        private int _words;

        public List<(int Start, string Text)> Quotes { get; } = [];

        public List<(int Start, string Text, string Target)> Links { get; } = [];

        public void Word(string word, Random? random = null)
        {
            Space(random);
            _raw.Append(word);
            _plain.Append(word);
            _words++;
        }

        /// <summary>Punctuation attached to the word before it.</summary>
        public void Punctuation(string mark)
        {
            _raw.Append(mark);
            _plain.Append(mark);
        }

        public void Open(char mark)
        {
            Space(null);
            _raw.Append(mark);
            _plain.Append(mark);
            _open.Push((_plain.Length, mark == '«' ? '»' : '”'));
            _space = false;
        }

        public void Close()
        {
            (int start, char close) = _open.Pop();
            Quotes.Add((start, _plain.ToString(start, _plain.Length - start)));
            _raw.Append(close);
            _plain.Append(close);
        }

        public void Link(string text, string target)
        {
            Space(null);
            Links.Add((_plain.Length, text, target));
            _raw.Append('[').Append(text).Append("](").Append(target).Append(')');
            _plain.Append(text);
        }

        private bool EndsSentence() => _plain.Length > 0 && _plain[^1] is '.' or '؟' or '!' or '…';

        /// <summary>A blank line in the seed; one space in the parsed text.</summary>
        public void BlankLine()
        {
            _raw.Append("\n\n");
            _plain.Append(' ');
            _space = false;
            Parts++;
        }

        private void Space(Random? random)
        {
            if (_space && SplitAfterWords >= 0 && _words >= SplitAfterWords && _open.Count == 0 && !EndsSentence())
            {
                SplitAfterWords = -1;
                BlankLine();
                for (int extra = 1; extra < SplitBlankLines; extra++)
                {
                    _raw.Append('\n');
                }

                _space = true;
                return;
            }

            if (_space)
            {
                // A hard-wrapped line joins with one space, exactly as a space does.
                _raw.Append(wrap && random is not null && random.Next(100) < 12 ? '\n' : ' ');
                _plain.Append(' ');
            }

            _space = true;
        }
    }
}
