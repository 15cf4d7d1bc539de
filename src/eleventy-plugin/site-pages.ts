import path from "node:path";
import { fileURLToPath } from "node:url";
import { asSiteUrl, type SiteUrl } from "../vault-scan/paths.js";

/** The two UserConfig methods used here; Eleventy ships no declarations TypeScript can read. */
export interface SitePagesConfig {
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
  addPassthroughCopy(copy: Record<string, string>): void;
}

interface SitePage {
  readonly url: SiteUrl;
  readonly name: string;
  readonly layout: string;
  readonly noindex?: boolean;
}

const PAGES: readonly SitePage[] = [
  { url: asSiteUrl("/"), name: "Accueil", layout: "home" },
  { url: asSiteUrl("/recherche/"), name: "Recherche", layout: "search" },
  { url: asSiteUrl("/notes-a-ecrire/"), name: "Notes à écrire", layout: "missing-notes", noindex: true },
  { url: asSiteUrl("/404.html"), name: "Page introuvable", layout: "not-found" },
  { url: asSiteUrl("/accessibilite/"), name: "Déclaration d’accessibilité", layout: "accessibility" },
];

/** The site's own pages by URL, with their French names: no note may take one of these URLs. */
export const SITE_PAGE_URLS: ReadonlyMap<SiteUrl, string> = new Map(PAGES.map((page) => [page.url, page.name]));

// This file sits in src/eleventy-plugin/, two levels below the project root.
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ASSETS_DIR = path.join(PROJECT_ROOT, "_includes", "assets");

/** Registers the home, search, "notes à écrire", 404 and accessibility statement pages, and copies the stylesheet and scripts to /assets/. */
export function addSitePages(eleventyConfig: SitePagesConfig): void {
  for (const page of PAGES) {
    eleventyConfig.addTemplate(`garden-pages/${page.layout}.njk`, "", {
      layout: `layouts/${page.layout}.njk`,
      permalink: page.url,
      title: page.name,
      eleventyExcludeFromCollections: true,
      ...(page.noindex ? { noindex: true } : {}),
    });
  }
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: "assets" });
}
