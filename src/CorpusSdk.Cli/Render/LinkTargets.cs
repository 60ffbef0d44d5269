using System;

namespace CorpusSdk.Cli.Render;

/// <summary>Decides which link targets may become a live <c>href</c> in rendered pages.</summary>
internal static class LinkTargets
{
    /// <summary>
    /// True only for an absolute <c>http</c>/<c>https</c> URL with a host, or a fragment (<c>#…</c>),
    /// without controls or white space (browsers drop tabs and line breaks inside URLs, which
    /// could turn <c>java&#9;script:</c> back into a scheme). Anything else — <c>javascript:</c>,
    /// <c>data:</c>, <c>mailto:</c>, relative paths — is shown as text.
    /// </summary>
    public static bool IsLive(string target)
    {
        if (target.Length == 0)
        {
            return false;
        }

        foreach (char c in target)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        if (target[0] == '#')
        {
            return true;
        }

        if (!target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Uri.TryCreate(target, UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0;
    }
}
