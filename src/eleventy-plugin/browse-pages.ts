import type { LinkGraph } from "../link-graph/link-graph.js";
import type { EleventyConfig } from "./eleventy-config.js";
import { globalGraph } from "../views/graph-layout.js";
import { recentlyUpdated, tagPages } from "../views/note-views.js";
import { xmlText } from "../views/xml-text.js";

/** Registers the tag pages, and what the pages for exploring the garden read: tags, the whole graph, the feed and the sitemap. */
export function addBrowsePages(eleventyConfig: EleventyConfig, graph: () => LinkGraph): void {
  eleventyConfig.addTemplate("garden-pages/tag.njk", "", {
    layout: "layouts/tag.njk",
    pagination: { data: "gardenTagPages", size: 1, alias: "tagPage", addAllPagesToCollections: false },
    permalink: "{{ tagPage.url }}",
    eleventyExcludeFromCollections: true,
    eleventyComputed: { title: (data: { tagPage: { name: string } }) => `Étiquette « ${data.tagPage.name} »` },
  });
  // Global data is computed once per build: the tag pages, the tags index and the sitemap all read it.
  eleventyConfig.addGlobalData("gardenTagPages", () => tagPages(graph()));
  eleventyConfig.addNunjucksGlobal("gardenGlobalGraph", () => globalGraph(graph()));
  eleventyConfig.addNunjucksGlobal("gardenRecent", (count: number) => recentlyUpdated(graph(), count));
  eleventyConfig.addNunjucksGlobal("gardenSitemap", () => recentlyUpdated(graph(), Infinity));
  eleventyConfig.addFilter("xmlText", xmlText);
}
