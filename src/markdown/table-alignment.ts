import type MarkdownIt from "markdown-it";

/** The class each column alignment of a Markdown table takes, styled in site.css. */
const ALIGNMENT_CLASSES: Readonly<Record<string, string>> = {
  "text-align:left": "aligne-gauche",
  "text-align:center": "aligne-centre",
  "text-align:right": "aligne-droite",
};

/**
 * markdown-it aligns table columns ("| :-: |") with a `style` attribute on each cell, which the site's
 * Content-Security-Policy (`style-src 'self'`) refuses: the cells take a class instead.
 */
export function tableAlignmentPlugin(md: MarkdownIt): void {
  md.core.ruler.push("garden_table_alignment", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const style = token.attrGet("style");
      if (style === null) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      const alignment = ALIGNMENT_CLASSES[style];
      if (alignment) token.attrJoin("class", alignment);
    }
  });
}
