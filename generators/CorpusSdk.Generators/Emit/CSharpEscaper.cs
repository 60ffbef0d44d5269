using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CorpusSdk.Generators.Emit;

/// <summary>
/// The one way seed text reaches generated C#: string literals, XML doc text and identifiers.
/// Anything that C# treats as a line break, any invisible formatting or bidi control, any control
/// character and any lone surrogate is written as an escape, so the generated source shows exactly
/// what the data holds and cannot be read as code.
/// </summary>
internal static class CSharpEscaper
{
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A C# regular string literal, quotes included, whose value is exactly <paramref name="value"/>.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\0': builder.Append("\\0"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (NeedsEscape(CharUnicodeInfo.GetUnicodeCategory(value, i)))
                {
                    AppendUnicodeEscape(builder, c);
                    AppendUnicodeEscape(builder, value[i + 1]);
                }
                else
                {
                    builder.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            if (c != ' ' && NeedsEscape(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                AppendUnicodeEscape(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Text safe inside an XML doc comment line: markup escaped, line breaks and invisible characters made visible.</summary>
    public static string XmlDocText(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); continue;
                case '<': builder.Append("&lt;"); continue;
                case '>': builder.Append("&gt;"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Surrogate)
            {
                // Not representable in XML 1.0 even as a character reference.
                builder.Append('\uFFFD');
            }
            else if (c != ' ' && NeedsEscape(category))
            {
                builder.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A valid C# identifier for a name: characters C# does not allow become '_', a name that cannot
    /// start an identifier gets a leading '_', and a keyword gets '@'.
    /// </summary>
    public static string Identifier(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            builder.Append(IsIdentifierPart(c) ? c : '_');
        }

        if (builder.Length == 0 || !IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string identifier = builder.ToString();
        return Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    /// <summary>True when <paramref name="name"/> is a dotted sequence of identifiers that are not keywords.</summary>
    public static bool IsNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (part.Length == 0 || !IsIdentifierStart(part[0]) || Keywords.Contains(part))
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!IsIdentifierPart(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> is an identifier that is not a keyword.</summary>
    public static bool IsIdentifier(string name) => name.IndexOf('.') < 0 && IsNamespace(name);

    private static bool IsIdentifierStart(char c) => c == '_' || IsLetter(CharUnicodeInfo.GetUnicodeCategory(c));

    private static bool IsIdentifierPart(char c)
    {
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return c == '_' || IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool NeedsEscape(UnicodeCategory category) => category is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned;

    private static void AppendUnicodeEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
