using System.Collections.Generic;
using CorpusSdk.Generators.Text;

namespace CorpusSdk.Generators.Parsing;

/// <summary>Gregorian month names in the systems Arabic news sites use, and in English.</summary>
internal static class MonthNames
{
    private static readonly string[][] Names =
    [
        ["يناير", "كانون الثاني", "جانفي", "January", "Jan"],
        ["فبراير", "شباط", "فيفري", "February", "Feb"],
        ["مارس", "آذار", "March", "Mar"],
        ["أبريل", "إبريل", "نيسان", "أفريل", "April", "Apr"],
        ["مايو", "أيار", "ماي", "May"],
        ["يونيو", "يونيه", "حزيران", "جوان", "June", "Jun"],
        ["يوليو", "يوليه", "تموز", "جويلية", "July", "Jul"],
        ["أغسطس", "آب", "أوت", "August", "Aug"],
        ["سبتمبر", "أيلول", "September", "Sep", "Sept"],
        ["أكتوبر", "تشرين الأول", "October", "Oct"],
        ["نوفمبر", "تشرين الثاني", "November", "Nov"],
        ["ديسمبر", "كانون الأول", "December", "Dec"],
    ];

    /// <summary>Hijri month names: recognised only to refuse them clearly.</summary>
    private static readonly string[] HijriNames =
    [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى", "جمادى الأول",
        "جمادى الآخرة", "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ];

    private static readonly Dictionary<string, int> ByKey = Build();

    private static readonly HashSet<string> HijriKeys = BuildHijri();

    /// <summary>The month number (1–12) for a name in any supported system, or 0.</summary>
    public static int Lookup(string name) =>
        ByKey.TryGetValue(TextFacts.FoldForLookup(name), out int month) ? month : 0;

    /// <summary>True when the name is a Hijri month.</summary>
    public static bool IsHijri(string name) => HijriKeys.Contains(TextFacts.FoldForLookup(name));

    private static Dictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int i = 0; i < Names.Length; i++)
        {
            foreach (string name in Names[i])
            {
                map[TextFacts.FoldForLookup(name)] = i + 1;
            }
        }

        return map;
    }

    private static HashSet<string> BuildHijri()
    {
        var set = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string name in HijriNames)
        {
            set.Add(TextFacts.FoldForLookup(name));
        }

        return set;
    }
}
