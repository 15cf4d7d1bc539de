import type MarkdownIt from "markdown-it";
import { plainText } from "../vault-scan/plain-text.js";
import { HeadingSlugger } from "../vault-scan/slug.js";
import type { GardenEnv } from "./garden-env.js";

/**
 * Gives each heading the id the resolver expects for "[[Note#Heading]]": the scanner computes ids with the same
 * plainText + HeadingSlugger on the same raw heading text, in the same order. Embedded notes get no ids, so a
 * page never holds the same id twice.
 */
export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "garden_heading_ids", (state) => {
    if ((state.env as GardenEnv).gardenEmbeds?.length) return;
    const slugger = new HeadingSlugger();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const inline = state.tokens[i + 1];
      token.attrSet("id", slugger.next(plainText(inline?.content ?? "")));
    });
  });
}
