import type MarkdownIt from "markdown-it";
import { LINE_BREAK_TAG, plainText } from "../vault-scan/plain-text.js";
import { HeadingSlugger } from "../vault-scan/slug.js";
import type { GardenEnv } from "./garden-env.js";

/**
 * Gives each heading the id the resolver expects for "[[Note#Heading]]": the scanner computes ids with the same
 * plainText + HeadingSlugger on the same raw heading text, in the same order, cut by the same block syntax
 * (notesMarkdownIt), none of the layout's own ids. Embedded notes get no ids, so a page never holds the same id
 * twice. Headings are text, as the page titles made from them are: HTML typed in a heading ("# La balise <script>")
 * shows as written instead of running, except a "<br>", which breaks the line (and is a space in the id).
 */
export function headingIdsPlugin(md: MarkdownIt, layoutIds: readonly string[]): void {
  md.core.ruler.after("inline", "garden_heading_ids", (state) => {
    const embedded = Boolean((state.env as GardenEnv).gardenEmbeds?.length);
    const slugger = new HeadingSlugger(layoutIds);
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const inline = state.tokens[i + 1];
      for (const child of inline?.children ?? []) {
        if (child.type !== "html_inline") continue;
        if (LINE_BREAK_TAG.test(child.content)) {
          child.type = "hardbreak";
          child.tag = "br";
        } else {
          child.type = "text";
        }
      }
      if (!embedded) token.attrSet("id", slugger.next(plainText(inline?.content ?? "")));
    });
  });
}
