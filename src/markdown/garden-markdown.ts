import type MarkdownIt from "markdown-it";
import { notesMarkdownIt } from "../vault-scan/markdown-headings.js";
import { rawHtmlPlugin } from "./raw-html-rule.js";
import type { GardenLinks } from "./garden-env.js";
import { attachmentLinksPlugin } from "./attachment-links.js";
import { blockAnchorsPlugin } from "./block-anchors.js";
import { calloutsPlugin } from "./callouts.js";
import { externalLinksPlugin } from "./external-links.js";
import { footnotesPlugin } from "./footnotes.js";
import { headingIdsPlugin } from "./heading-ids.js";
import { highlightPlugin } from "./highlight-rule.js";
import { htmlLinksPlugin, markdownLinksPlugin } from "./markdown-links.js";
import { inlineTagsPlugin } from "./inline-tags-rule.js";
import { noteEmbedsPlugin } from "./note-embeds.js";
import { tableAlignmentPlugin } from "./table-alignment.js";
import { taskListsPlugin } from "./task-lists.js";
import { videoEmbedsPlugin } from "./video-embeds.js";
import { wikilinkPlugin } from "./wikilink-rule.js";

export interface GardenMarkdownOptions {
  readonly links: GardenLinks;
  /** The site's own host: links to it are internal, not external. */
  readonly siteHost: string;
  /** The ids the page layout writes (_includes/layout-ids.json), which no heading takes. */
  readonly layoutIds: readonly string[];
}

/** Every Markdown feature of the garden, in the order its rules must run: the one place where they are listed. */
export function gardenMarkdown(md: MarkdownIt, { links, siteHost, layoutIds }: GardenMarkdownOptions): void {
  md.use(wikilinkPlugin, links);
  md.use(markdownLinksPlugin, links);
  md.use(attachmentLinksPlugin, links);
  md.use(headingIdsPlugin, layoutIds);
  md.use(blockAnchorsPlugin);
  md.use(highlightPlugin);
  md.use(inlineTagsPlugin);
  md.use(tableAlignmentPlugin);
  md.use(calloutsPlugin);
  md.use(footnotesPlugin);
  md.use(taskListsPlugin);
  md.use(noteEmbedsPlugin);
  md.use(videoEmbedsPlugin);
  // After the videos: every iframe still there is removed.
  md.use(rawHtmlPlugin);
  md.use(htmlLinksPlugin, links);
  md.use(externalLinksPlugin, siteHost);
  md.use(keepRenderedFlat);
}

/**
 * The Markdown renderer for notes. `breaks` follows Obsidian, where a single line break shows as one;
 * raw HTML stays allowed because editors embed videos and format text with it, through the raw HTML policy. Its
 * blocks are those the scan reads headings from (notesMarkdownIt).
 */
export function createMarkdownLibrary(links: GardenLinks, siteHost: string, layoutIds: readonly string[]): MarkdownIt {
  return notesMarkdownIt({ linkify: true, breaks: true }).use(gardenMarkdown, { links, siteHost, layoutIds });
}

/**
 * Eleventy keeps each note's HTML for the whole build, as collections carry it, and markdown-it builds that HTML one
 * piece per token: a chain of hundreds of small strings per note, which every garbage collection of the render copied
 * again. Running a regular expression over the HTML makes V8 store it as one string: over 10,000 notes, 0.8 s less
 * collecting and 100 MB less memory.
 */
function keepRenderedFlat(md: MarkdownIt): void {
  const render = md.render.bind(md);
  md.render = (src, env) => {
    const html = render(src, env);
    ANYWHERE.test(html);
    return html;
  };
}

const ANYWHERE = /^/;
