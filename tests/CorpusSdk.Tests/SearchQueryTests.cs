using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>
/// Queries over the real seed (seeds/000_8fbc388ac0ad8ee7.txt) with their expected parts. Every
/// expectation below was derived by reading the article (blocks 0–17 as listed in
/// tests/CorpusSdk.Generators.Tests/Spec/000_8fbc388ac0ad8ee7.expected.json, -1 = the title) and
/// applying the documented rules (docs/search.md, DESIGN.md §5), not by running the search.
/// The comment on each row names the surface forms that make it.
/// </summary>
/// <remarks>
/// Default-mode rules used in the reasoning: a word matches when one of its candidates (the
/// normalised word; the word without one clitic prefix ال وال بال كال فال لل ول فل وب فب و ف ب ل ك,
/// leaving ≥ 3 letters (≥ 4 after a lone ك); either of those without one suffix ها هم هما كم نا ان ات ون ين يه ه ي ا,
/// leaving ≥ 3 letters) is an accepted index term of the corpus word. A stem is accepted when it has
/// four letters or more after any article prefix, or when the corpus has it as a word; a stem made by
/// dropping a final ا only when another suffix (or the word itself) makes it too. Lucene-compatible
/// rows follow Lucene 4.8 ArabicAnalyzer: stop words removed before normalisation, prefixes
/// ال وال بال كال فال لل و (one, first match), suffixes ها ان ات ون ين يه ية ه ة ي (each in turn).
/// </remarks>
public sealed class SearchQueryTests
{
    private const SearchMode D = SearchMode.Default;
    private const SearchMode E = SearchMode.Exact;
    private const SearchMode N = SearchMode.Normalized;
    private const SearchMode L = SearchMode.LuceneCompatible;

    /// <summary>Blocks of the real seed that contain the word كيري (title, and block 6 twice).</summary>
    private static readonly int[] KerryBlocks = [-1, 0, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17];

    /// <summary>Blocks that contain the stand-alone word من.</summary>
    private static readonly int[] MinBlocks = [-1, 0, 1, 2, 3, 5, 6, 7, 10, 11, 13, 16, 17];

