import { readdirSync } from "node:fs";
import path from "node:path";
import { homeNoteOf, type Note } from "../vault-scan/note.js";
import { asSiteUrl, type SiteUrl } from "../vault-scan/paths.js";
import { tagUrl, tagWithParents } from "../vault-scan/tags.js";
import { FONT_FILES, FONTS_SITE_DIR } from "./fonts.js";
import { PROJECT_ROOT } from "./site-settings.js";

/** The site's stylesheet and scripts, copied to /assets/ as they are. */
export const SITE_ASSETS_DIR = path.join(PROJECT_ROOT, "_includes", "assets");

/** A page of the site itself, drawn by `layouts/<layout>.njk` with no content of its own. */
export interface SitePage {
  readonly url: SiteUrl;
  readonly name: string;
  readonly layout: string;
  /** Kept out of search engines: `noindex` in the page, `Disallow` in robots.txt. */
  readonly noindex?: boolean;
  /** Listed in sitemap.xml, beside the notes and tag pages. */
  readonly inSitemap?: boolean;
  /** Left out when the vault has a home page note (see homeNoteOf in src/vault-scan/note.ts), which takes its URL. */
  readonly replacedByHomeNote?: boolean;
}

/**
 * Every page of the site that is not a note or a tag page: the one table from which the pages are registered, their
 * URLs reserved, and the sitemap and robots.txt written. A new page type is one row here and one layout.
 */
export const PAGES: readonly SitePage[] = [
  { url: asSiteUrl("/"), name: "Accueil", layout: "home", inSitemap: true, replacedByHomeNote: true },
  { url: asSiteUrl("/notes/"), name: "Toutes les notes", layout: "overview", inSitemap: true },
  { url: asSiteUrl("/recherche/"), name: "Recherche", layout: "search", inSitemap: true },
  { url: asSiteUrl("/notes-a-ecrire/"), name: "Notes à écrire", layout: "missing-notes", noindex: true },
  { url: asSiteUrl("/404.html"), name: "Page introuvable", layout: "not-found" },
  { url: asSiteUrl("/accessibilite/"), name: "Déclaration d’accessibilité", layout: "accessibility" },
  { url: asSiteUrl("/tags/"), name: "Étiquettes", layout: "tags", inSitemap: true },
  { url: asSiteUrl("/graphe/"), name: "Graphe des notes", layout: "graph", inSitemap: true },
  { url: asSiteUrl("/flux.xml"), name: "Flux Atom", layout: "feed-atom" },
  { url: asSiteUrl("/sitemap.xml"), name: "Plan du site", layout: "sitemap" },
  { url: asSiteUrl("/robots.txt"), name: "robots.txt", layout: "robots" },
];

/** The site's own pages that this vault's site has. */
export function sitePagesOf(notes: readonly Note[]): readonly SitePage[] {
  return homeNoteOf(notes) ? PAGES.filter((page) => !page.replacedByHomeNote) : PAGES;
}

/**
 * Every URL the site's own pages and files take, with the page's French name or the file's path: no note may be
 * published there, no attachment copied there. Kept apart from the modules that draw those pages, so that
 * `npm run check` loads none of them.
 */
export function reservedUrls(notes: readonly Note[]): ReadonlyMap<SiteUrl, string> {
  const urls = new Map(sitePagesOf(notes).map((page) => [page.url, page.name]));
  for (const file of readdirSync(SITE_ASSETS_DIR)) urls.set(asSiteUrl(`/assets/${file}`), `assets/${file}`);
  for (const file of FONT_FILES) urls.set(asSiteUrl(`/${FONTS_SITE_DIR}/${file}`), `${FONTS_SITE_DIR}/${file}`);
  for (const note of notes) {
    if (note.unpublished) continue;
    for (const tag of note.tags.flatMap(tagWithParents)) urls.set(tagUrl(tag), `Étiquette « ${tag} »`);
  }
  return urls;
}
