import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { inlineTagSyntax } from "../vault-scan/inline-tags.js";
import { tagUrl } from "../vault-scan/tags.js";

const TAG_MARKUP = "garden-tag";

/**
 * Obsidian's tags in the text, "#mot" and "#mot/sous-mot": each is a link to its tag page, its "#" kept, read by the
 * same rule as the scan's (inlineTagSyntax), so that the page links the tags the tag pages list. A heading holds no
 * tag, as in the scan: there the tag stays text.
 */
export function inlineTagsPlugin(md: MarkdownIt): void {
  inlineTagSyntax(md, (state, { length, tag }) => {
    const open = state.push("link_open", "a", 1);
    open.attrs = [
      ["href", state.md.normalizeLink(tagUrl(tag))],
      ["class", "tag"],
    ];
    open.markup = TAG_MARKUP;
    state.push("text", "", 0).content = state.src.slice(state.pos, state.pos + length);
    state.push("link_close", "a", -1).markup = TAG_MARKUP;
  });
  md.core.ruler.after("inline", "garden_tags_out_of_headings", (state) => {
    state.tokens.forEach((token, i) => {
      const inline = state.tokens[i + 1];
      if (token.type === "heading_open" && inline?.children) inline.children = inline.children.filter((child) => !isTagLink(child));
    });
  });
}

function isTagLink(token: Token): boolean {
  return (token.type === "link_open" || token.type === "link_close") && token.markup === TAG_MARKUP;
}
