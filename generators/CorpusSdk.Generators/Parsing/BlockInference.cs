using System;
using System.Collections.Generic;
using System.Globalization;
using CorpusSdk.Analysis;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Parsing;

/// <summary>
/// Gives each raw block its kind (docs/seed-format.md, "Classification"): a marker when there is one,
/// otherwise what the block shows (final and inner punctuation, length, links and quotations), whether it
/// restates the words of another block (pull quotes do, headings and paragraph halves do not), and the
/// blank lines around it. Plain .NET, no Roslyn.
/// </summary>
internal static class BlockInference
{
    /// <summary>An unpunctuated block of at most this many words, that restates nothing, is a heading.</summary>
    public const int HeadingMaxWords = 10;

    /// <summary>Below this many words a heading is certain; from here up to <see cref="HeadingMaxWords"/> it could be the first half of a split paragraph.</summary>
    public const int CertainHeadingMaxWords = 4;

    /// <summary>A block restates the article when at least this share of its distinct words (3+ letters) occur in longer blocks…</summary>
    public const double RestatedWordShare = 0.6;

    /// <summary>…and at least this share of its word pairs (a copy has all; a paraphrase keeps some)…</summary>
    public const double RestatedPairShare = 0.15;

    /// <summary>…and at least this many pairs: one shared pair of common words is chance.</summary>
    public const int MinRestatedPairs = 2;

    /// <summary>Groups raw blocks into body blocks (a split paragraph is one group) and gives each its kind and the reason.</summary>
    public static List<BlockDecision> Classify(List<RawBlock> raw)
    {
        var features = new List<Features>(raw.Count);
        foreach (RawBlock block in raw)
        {
            features.Add(Features.Of(block));
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < raw.Count; i++)
        {
            features[i].Restates = Restatement(features, i, ids);
        }

        var decisions = new List<BlockDecision>();
        int at = 0;
        while (at < raw.Count)
        {
            if (raw[at].Marker != BlockMarker.None)
            {
                // Said, not guessed: a marked block is never re-classified or joined.
                decisions.Add(raw[at].Marker == BlockMarker.Heading
                    ? new BlockDecision([raw[at]], BlockKindSpec.Heading, "marked '## '", Explicit: true, Uncertainty: null)
                    : new BlockDecision([raw[at]], BlockKindSpec.PullQuote, "marked '> '", Explicit: true, Uncertainty: null));
                at++;
                continue;
            }

            var group = new List<RawBlock> { raw[at] };
            Features first = features[at];
            Guess guess = GuessAlone(first);
            string? uncertainty = guess.Uncertainty;
            if (guess.Kind == Guessed.Heading && (at + 1 == raw.Count || raw[at + 1].Marker != BlockMarker.None || raw[at + 1].BlankLinesBefore > 1))
            {
                // Nothing can continue it here: a stray blank line is one line, and a marked block is never joined.
                uncertainty = null;
            }
            if (guess.Kind == Guessed.Continues)
            {
                // Join while each part stops mid-sentence and the next part can continue it.
                while (at + 1 < raw.Count && CanContinue(features[at + 1]) && GuessAlone(features[at]).Kind == Guessed.Continues)
                {
                    at++;
                    group.Add(raw[at]);
                }
            }

            BlockDecision decision;
            if (group.Count > 1)
            {
                decision = new BlockDecision(group, BlockKindSpec.Paragraph, "joined: " + guess.Reason + ", and the next block continues the sentence", false, uncertainty);
            }
            else
            {
                (BlockKindSpec kind, string reason) = guess.Kind switch
                {
                    Guessed.Heading => (BlockKindSpec.Heading, guess.Reason),
                    Guessed.PullQuote => (BlockKindSpec.PullQuote, guess.Reason),
                    Guessed.Continues => (BlockKindSpec.Paragraph, guess.Reason + ", but nothing follows that can continue it"),
                    _ => (BlockKindSpec.Paragraph, guess.Reason),
                };
                decision = new BlockDecision(group, kind, reason, false, guess.Kind == Guessed.Continues ? null : uncertainty);
            }

            decisions.Add(decision);
            at++;
        }

        return decisions;
    }

    private enum Guessed
    {
        Paragraph,
        Heading,
        PullQuote,
        Continues,
    }

    private readonly record struct Guess(Guessed Kind, string Reason, string? Uncertainty = null);

