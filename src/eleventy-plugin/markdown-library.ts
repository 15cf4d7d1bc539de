import MarkdownIt from "markdown-it";
import type { GardenLinks } from "./garden-env.js";
import { headingIdsPlugin } from "./heading-ids.js";
import { noteEmbedsPlugin } from "./note-embeds.js";
import { wikilinkPlugin } from "./wikilink-rule.js";

/**
 * The Markdown renderer for notes. `breaks` follows Obsidian, where a single line break shows as one;
 * raw HTML stays allowed because editors embed videos with it.
 */
export function createMarkdownLibrary(links: GardenLinks): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, breaks: true });
  wikilinkPlugin(md, links);
  headingIdsPlugin(md);
  noteEmbedsPlugin(md, links);
  return md;
}