    public static TheoryData<SearchMode, string, int[]> Queries => new()
    {
        // --- Diacritics ---------------------------------------------------------------------------
        // قائلاً (with tanween) is in blocks 6, 10 and 16; normalisation drops the U+064B.
        { D, "قائلا", [6, 10, 16] },
        { N, "قائلا", [6, 10, 16] },
        // Exact compares the original text: no token is written قائلا without the mark.
        { E, "قائلا", [] },
        { E, "قائلاً", [6, 10, 16] },
        // شخصًا in block 0 only.
        { D, "شخصا", [0] },
        // عسكريا → candidates عسكريا, عسكري (final ا dropped; عسكري is a corpus word form: العسكري).
        // عسكرية (3) → عسكري (ه), عسكريًا (5, 16), العسكري (9) → عسكري.
        { D, "عسكريا", [3, 5, 9, 16] },

        // --- Hamza forms ----------------------------------------------------------------------------
        // The only form of إيران in the text is لإيران (block 6): the lone ل is a clitic.
        { D, "إيران", [6] },
        { D, "ايران", [6] },
        { D, "لإيران", [6] },
        { E, "إيران", [] },
        { E, "لإيران", [6] },
        { N, "ايران", [] },
        // Lucene never strips ل: ايران → اير, لايران → لاير.
        { L, "إيران", [] },
        // أمريكا (6, 11, 14) meets أمريكي/الأمريكي (0, 6, 10) and الأمريكية (6, 8, 10, 11, 17) at أمريك;
        // الأمريكيين (block 5 only) loses one suffix only (→ امريكي), so block 5 is not a hit.
        { D, "أمريكا", [0, 6, 8, 10, 11, 14, 17] },
        { D, "امريكا", [0, 6, 8, 10, 11, 14, 17] },
        { E, "أمريكا", [6, 11, 14] },
        { E, "امريكا", [] },
        { N, "امريكا", [6, 11, 14] },
        // الأمريكي → الامريكي, امريكي, امريك: every أمريك… word, الأمريكيين included (→ امريكي).
        { D, "الأمريكي", [0, 5, 6, 8, 10, 11, 14, 17] },
        // Lucene: أمريكا stays امريكا; الأمريكي/أمريكي/الأمريكية/الأمريكيين → امريك. Apart.
        { L, "أمريكا", [6, 11, 14] },
        { L, "الأمريكي", [0, 5, 6, 8, 10, 11, 17] },
        // إدارة (5, 12) and الإدارة (10).
        { D, "ادارة", [5, 10, 12] },

        // --- ى / ي ------------------------------------------------------------------------------------
        // سوى in blocks 12 and 16; مدى in 13; مصطفى in 13.
        { D, "سوي", [12, 16] },
        { E, "سوي", [] },
        { E, "سوى", [12, 16] },
        { D, "مدي", [13] },
        { D, "مصطفي", [13] },

        // --- ة / ه ------------------------------------------------------------------------------------
        // سورية (5, 6, 7, 8, 9, 11, 12, 17); السورية (3, 6, 7, 14, 16) → سوريه; السوري (5, 16) and
        // السوريين (0, 6, 9, 17) → سوري, which is سوريه without ه (four letters: kept).
        { D, "سورية", [0, 3, 5, 6, 7, 8, 9, 11, 12, 14, 16, 17] },
        { D, "سوريه", [0, 3, 5, 6, 7, 8, 9, 11, 12, 14, 16, 17] },
        // Normalised mode: only the bare word سورية.
        { N, "سوريه", [5, 6, 7, 8, 9, 11, 12, 17] },
        { E, "سوريه", [] },
        // Lucene: سورية, السورية, السوري, السوريين all stem to سور.
        { L, "سوريه", [0, 3, 5, 6, 7, 8, 9, 11, 12, 14, 16, 17] },
        // صحيفة (0), الصحيفة (1, 7, 12).
        { D, "صحيفه", [0, 1, 7, 12] },

        // --- Clitic prefixes --------------------------------------------------------------------------
        // و: ويذكر (3).
        { D, "يذكر", [3] },
        { L, "يذكر", [3] },
        // ال / لل: الحضور (2, 13, 17), للحضور (13), حضور (13).
        { D, "حضور", [2, 13, 17] },
        // وال / ال / لل: والناشطين (0), الناشطين (6), للناشطين (7).
        { D, "الناشطين", [0, 6, 7] },
        // وال / لل: والنظام and للنظام, both in block 3.
        { D, "النظام", [3] },
        // لل: للجمعية (0).
        { D, "الجمعية", [0] },
        // ب: باستخدام (6); استخدام (5, 6, 13).
        { D, "استخدام", [5, 6, 13] },
        // ال / بال: التدخل (5, 6, 7), بالتدخل (6); suffixes: تدخلنا (9), تدخلًا (16, final ا).
        { D, "تدخل", [5, 6, 7, 9, 16] },
        // Lucene strips ال and بال but not نا or a final ا.
        { L, "تدخل", [5, 6, 7] },
        // ل: لوزير (0), لموسكو (7), لضرب (7, 14). Lucene finds none of them.
        { D, "وزير", [0] },
        { L, "وزير", [] },
        { D, "موسكو", [7] },
        { L, "موسكو", [] },
        { D, "ضرب", [7, 14] },
        { L, "ضرب", [] },

        // --- Plural and feminine suffixes -------------------------------------------------------------
        // محادثات and المحادثات (10) → محادث, as is محادثة.
        { D, "محادثة", [10] },
        { L, "محادثة", [10] },
        // انتخابات (16, 17) → انتخاب; بانتخابه (17) → انتخابه → انتخاب.
        { D, "انتخاب", [16, 17] },
        // The ال is not part of the stem: الولايات (7, 11, 14) and ولايات share ولايات/ولاي.
        { D, "ولايات", [7, 11, 14] },
        { D, "الولايات", [7, 11, 14] },
        // القوة (5, 6) and قوات (7) are different words: their common letters قو are too short a stem.
        { D, "القوة", [5, 6] },
        { D, "قوات", [7] },
        // With the article the query would make القو; counted without its ال it is a 2-letter stem.
        { D, "القوات", [7] },
        // السنوية (0) and سنوات (17): common سنو is a 3-letter stem the corpus never has as a word.
        { D, "السنوية", [0] },
        { D, "سنوات", [17] },
        { D, "السنوات", [17] },
        // الدولة (11, the state) and الدولي (9, international) share only دول, three letters after ال.
        { D, "الدولة", [11] },
        { D, "الدولي", [9] },
        { L, "الدولة", [9, 11] },
        // The same rule's limit: الصيني (9) is الصين + ي, but صين is a 3-letter stem the corpus never has
        // as a word (like كير in كيري), so الصين does not find it; الصيني itself does. Lucene finds it.
        { D, "الصين", [] },
        { D, "الصيني", [9] },
        { L, "الصين", [9] },
        // Lucene merges both pairs (قو, سنو) and turns الولايات into ولا.
        { L, "القوة", [5, 6, 7] },
        { L, "قوات", [5, 6, 7] },
        { L, "السنوية", [0, 17] },
        { L, "سنوات", [0, 17] },
        { L, "الولايات", [7, 11, 14] },
        // ولايات: Lucene strips و (لايات → لا), which no corpus word makes.
        { L, "ولايات", [] },
        // الولاة (the governors) → ولا in Lucene, the stem of الولايات; the default keeps them apart.
        { L, "الولاة", [7, 11, 14] },
        { D, "الولاة", [] },

        // --- Names --------------------------------------------------------------------------------------
        { D, "كيري", KerryBlocks },
        { L, "كيري", KerryBlocks },
        // Lucene indexes كيري as كير, so the query كير finds it; the default does not truncate names.
        { L, "كير", KerryBlocks },
        { D, "كير", [] },
        // يرى (he sees) is not in the article; كيري must not be read as the clitic ك + يرى.
        { D, "يرى", [] },
        { D, "يري", [] },
        { L, "يرى", [] },
        // A documented limit: بشار (17) also yields ب + شار (three letters remain after ب), so شار finds it.
        { D, "شار", [17] },
        { L, "شار", [] },
        // بوتين is not in the article.
        { D, "بوتين", [] },
        { L, "بوتين", [] },
        // أوباما (5, 12): the final ا stays (no other suffix makes اوبام).
        { D, "أوباما", [5, 12] },
        // روسيا (3, 6, 10); الروسي (9) shares روسي, a corpus word form. Lucene keeps روسيا whole.
        { D, "روسيا", [3, 6, 9, 10] },
        { L, "روسيا", [3, 6, 10] },
        // ولافروف (3).
        { D, "لافروف", [3] },
        // الأسد (7, 17).
        { D, "أسد", [7, 17] },

        // --- الله, له, من, مني: stop words -----------------------------------------------------------------
        // الله (11, 14): its only stem الل is not a word.
        { D, "الله", [11, 14] },
        { L, "الله", [11, 14] },
        // له (6) in the default mode; Lucene drops the stop word له…
        { D, "له", [6] },
        { L, "له", [] },
        // …but لَه (with a mark) is not in its stop list, normalises to له, and finds الله (الله → له).
        { L, "لَه", [11, 14] },
        { D, "لَه", [6] },
        // مني (13). Lucene indexes it as من; the stop word من itself is never indexed.
        { D, "مني", [13] },
        { L, "مني", [13] },
        { L, "مِن", [13] },
        { D, "مِن", MinBlocks },
        { L, "من", [] },

        // --- Digits ---------------------------------------------------------------------------------------
        // 20 (0), 10 (3), 8 (1). The byline's 2016 is not searchable text.
        { D, "20", [0] },
        { D, "٢٠", [0] },
        { N, "٢٠", [0] },
        { E, "٢٠", [] },
        { L, "٢٠", [] },
        { D, "١٠", [3] },
        { D, "8", [1] },
        { D, "2016", [] },

        // --- Phrases ---------------------------------------------------------------------------------------
        // الولايات المتحدة: 7, 11 (twice), 14. الأمم المتحدة: 0.
        { D, "\"الولايات المتحدة\"", [7, 11, 14] },
        { L, "\"الولايات المتحدة\"", [7, 11, 14] },
        { D, "“الأمم المتحدة”", [0] },
        { D, "\"المتحدة الولايات\"", [] },
        // حزب الله: 11, 14.
        { D, "\"حزب الله\"", [11, 14] },
        { L, "\"حزب الله\"", [11, 14] },
        // لن نقاتل معكم: title, 2, 13.
        { D, "\"لن نقاتل معكم\"", [-1, 2, 13] },
        // لكننا → لكن (نا), a corpus word: block 2's "لكن لن نقاتل معكم" matches too.
        { D, "\"لكننا لن نقاتل معكم\"", [-1, 2, 13] },
        // Lucene: لن is a stop word (a gap), لكن is a stop word (not indexed), so block 2 has no لكننا.
        { L, "\"لكننا لن نقاتل معكم\"", [-1, 13] },
        // Across parts: the title ends with معكم and block 0 begins with سربت; block 2 ends with معكم
        // and block 3 begins with ويذكر. A phrase never spans two parts.
        { D, "\"معكم سربت\"", [] },
        { D, "\"معكم ويذكر\"", [] },

        // --- Prefixes --------------------------------------------------------------------------------------
        // تسريبات (title), التسريبات (1, 15).
        { D, "تسريب*", [-1, 1, 15] },
        { L, "تسريب*", [-1, 1, 15] },
        { E, "تسريب*", [-1] },
        // انتخابات (16, 17), بانتخابه (17).
        { D, "انتخ*", [16, 17] },
        // A prefix is compared with the mode's terms, which in the default mode include whole words:
        // التسريبات (1, 15) starts with التسريب, the title's تسريبات does not.
        { D, "التسريب*", [1, 15] },
        // LuceneCompatible normalises a prefix (أ → ا) before comparing it with Lucene's stems: امريك and
        // امريكا cover every أمريك… word. (Lucene's own QueryParser only lower-cases it and finds nothing.)
        { L, "أمريك*", [0, 5, 6, 8, 10, 11, 14, 17] },
        // Punctuation in a query only separates words: كيري: is كيري.
        { D, "كيري:", KerryBlocks },

        // --- All terms: every word in the same part --------------------------------------------------------
        // حلب is in 3 and 10, both with كيري.
        { D, "كيري حلب", [3, 10] },
        // داعش only in 14, which has no كيري.
        { D, "كيري داعش", [] },
        { D, "حزب الله أمريكا", [11, 14] },
        { D, "أوباما سورية", [5, 12] },

        // --- Misses -----------------------------------------------------------------------------------------
        { D, "ترامب", [] },
        { D, "نيويوركر", [] },
        { D, "تسريبة*", [] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_hits_exactly_the_expected_parts(SearchMode mode, string query, int[] expected)
    {
        Assert.Equal(expected, Blocks(query, mode));
    }

    public static TheoryData<SearchMode, string, string[]> MatchedTexts => new()
    {
        // The range covers the word as written, diacritics included.
        { D, "قائلا", ["قائلاً", "قائلاً", "قائلاً"] },
        { D, "شخصا", ["شخصًا"] },
        { D, "إيران", ["لإيران"] },
        { D, "موسكو", ["لموسكو"] },
        { D, "النظام", ["والنظام", "للنظام"] },
        { D, "تدخل", ["التدخل", "بالتدخل", "التدخل", "التدخل", "تدخلنا", "تدخلًا"] },
        { L, "تدخل", ["التدخل", "بالتدخل", "التدخل", "التدخل"] },
        { D, "عسكريا", ["عسكرية", "عسكريًا", "العسكري", "عسكريًا"] },
        { D, "روسيا", ["روسيا", "روسيا", "روسيا", "الروسي", "روسيا"] },
        {
            D, "أمريكا",
            ["الأمريكي", "أمريكا", "الأمريكية", "أمريكا", "الأمريكي", "الأمريكية", "الأمريكية", "الأمريكية", "أمريكي",
             "الأمريكية", "الأمريكية", "أمريكا", "أمريكا", "أمريكا", "الأمريكية"]
        },
        { D, "تسريب*", ["تسريبات", "التسريبات", "التسريبات"] },
        { D, "\"الولايات المتحدة\"", ["الولايات المتحدة", "الولايات المتحدة", "الولايات المتحدة", "الولايات المتحدة"] },
        { D, "\"حزب الله\"", ["حزب الله", "حزب الله"] },
        { L, "لَه", ["الله", "الله"] },
        { D, "٢٠", ["20"] },
        // All terms: both words' occurrences in the parts that have both, in text order.
        { D, "كيري حلب", ["كيري", "حلب", "كيري", "حلب"] },
    };

    [Theory]
    [MemberData(nameof(MatchedTexts))]
    public void Query_matches_exactly_the_expected_text(SearchMode mode, string query, string[] expected)
    {
        Assert.Equal(expected, Hits(query, mode).Select(h => h.Text).ToArray());
    }

    [Fact]
    public void Kerry_matches_only_the_word_kerry()
    {
        var hits = Hits("كيري", D);
        Assert.Equal(16, hits.Count);
        Assert.All(hits, h => Assert.Equal("كيري", h.Text));
        Assert.Equal(KerryBlocks, hits.Select(h => h.Hit.BlockIndex).Distinct().ToArray());
    }

    [Fact]
    public void Hit_range_of_qaelan_covers_its_diacritic()
    {
        var first = Hits("قائلا", D)[0];
        Assert.Equal(6, first.Hit.BlockIndex);
        string text = Corpus.Articles[0].Blocks[6].Text.ToString();
        int at = text.IndexOf("قائلاً", StringComparison.Ordinal);
        Assert.Equal(at, first.Hit.Start);
        Assert.Equal("قائلاً".Length, first.Hit.Length);
        Assert.Equal('\u064B', text[first.Hit.Start + first.Hit.Length - 1]);
    }

    [Theory]
    [InlineData("كيري")]
    [InlineData("أمريكا")]
    [InlineData("سورية")]
    [InlineData("كيري حلب")]
    [InlineData("تسريب*")]
    public void Hits_come_in_corpus_order(string query)
    {
        var hits = Hits(query, D).Select(h => h.Hit).ToList();
        Assert.NotEmpty(hits);
        for (int i = 1; i < hits.Count; i++)
        {
            SearchHit a = hits[i - 1];
            SearchHit b = hits[i];
            bool ordered = a.ArticleIndex < b.ArticleIndex
                || (a.ArticleIndex == b.ArticleIndex && (a.BlockIndex < b.BlockIndex || (a.BlockIndex == b.BlockIndex && a.Start < b.Start)));
            Assert.True(ordered, $"{a} before {b}");
        }

        // The title (-1) sorts first: كيري is in the title and in every listed block.
        if (query == "كيري")
        {
            Assert.True(hits[0].IsTitle);
            Assert.Equal(2, hits.Count(h => h.BlockIndex == 6));
        }
    }

    [Theory]
    [InlineData(SearchMode.Default, "كيري", 16, 15)]
    [InlineData(SearchMode.Default, "أمريكا", 15, 7)]
    [InlineData(SearchMode.Default, "كيري حلب", 4, 2)]
    [InlineData(SearchMode.Default, "\"الولايات المتحدة\"", 4, 3)]
    [InlineData(SearchMode.Default, "تسريب*", 3, 3)]
    [InlineData(SearchMode.LuceneCompatible, "القوة", 3, 3)]
    [InlineData(SearchMode.Exact, "قائلا", 0, 0)]
    [InlineData(SearchMode.Default, "", 0, 0)]
    public void Count_is_the_number_of_matching_parts(SearchMode mode, string query, int occurrences, int parts)
    {
        Assert.Equal(occurrences, Hits(query, mode).Count);
        Assert.Equal(parts, Hits(query, mode).Select(h => h.Hit.BlockIndex).Distinct().Count());
        Assert.Equal(parts, Corpus.Count(query.AsSpan(), Occurrences.AllParts(mode)));
        using SearchResults results = Corpus.Search(query.AsSpan(), Occurrences.AllParts(mode));
        Assert.Equal(parts, results.TotalCount);
        Assert.Equal(parts == 0 ? 0 : 1, Corpus.Count(query.AsSpan(), new SearchOptions(mode)));
    }

    [Theory]
    [InlineData(SearchMode.LuceneCompatible)]
    [InlineData(SearchMode.Exact)]
    [InlineData(SearchMode.Normalized)]
    public void An_article_phrase_of_two_words_never_spans_two_parts(SearchMode mode)
    {
        // The title ends with معكم and block 0 begins with سربت; block 2 ends with معكم and block 3 begins with ويذكر.
        var articles = new SearchOptions(mode) { Unit = SearchUnit.Article };
        Assert.Equal(0, Corpus.Count("\"معكم سربت\"", articles));
        Assert.Equal(0, Corpus.Count("\"معكم ويذكر\"", articles));
        using SearchResults ranked = Corpus.Search("\"معكم ويذكر\"", articles);
        Assert.Equal(0, ranked.TotalCount);
        Assert.Empty(ranked.Hits.ToArray());

        // A pair within one part matches: "نقاتل معكم" (the title, blocks 2 and 13).
        Assert.Equal(1, Corpus.Count("\"نقاتل معكم\"", articles));
    }

    [Fact]
    public void String_overload_ranks_articles_in_the_default_mode()
    {
        using SearchResults viaString = Corpus.Search("إيران");
        Assert.Equal(1, viaString.TotalCount);
        RankedHit hit = Assert.Single(viaString.Hits.ToArray());
        Assert.Equal(6, hit.BlockIndex);
        Assert.Equal(Hits("إيران", D).Select(h => h.Hit), viaString.GetHighlights(viaString.GetParts(hit)[0]).ToArray());
    }

    private static int[] Blocks(string query, SearchMode mode) =>
        Hits(query, mode).Select(h => h.Hit.BlockIndex).Distinct().Order().ToArray();

    private static List<(SearchHit Hit, string Text)> Hits(string query, SearchMode mode)
    {
        var hits = new List<(SearchHit, string)>();
        foreach (SearchHit hit in Occurrences.Of(query, mode))
        {
            Assert.Equal(0, hit.ArticleIndex);
            hits.Add((hit, Corpus.SearchEngine.GetPartText(hit).Span.Slice(hit.Start, hit.Length).ToString()));
        }

        return hits;
    }
}
