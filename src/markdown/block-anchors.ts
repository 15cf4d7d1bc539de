import type MarkdownIt from "markdown-it";
import { BLOCK_ID } from "../vault-scan/markdown-outline.js";
import type { GardenEnv } from "./garden-env.js";

/**
 * Obsidian's block ids: a paragraph or list item ending in " ^abc" is the target of "[[Note#^abc]]". The marker
 * is removed from the text and becomes the id "^abc" of its block, which the link's "#%5Eabc" fragment reaches.
 */
export function blockAnchorsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "garden_block_anchors", (state) => {
    // Embedded notes lose their markers too, but take no ids: the page must not hold an id twice.
    const embedded = Boolean((state.env as GardenEnv).gardenEmbeds?.length);
    state.tokens.forEach((token, i) => {
      if (token.type !== "inline") return;
      const last = token.children?.at(-1);
      if (last?.type !== "text") return;
      const match = BLOCK_ID.exec(last.content);
      if (!match) return;
      last.content = last.content.slice(0, match.index);
      if (embedded) return;
      const opener = state.tokens[i - 1];
      const owner = opener?.type === "paragraph_open" && state.tokens[i - 2]?.type === "list_item_open" ? state.tokens[i - 2] : opener;
      owner?.attrSet("id", `^${match[1]}`);
    });
  });
}
