import type { EleventyConfig } from "./eleventy-config.js";
import { SITE_ASSETS_DIR, SITE_PAGES, type SitePage } from "../site/pages.js";

/** Registers the home, search, "notes à écrire", 404 and accessibility statement pages, and copies the stylesheet and scripts to /assets/. */
export function addSitePages(eleventyConfig: EleventyConfig): void {
  addPages(eleventyConfig, SITE_PAGES);
  eleventyConfig.addPassthroughCopy({ [SITE_ASSETS_DIR]: "assets" });
}

export function addPages(eleventyConfig: EleventyConfig, pages: readonly SitePage[]): void {
  for (const page of pages) {
    eleventyConfig.addTemplate(`garden-pages/${page.layout}.njk`, "", {
      layout: `layouts/${page.layout}.njk`,
      permalink: page.url,
      title: page.name,
      eleventyExcludeFromCollections: true,
      ...(page.noindex ? { noindex: true } : {}),
    });
  }
}
