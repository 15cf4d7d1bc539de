import type { Note } from "../vault-scan/note.js";
import type { SiteUrl } from "../vault-scan/paths.js";
import { BROWSE_PAGE_URLS, tagPageUrls } from "./browse-pages.js";
import { SITE_PAGE_URLS } from "./site-pages.js";

/** Every URL the site's own pages take, with the page's French name: no note may be published there. */
export function reservedUrls(notes: readonly Note[]): ReadonlyMap<SiteUrl, string> {
  return new Map([...SITE_PAGE_URLS, ...BROWSE_PAGE_URLS, ...tagPageUrls(notes)]);
}
