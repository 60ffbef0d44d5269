using System;

namespace CorpusSdk.Cli.Export;

/// <summary>The language of an article, as far as exports and previews need it.</summary>
internal enum ContentLanguage
{
    /// <summary>English (also the fallback for any article that is not mostly Arabic).</summary>
    English,

    /// <summary>Arabic.</summary>
    Arabic,
}

/// <summary>
/// Detects an article's language from the script of its letters: an article whose letters (title
/// and body) are mostly Arabic-script is Arabic, anything else is English. The corpus holds Arabic
/// or English articles only, so the script decides; no word lists are needed.
/// </summary>
internal static class ArticleLanguage
{
    /// <summary>Detects the language of <paramref name="article"/>.</summary>
    public static ContentLanguage Detect(Article article)
    {
        int arabic = 0;
        int letters = 0;
        Count(article.Title.Span, ref arabic, ref letters);
        foreach (Block block in article.Blocks)
        {
            Count(block.Text.Span, ref arabic, ref letters);
        }

        return arabic * 2 > letters ? ContentLanguage.Arabic : ContentLanguage.English;
    }

    /// <summary>The BCP 47 tag: <c>ar</c> or <c>en</c>.</summary>
    public static string Tag(ContentLanguage language) => language == ContentLanguage.Arabic ? "ar" : "en";

    /// <summary>The HTML text direction: <c>rtl</c> or <c>ltr</c>.</summary>
    public static string Direction(ContentLanguage language) => language == ContentLanguage.Arabic ? "rtl" : "ltr";

    private static void Count(ReadOnlySpan<char> text, ref int arabic, ref int letters)
    {
        foreach (char c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (IsArabicScript(c))
            {
                arabic++;
            }
        }
    }

    // Arabic, Arabic Supplement, Arabic Extended-A/B, Presentation Forms-A and -B.
    private static bool IsArabicScript(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u0870' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
}
