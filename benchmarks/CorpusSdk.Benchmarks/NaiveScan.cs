using System;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The naive peer: <c>MemoryExtensions.IndexOf(text, term, StringComparison.Ordinal)</c> over every title
/// and block, counting occurrences (of every string, in the parts where all of them occur). No analysis:
/// it finds only the exact spelling, and finds it inside longer words too.
/// </summary>
internal static class NaiveScan
{
    public static int Count(ArticleCollection articles, string[] strings)
    {
        int count = 0;
        foreach (Article article in articles)
        {
            count += CountPart(article.Title.Span, strings);
            foreach (Block block in article.Blocks)
            {
                count += CountPart(block.Text.Span, strings);
            }
        }

        return count;
    }

    private static int CountPart(ReadOnlySpan<char> text, string[] strings)
    {
        int count = 0;
        foreach (string value in strings)
        {
            int found = Occurrences(text, value);
            if (found == 0)
            {
                return 0;
            }

            count += found;
        }

        return count;
    }

    private static int Occurrences(ReadOnlySpan<char> text, string value)
    {
        int count = 0;
        int index;
        while ((index = text.IndexOf(value, StringComparison.Ordinal)) >= 0)
        {
            count++;
            text = text.Slice(index + value.Length);
        }

        return count;
    }
}
