using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CorpusSdk.Cli.Render;

/// <summary>
/// File names for article pages, derived from article IDs so that no ID can escape the output
/// folder or collide with another, even on case-insensitive file systems.
/// </summary>
/// <remarks>
/// Lower-case ASCII letters, digits, <c>_</c> and <c>-</c> are kept; every other UTF-8 byte
/// (upper-case letters, <c>.</c>, <c>/</c>, <c>\</c>, non-ASCII) becomes <c>~</c> and two lower-case hex
/// digits, and a lone surrogate <c>~u</c> and four: reversible, so distinct IDs get distinct names.
/// Stems longer than <see cref="MaxStemLength"/> are cut at an escape boundary and end in <c>~~</c>
/// and a SHA-256 prefix of the ID. Windows device names (<c>con</c>, <c>nul</c>, …) get their first
/// letter escaped.
/// </remarks>
internal static class PageNames
{
    /// <summary>Longest stem (name without <c>.html</c>) kept whole.</summary>
    public const int MaxStemLength = 120;

    private const int HashLength = 32;

    private static readonly string[] DeviceNames =
    [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];

    /// <summary>The page file name (no directory) for an article ID.</summary>
    public static string ForArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        const int cutLimit = MaxStemLength - HashLength - 2;
        var name = new StringBuilder(id.Length + 8);
        int cut = 0;
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < id.Length; i++)
        {
            if (name.Length <= cutLimit)
            {
                cut = name.Length;
            }

            char c = id[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-')
            {
                name.Append(c);
            }
            else if (char.IsSurrogatePair(id, i))
            {
                AppendBytes(name, utf8[..Encoding.UTF8.GetBytes(id.AsSpan(i++, 2), utf8)]);
            }
            else if (char.IsSurrogate(c))
            {
                name.Append("~u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                AppendBytes(name, utf8[..Encoding.UTF8.GetBytes(id.AsSpan(i, 1), utf8)]);
            }
        }

        if (name.Length <= cutLimit)
        {
            cut = name.Length;
        }

        string stem = name.ToString();
        if (stem.Length == 0)
        {
            return "~.html";
        }

        if (Array.IndexOf(DeviceNames, stem) >= 0)
        {
            return "~" + ((int)stem[0]).ToString("x2", CultureInfo.InvariantCulture) + stem[1..] + ".html";
        }

        if (stem.Length > MaxStemLength)
        {
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..HashLength];
            stem = stem[..cut] + "~~" + hash;
        }

        return stem + ".html";
    }

    private static void AppendBytes(StringBuilder name, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            name.Append('~').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
    }
}
