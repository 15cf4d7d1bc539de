import MarkdownIt from "markdown-it";
import type { GardenLinks } from "./garden-env.js";
import { blockAnchorsPlugin } from "./block-anchors.js";
import { externalLinksPlugin } from "./external-links.js";
import { headingIdsPlugin } from "./heading-ids.js";
import { noteEmbedsPlugin } from "./note-embeds.js";
import { videoEmbedsPlugin } from "./video-embeds.js";
import { wikilinkPlugin } from "./wikilink-rule.js";

/**
 * The Markdown renderer for notes. `breaks` follows Obsidian, where a single line break shows as one;
 * raw HTML stays allowed because editors embed videos with it.
 */
export function createMarkdownLibrary(links: GardenLinks, siteHost: string): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, breaks: true });
  // Only addresses with a scheme become links: "site.name" or "p.ex" in French prose stay text.
  md.linkify.set({ fuzzyLink: false });
  wikilinkPlugin(md, links);
  headingIdsPlugin(md);
  blockAnchorsPlugin(md);
  noteEmbedsPlugin(md, links);
  videoEmbedsPlugin(md);
  externalLinksPlugin(md, siteHost);
  return md;
}
