import { asSiteUrl, type SiteUrl } from "./paths.js";
import { urlSegment } from "./slug.js";

/**
 * A tag as the garden keeps it, from the front matter or the text: no leading "#", NFC, lowercase (Obsidian's tags
 * ignore case), and nested tags without empty levels ("#a//b/" is "a/b"). Empty when nothing is left.
 */
export function normaliseTag(written: string): string {
  return written
    .replace(/^#+/, "")
    .normalize("NFC")
    .toLowerCase()
    .split("/")
    .filter(Boolean)
    .join("/");
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
