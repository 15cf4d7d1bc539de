import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Note } from "../vault-scan/note.js";
import { asSiteUrl, type SiteUrl } from "../vault-scan/paths.js";
import type { EleventyConfig } from "./eleventy-config.js";
import { globalGraph } from "./graph-layout.js";
import { recentlyUpdated, tagLink, tagPages } from "./note-views.js";
import { addPages, type SitePage } from "./site-pages.js";

/** Pages for exploring the garden beyond one note: tags, the whole graph, and what machines read (feed, sitemap). */
const PAGES: readonly SitePage[] = [
  { url: asSiteUrl("/tags/"), name: "Étiquettes", layout: "tags" },
  { url: asSiteUrl("/graphe/"), name: "Graphe des notes", layout: "graph" },
  { url: asSiteUrl("/flux.xml"), name: "Flux Atom", layout: "feed-atom" },
  { url: asSiteUrl("/sitemap.xml"), name: "Plan du site", layout: "sitemap" },
  { url: asSiteUrl("/robots.txt"), name: "robots.txt", layout: "robots" },
];

export const BROWSE_PAGE_URLS: ReadonlyMap<SiteUrl, string> = new Map(PAGES.map((page) => [page.url, page.name]));

/** Tag pages take the URLs of the vault's tags: no note may take one. */
export function tagPageUrls(notes: readonly Note[]): ReadonlyMap<SiteUrl, string> {
  const urls = new Map<SiteUrl, string>();
  for (const note of notes) {
    if (note.unpublished) continue;
    for (const tag of note.tags) urls.set(asSiteUrl(tagLink(tag).url), `Étiquette « ${tag} »`);
  }
  return urls;
}

export function addBrowsePages(eleventyConfig: EleventyConfig, graph: () => LinkGraph): void {
  addPages(eleventyConfig, PAGES);
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
}
