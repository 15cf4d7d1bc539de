import type { LinkGraph } from "../link-graph/link-graph.js";
import type { EleventyConfig } from "./eleventy-config.js";
import { PAGES, SITE_ASSETS_DIR, sitePagesOf } from "../site/pages.js";
import { homeNoteOf } from "../vault-scan/note.js";

/** Registers every page of the table PAGES, and copies the stylesheet and scripts to /assets/. */
export function addSitePages(eleventyConfig: EleventyConfig, graph: () => LinkGraph): void {
  for (const page of PAGES) {
    eleventyConfig.addTemplate(`garden-pages/${page.layout}.njk`, "", {
      layout: `layouts/${page.layout}.njk`,
      // Read at each build: a home page note added or removed under `npm start` takes or gives back its URL.
      permalink: page.replacedByHomeNote ? () => (homeNoteOf(graph().published) ? false : page.url) : page.url,
      title: page.name,
      eleventyExcludeFromCollections: true,
      ...(page.noindex ? { noindex: true } : {}),
    });
  }
  eleventyConfig.addGlobalData("gardenPages", () => sitePagesOf(graph().published));
  eleventyConfig.addPassthroughCopy({ [SITE_ASSETS_DIR]: "assets" });
}