    /// <summary>What one unmarked block is, from its own features and whether it restates another block.</summary>
    private static Guess GuessAlone(Features f)
    {
        if (f.EndsSentence)
        {
            return new Guess(Guessed.Paragraph, "ends a sentence");
        }

        bool prose = f.HasMarkup || f.HasInnerSentenceEnd;
        if (!prose && f.Restates is { } source)
        {
            // Pull quotes restate the body; headings and halves of a paragraph do not.
            string reason = "no final punctuation, restates the body (" + Percent(source.WordShare) + " of its words; most word pairs from line " +
                source.Line.ToString(CultureInfo.InvariantCulture) + ")";
            bool weak = source.WordShare < 0.8 && f.Words <= HeadingMaxWords;
            return new Guess(Guessed.PullQuote, reason, weak
                ? "it restates only " + Percent(source.WordShare) + " of its words and is short enough for a heading: start it with '> ' if it is a pull quote or '## ' if it is a heading"
                : null);
        }

        if (prose || f.Words > HeadingMaxWords)
        {
            string why = f.HasMarkup ? "a link or quotation"
                : f.HasInnerSentenceEnd ? "a sentence end inside"
                : "more than " + HeadingMaxWords.ToString(CultureInfo.InvariantCulture) + " words that restate no other block";
            return new Guess(Guessed.Continues, "stops mid-sentence (" + why + ")",
                !prose && !f.HasInnerPunctuation && f.Words <= 2 * HeadingMaxWords
                    ? "a long heading or a pull quote that restates nothing looks the same: start it with '## ' or '> ' if it is one, or end it with punctuation if it is a whole paragraph"
                    : null);
        }

        if (f.HasInnerPunctuation || f.EndsWithParticle)
        {
            // Headings are unpunctuated phrases; a comma, or a last word that needs a complement
            // (في, من, أن, و…), says the sentence goes on.
            return new Guess(Guessed.Continues, f.HasInnerPunctuation ? "stops mid-sentence (a short block with inner punctuation)" : "stops mid-sentence (its last word, '" + f.LastWord + "', needs a complement)",
                "a heading or a pull quote could look the same: start it with '## ' or '> ' if it is one");
        }

        string shortReason = "at most " + HeadingMaxWords.ToString(CultureInfo.InvariantCulture) + " words, no final punctuation, restates no other block";
        return new Guess(Guessed.Heading, shortReason, f.Words > CertainHeadingMaxWords
            ? "the first half of a paragraph split by a stray blank line looks the same: start it with '## ' if it is a heading, or delete the blank line after it if its sentence goes on"
            : null);
    }

    /// <summary>Whether a block can be the rest of a sentence the block before it started.</summary>
    private static bool CanContinue(Features next) => !next.IsMarked && next.Restates is null && (next.EndsSentence || next.Words > HeadingMaxWords || next.HasMarkup || next.HasInnerSentenceEnd);

    /// <summary>
    /// Whether block <paramref name="i"/> restates the article: enough of its words and word pairs (two
    /// particles in a row do not count as a pair) occur in prose blocks longer than it (a restatement is
    /// shorter than what it restates; the words may come from more than one block, as a pull quote that
    /// paraphrases a passage does). Null when it does not.
    /// </summary>
    private static Source? Restatement(List<Features> features, int i, Dictionary<string, int> ids)
    {
        Features x = features[i];
        if (x.EndsSentence || x.Words < MinRestatedPairs + 1)
        {
            return null;
        }

        x.EnsureWords(ids);
        if (x.Content.Count == 0 || x.Pairs.Count < MinRestatedPairs)
        {
            return null;
        }

        var wordsFound = new HashSet<int>();
        var pairsFound = new HashSet<long>();
        int bestLine = 0, bestPairs = -1;
        for (int j = 0; j < features.Count; j++)
        {
            Features y = features[j];
            if (j == i || y.Words <= x.Words || !(y.EndsSentence || y.HasInnerSentenceEnd))
            {
                continue; // pull quotes restate prose, not another unpunctuated block
            }

            y.EnsureWords(ids);
            foreach (int word in x.Content)
            {
                if (y.WordSet.Contains(word))
                {
                    wordsFound.Add(word);
                }
            }

            int pairs = 0;
            foreach (long pair in x.Pairs)
            {
                if (y.PairSet.Contains(pair))
                {
                    pairsFound.Add(pair);
                    pairs++;
                }
            }

            if (pairs > bestPairs)
            {
                (bestLine, bestPairs) = (y.Line, pairs);
            }
        }

        int matchedPairs = 0;
        foreach (long pair in x.Pairs)
        {
            if (pairsFound.Contains(pair))
            {
                matchedPairs++;
            }
        }

        double wordShare = (double)wordsFound.Count / x.Content.Count;
        double pairShare = (double)matchedPairs / x.Pairs.Count;
        return wordShare >= RestatedWordShare && pairShare >= RestatedPairShare && matchedPairs >= MinRestatedPairs
            ? new Source(bestLine, wordShare)
            : null;
    }

    private static string Percent(double share) => ((int)Math.Round(share * 100)).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>The block another restates: its first line (1-based) and the share of words found in it.</summary>
    private readonly record struct Source(int Line, double WordShare);

    /// <summary>The features of a block that classification looks at, measured on its plain text.</summary>
    private sealed class Features
    {
        public int Line { get; private set; }

        public bool IsMarked { get; private set; }

        public bool EndsSentence { get; private set; }

        public bool HasInnerPunctuation { get; private set; }

        public bool HasInnerSentenceEnd { get; private set; }

        public bool HasMarkup { get; private set; }

        public int Words { get; private set; }

