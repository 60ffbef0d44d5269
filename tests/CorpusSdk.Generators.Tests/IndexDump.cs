using System.Text;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The index as a reviewer reads it: every section decoded with the runtime's reader (<see cref="IndexInts"/>, the
/// same source file) from the bytes the generator emits, then laid out as parts, articles and, per mode, each term
/// with its postings, positions and document frequencies.
/// </summary>
internal static class IndexDump
{
    public static string Write(CorpusIndex index)
    {
        var sections = new Dictionary<string, IndexSectionData>(StringComparer.Ordinal);
        foreach (IndexSectionData section in IndexEmitter.Sections(index))
        {
            sections[section.Name] = section;
        }

        int[] Ints(string name) => Decode(sections[name].Packed!);
        string Text(string name) => sections[name].Text!;

        var w = new StringBuilder();
        int[] partArticles = Ints("PartArticles"), partBlocks = Ints("PartBlocks"), firstTokens = Ints("PartFirstTokens"), lucene = Ints("PartLuceneStarts");
        int[] starts = Ints("TokenStarts"), lengths = Ints("TokenLengths");
        w.AppendLine("# parts: article, title or block, words [first, end) with (start, length) in the part's text, Lucene tokens");
        for (int p = 0; p < partArticles.Length; p++)
        {
            w.Append("part ").Append(p).Append(": article ").Append(partArticles[p]).Append(", ")
                .Append(partBlocks[p] == 0 ? "title" : "block " + (partBlocks[p] - 1)).Append(", words ")
                .Append(firstTokens[p]).Append("..").Append(firstTokens[p + 1]).Append(' ');
            for (int t = firstTokens[p]; t < firstTokens[p + 1]; t++)
            {
                w.Append('(').Append(starts[t]).Append(',').Append(lengths[t]).Append(')');
            }

            w.Append(", lucene ").Append(lucene[p + 1] - lucene[p]).AppendLine();
        }

        int[] firstParts = Ints("ArticleFirstParts"), authors = Ints("ArticleAuthors"), days = Ints("ArticleDays");
        int[] authorOffsets = Ints("AuthorOffsets");
        byte[] authorBytes = Encoding.UTF8.GetBytes(Text("Authors"));
        w.AppendLine("# articles: parts, author, publication date");
        for (int a = 0; a < authors.Length; a++)
        {
            string author = Encoding.UTF8.GetString(authorBytes, authorOffsets[authors[a]], authorOffsets[authors[a] + 1] - authorOffsets[authors[a]]);
            string date = days[a] == 0 ? "none" : DateOnly.FromDayNumber(days[a] - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            w.Append("article ").Append(a).Append(": parts ").Append(firstParts[a]).Append("..").Append(firstParts[a + 1])
                .Append(", author ").Append(author).Append(", ").AppendLine(date);
        }

        foreach (string mode in new[] { "Default", "Exact", "Normalized", "LuceneCompatible" })
        {
            int[] termOffsets = Ints("TermOffsets" + mode), termPostings = Ints("TermPostings" + mode), parts = Ints("PostingParts" + mode);
            int[] ends = Ints("PostingEnds" + mode), positions = Ints("Positions" + mode);
            int[] termArticles = Ints("TermArticlePostings" + mode), docs = Ints("ArticleDocs" + mode), titleFreqs = Ints("ArticleTitleFreqs" + mode), bodyFreqs = Ints("ArticleBodyFreqs" + mode);
            int[] dfTitle = Ints("TermTitleArticles" + mode), dfBody = Ints("TermBodyArticles" + mode), dfBlocks = Ints("TermBlocks" + mode);
            byte[] terms = Encoding.UTF8.GetBytes(Text("Terms" + mode));
            w.Append("# ").Append(mode).AppendLine(": term, df (title articles, body articles, blocks), part postings with positions, article postings (title tf, body tf)");
            string Term(int t) => Encoding.UTF8.GetString(terms, termOffsets[t], termOffsets[t + 1] - termOffsets[t]);
            for (int t = 0; t + 1 < termOffsets.Length; t++)
            {
                w.Append(Term(t))
                    .Append(" df ").Append(dfTitle[t]).Append('/').Append(dfBody[t]).Append('/').Append(dfBlocks[t]).Append(" parts");
                for (int i = termPostings[t]; i < termPostings[t + 1]; i++)
                {
                    w.Append(' ').Append(parts[i]).Append('@').AppendJoin(',', positions[(i == 0 ? 0 : ends[i - 1])..ends[i]]);
                }

                w.Append(" articles");
                for (int i = termArticles[t]; i < termArticles[t + 1]; i++)
                {
                    w.Append(' ').Append(docs[i]).Append('(').Append(titleFreqs[i]).Append(',').Append(bodyFreqs[i]).Append(')');
                }

                w.AppendLine();
            }

            if (sections.ContainsKey("PairSeconds" + mode))
            {
                // The pair index: each pair of adjacent terms with its article postings (after the terms' own).
                int[] pairStarts = Ints("PairStarts" + mode), seconds = Ints("PairSeconds" + mode), pairArticles = Ints("PairArticlePostings" + mode);
                w.Append("# ").Append(mode).Append(": pairs of terms of at least ").Append(Ints("PairMinArticles" + mode)[0])
                    .AppendLine(" articles each, second term directly after the first in one part: article postings (title tf, body tf)");
                for (int t = 0; t + 1 < pairStarts.Length; t++)
                {
                    for (int p = pairStarts[t]; p < pairStarts[t + 1]; p++)
                    {
                        w.Append(Term(t)).Append(' ').Append(Term(seconds[p])).Append(" articles");
                        for (int i = pairArticles[p]; i < pairArticles[p + 1]; i++)
                        {
                            w.Append(' ').Append(docs[i]).Append('(').Append(titleFreqs[i]).Append(',').Append(bodyFreqs[i]).Append(')');
                        }

                        w.AppendLine();
                    }
                }
            }

            int[] bounds = Ints("ArticleBlockBounds" + mode);
            w.Append("# ").Append(mode).AppendLine(": per block of 16 article postings, largest title tf, shortest title, largest body tf, shortest body");
            for (int b = 0; b + 3 < bounds.Length; b += 4)
            {
                w.Append("block ").Append(b / 4).Append(": ").Append(bounds[b]).Append(", ").Append(bounds[b + 1]).Append(", ")
                    .Append(bounds[b + 2]).Append(", ").Append(bounds[b + 3]).AppendLine();
            }
        }

        return w.ToString();
    }

    private static int[] Decode(string packed)
    {
        var reader = new IndexInts(Encoding.ASCII.GetBytes(packed));
        var values = new int[reader.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader[i];
        }

        return values;
    }
}
