import { readdirSync } from "node:fs";
import path from "node:path";
import type { Note } from "../vault-scan/note.js";
import { asSiteUrl, type SiteUrl } from "../vault-scan/paths.js";
import { urlSegment } from "../vault-scan/slug.js";
import { PROJECT_ROOT } from "./site-settings.js";

/** The site's stylesheet and scripts, copied to /assets/ as they are. */
export const SITE_ASSETS_DIR = path.join(PROJECT_ROOT, "_includes", "assets");

/** A page of the site itself, drawn by `layouts/<layout>.njk` with no content of its own. */
export interface SitePage {
  readonly url: SiteUrl;
  readonly name: string;
  readonly layout: string;
  readonly noindex?: boolean;
}

/** The home, search, "notes à écrire", 404 and accessibility statement pages. */
export const SITE_PAGES: readonly SitePage[] = [
  { url: asSiteUrl("/"), name: "Accueil", layout: "home" },
  { url: asSiteUrl("/recherche/"), name: "Recherche", layout: "search" },
  { url: asSiteUrl("/notes-a-ecrire/"), name: "Notes à écrire", layout: "missing-notes", noindex: true },
  { url: asSiteUrl("/404.html"), name: "Page introuvable", layout: "not-found" },
  { url: asSiteUrl("/accessibilite/"), name: "Déclaration d’accessibilité", layout: "accessibility" },
];

/** Pages for exploring the garden beyond one note: tags, the whole graph, and what machines read (feed, sitemap). */
export const BROWSE_PAGES: readonly SitePage[] = [
  { url: asSiteUrl("/tags/"), name: "Étiquettes", layout: "tags" },
  { url: asSiteUrl("/graphe/"), name: "Graphe des notes", layout: "graph" },
  { url: asSiteUrl("/flux.xml"), name: "Flux Atom", layout: "feed-atom" },
  { url: asSiteUrl("/sitemap.xml"), name: "Plan du site", layout: "sitemap" },
  { url: asSiteUrl("/robots.txt"), name: "robots.txt", layout: "robots" },
];

/** The page listing a tag's notes. */
export function tagUrl(tag: string): SiteUrl {
  return asSiteUrl(`/tags/${urlSegment(tag)}/`);
}

/**
 * Every URL the site's own pages and files take, with the page's French name or the file's path: no note may be
 * published there, no attachment copied there. Kept apart from the modules that draw those pages, so that
 * `npm run check` loads none of them.
 */
export function reservedUrls(notes: readonly Note[]): ReadonlyMap<SiteUrl, string> {
  const urls = new Map([...SITE_PAGES, ...BROWSE_PAGES].map((page) => [page.url, page.name]));
  for (const file of readdirSync(SITE_ASSETS_DIR)) urls.set(asSiteUrl(`/assets/${file}`), `assets/${file}`);
  for (const note of notes) {
    if (note.unpublished) continue;
    for (const tag of note.tags) urls.set(tagUrl(tag), `Étiquette « ${tag} »`);
  }
  return urls;
}
