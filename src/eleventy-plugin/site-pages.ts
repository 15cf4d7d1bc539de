import type { EleventyConfig } from "./eleventy-config.js";
import { PAGES, SITE_ASSETS_DIR } from "../site/pages.js";

/** Registers every page of the table PAGES, and copies the stylesheet and scripts to /assets/. */
export function addSitePages(eleventyConfig: EleventyConfig): void {
  for (const page of PAGES) {
    eleventyConfig.addTemplate(`garden-pages/${page.layout}.njk`, "", {
      layout: `layouts/${page.layout}.njk`,
      permalink: page.url,
      title: page.name,
      eleventyExcludeFromCollections: true,
      ...(page.noindex ? { noindex: true } : {}),
    });
  }
  eleventyConfig.addGlobalData("gardenPages", PAGES);
  eleventyConfig.addPassthroughCopy({ [SITE_ASSETS_DIR]: "assets" });
}
