import path from "node:path";
import { PROJECT_ROOT } from "./site-settings.js";
import { asSiteUrl, type SiteUrl } from "../vault-scan/paths.js";
import type { EleventyConfig } from "./eleventy-config.js";

/** A page of the site itself, drawn by `layouts/<layout>.njk` with no content of its own. */
export interface SitePage {
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

const ASSETS_DIR = path.join(PROJECT_ROOT, "_includes", "assets");

/** Registers the home, search, "notes à écrire", 404 and accessibility statement pages, and copies the stylesheet and scripts to /assets/. */
export function addSitePages(eleventyConfig: EleventyConfig): void {
  addPages(eleventyConfig, PAGES);
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: "assets" });
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
