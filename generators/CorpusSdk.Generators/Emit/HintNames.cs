using System.Text;

namespace CorpusSdk.Generators.Emit;

/// <summary>Stable, file-system-safe hint names for generated files.</summary>
internal static class HintNames
{
    /// <summary>"Corpus.&lt;member&gt;.g.cs"; characters outside ASCII letters, digits and '_' become "_xXXXX".</summary>
    public static string ForArticle(string memberName)
    {
        var builder = new StringBuilder("Article.");
        foreach (char c in memberName.TrimStart('@'))
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            {
                builder.Append(c);
            }
            else if (c == '_')
            {
                builder.Append("__");
            }
            else
            {
                builder.Append("_x").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.Append(".g.cs").ToString();
    }
}
