namespace CorpusSdk.Cli.Render;

/// <summary>The one style sheet of the preview site, inlined into every page (no external files).</summary>
internal static class SiteStyle
{
    /// <summary>
    /// Logical properties (<c>margin-inline-start</c>, <c>border-inline-start</c>) so the same rules
    /// lay out right-to-left and left-to-right pages. Quotation elements keep the seed's own marks
    /// (<c>quotes: none</c>), so nothing is doubled.
    /// </summary>
    public const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 46rem; padding: 2rem 3.5rem 3rem; background: #fdfcf8; color: #1d1d1b;
          font: 1.125rem/1.85 "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", Tahoma, Arial, sans-serif; }
        html[lang="en"] body { font-family: Georgia, "DejaVu Serif", "Times New Roman", serif; line-height: 1.7; }
        nav.site { font-size: .9rem; margin-block-end: 2rem; }
        nav.site a { color: #5b5b57; }
        header.article-header { border-block-end: 1px solid #ddd8cc; margin-block-end: 2rem; padding-block-end: 1rem; }
        h1.title { font-size: 2rem; line-height: 1.4; margin: 0 0 .5rem; }
        p.byline { margin: 0; color: #5b5b57; font-size: .95rem; }
        .block { position: relative; }
        .block::before { content: attr(data-line); position: absolute; inset-inline-start: -3rem; width: 2.4rem;
          text-align: end; font: .7rem/2.4 ui-monospace, "DejaVu Sans Mono", monospace; color: #b3aea2; }
        h2.heading { font-size: 1.4rem; line-height: 1.5; margin: 2.4rem 0 .8rem; padding-block-end: .25rem;
          border-block-end: 2px solid #c9a66b; color: #3b2a12; }
        p.paragraph { margin: 0 0 1.15rem; text-align: start; }
        aside.pull-quote { margin: 2rem 0; padding: .75rem 1.25rem; border-inline-start: 6px solid #b5651d;
          background: #f5ece0; color: #5a3410; font-size: 1.35rem; font-weight: bold; line-height: 1.7; }
        q.quote { quotes: none; background: #fff0b8; border-radius: 3px; padding: 0 .15em; }
        q.quote::before, q.quote::after { content: none; }
        a.link { color: #0b57a4; text-decoration: underline; text-underline-offset: .2em; }
        span.link-blocked { color: #9b1c1c; text-decoration: underline dotted; cursor: not-allowed; }
        ol.articles { padding-inline-start: 1.5rem; }
        ol.articles li { margin-block-end: 1rem; }
        ol.articles .meta { display: block; color: #5b5b57; font-size: .9rem; }
        footer.site { margin-block-start: 3rem; padding-block-start: 1rem; border-block-start: 1px solid #ddd8cc;
          color: #77746c; font: .8rem/1.6 "DejaVu Sans", Arial, sans-serif; }
        footer.site code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        """;
}
