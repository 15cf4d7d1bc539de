import { asSiteUrl, type SiteUrl } from "./paths.js";
import { urlSegment } from "./slug.js";

/**
 * How deep tags nest. Each level is a page and a folder of the site: "#a/a/a/…" 5,000 levels deep would make 5,000
 * pages with ever longer addresses, past what file systems accept.
 */
export const MAX_TAG_LEVELS = 8;

/**
 * A tag as the garden keeps it, from the front matter or the text: no leading "#", NFC, lowercase (Obsidian's tags
 * ignore case), nested tags without empty levels ("#a//b/" is "a/b"), and the levels past MAX_TAG_LEVELS joined by
 * "-" into the last one. Empty when nothing is left.
 */
export function normaliseTag(written: string): string {
  const levels = written.replace(/^#+/, "").normalize("NFC").toLowerCase().split("/").filter(Boolean);
  if (levels.length > MAX_TAG_LEVELS) levels.push(levels.splice(MAX_TAG_LEVELS - 1).join("-"));
  return levels.join("/");
}

/** A nested tag and the tags it sits under, deepest first: "a/b/c" gives ["a/b/c", "a/b", "a"]. */
export function tagWithParents(tag: string): string[] {
  const levels = tag.split("/");
  return levels.map((_, i) => levels.slice(0, levels.length - i).join("/"));
}

/** The page listing a tag's notes; a nested tag's page is in its parent's folder: "a/b" at "/tags/a/b/". */
export function tagUrl(tag: string): SiteUrl {
  return asSiteUrl(`/tags/${tag.split("/").map(urlSegment).join("/")}/`);
}