        /// <summary>Distinct folded words of 3+ letters, as IDs of the article's word table (after <see cref="EnsureWords"/>).</summary>
        public HashSet<int> Content { get; } = [];

        /// <summary>Every folded word.</summary>
        public HashSet<int> WordSet { get; } = [];

        /// <summary>Adjacent word pairs, in order, as two word IDs in one number.</summary>
        public List<long> Pairs { get; } = [];

        public HashSet<long> PairSet { get; } = [];

        /// <summary>The plain text, kept until the words are needed.</summary>
        private string? _text;

        public Source? Restates { get; set; }

        /// <summary>The last word, folded.</summary>
        public string LastWord { get; private set; } = string.Empty;

        /// <summary>Whether the last word is a particle that cannot end a sentence (a preposition, conjunction or the like).</summary>
        public bool EndsWithParticle => Particles.Contains(LastWord);

        public static Features Of(RawBlock block)
        {
            var inline = InlineMarkupParser.Parse(block.Text, block.Map, null, null);
            string text = inline.Text;
            int end = text.Length;
            while (end > 0 && (SeedParser.IsSpace(text[end - 1]) || IsClosing(text[end - 1])))
            {
                end--;
            }

            var f = new Features
            {
                Line = block.FirstLine + 1,
                IsMarked = block.Marker != BlockMarker.None,
                EndsSentence = end > 0 && IsSentenceEnd(text[end - 1]),
                HasMarkup = inline.Links.Count > 0 || inline.Quotes.Count > 0,
                Words = WordBreaker.Count(text.AsSpan()),
            };
            f.HasInnerPunctuation = f.HasMarkup || text.IndexOfAny(InnerPunctuation) >= 0;
            for (int k = 0; k + 1 < end; k++)
            {
                if (IsSentenceEnd(text[k]) && text[k] != ':' && SeedParser.IsSpace(text[k + 1]))
                {
                    f.HasInnerSentenceEnd = true;
                    break;
                }
            }

            f._text = text;
            f.LastWord = LastFoldedWord(text);
            return f;
        }

        /// <summary>Fills the word and pair sets once; only blocks that restatement looks at need them.</summary>
        public void EnsureWords(Dictionary<string, int> ids)
        {
            if (_text is null)
            {
                return;
            }

            int previous = -1;
            bool previousParticle = false;
            foreach (string word in FoldedWords(_text))
            {
                if (!ids.TryGetValue(word, out int id))
                {
                    id = ids.Count;
                    ids.Add(word, id);
                }

                WordSet.Add(id);
                if (word.Length >= 3)
                {
                    Content.Add(id);
                }

                bool particle = Particles.Contains(word);
                if (previous >= 0 && !(previousParticle && particle))
                {
                    long pair = ((long)previous << 32) | (uint)id;
                    Pairs.Add(pair);
                    PairSet.Add(pair);
                }

                previous = id;
                previousParticle = particle;
            }

            _text = null;
        }

        private static string LastFoldedWord(string text)
        {
            List<string> words = FoldedWords(text);
            return words.Count == 0 ? string.Empty : words[words.Count - 1];
        }

        /// <summary>
        /// The words as the search splits them (<see cref="WordBreaker"/>), in the search's normalised form
        /// (<see cref="ArabicNormalizer.Normalize"/>: harakat, tatweel and joiners removed, alef forms, ى, ة and
        /// digits folded, Latin lower-cased); a word of marks only is dropped.
        /// </summary>
        private static List<string> FoldedWords(string text)
        {
            var words = new List<string>();
            var buffer = new char[text.Length];
            int position = 0;
            while (WordBreaker.Next(text.AsSpan(), ref position, out int start, out int length))
            {
                int folded = ArabicNormalizer.Normalize(text.AsSpan(start, length), buffer);
                if (folded > 0)
                {
                    words.Add(new string(buffer, 0, folded));
                }
            }

            return words;
        }

        /// <summary>
        /// Arabic particles that need what follows them (prepositions, conjunctions, relatives, negations,
        /// أن/إن and their kin), folded as <see cref="FoldedWords"/> folds; English ones too.
        /// </summary>
        private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
        {
            "في", "من", "على", "الي", "الى", "عن", "مع", "و", "او", "ثم", "ان", "لا", "لم", "لن", "قد", "الذي", "التي", "الذين",
            "the", "a", "an", "of", "to", "in", "on", "and", "or", "with", "from", "by", "that",
        };

        private static readonly char[] InnerPunctuation = ['\u060C', ',', ';', '\u061B', '\u201C', '\u201D', '\u00AB', '\u00BB'];

        private static bool IsClosing(char c) => c is '\u201D' or '"' or '\u2019' or '\'' or '\u00BB' or ')' or ']';

        private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '\u061F' or '\u2026' or '\u06D4' or ':';
    }
}

/// <summary>One body block as classified: the raw blocks joined into it, its kind, why, whether a marker said so, and what leaves it uncertain.</summary>
internal sealed record BlockDecision(List<RawBlock> Group, BlockKindSpec Kind, string Reason, bool Explicit, string? Uncertainty);
