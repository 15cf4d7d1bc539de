import { createHash } from "node:crypto";
import slugifyLibrary from "@sindresorhus/slugify";
import { memoize } from "./memoize.js";
import type { Slug } from "./paths.js";

const FRENCH_STYLE = {
  decamelize: false,
  customReplacements: [
    ["&", " et "],
    ["'", "-"],
    ["’", "-"],
  ] as [string, string][],
};

/**
 * French-style slug: lowercase, accents transliterated, apostrophes and spaces become "-", "&" becomes "et".
 * Text with no Latin letters or digits at all (an emoji, Japanese) gets a stable short hash instead of an empty slug.
 * Headings such as "Sources" or "Voir aussi" recur in every note, and transliteration is the costly part: remembered.
 */
export const slugify: (text: string) => Slug = memoize(computeSlug);

function computeSlug(text: string): Slug {
  const slug = slugifyLibrary(text.normalize("NFC"), FRENCH_STYLE);
  if (slug !== "") return slug as Slug;
  const digest = createHash("sha1").update(text.normalize("NFC")).digest("hex").slice(0, 8);
  return `s-${digest}` as Slug;
}

/**
 * Gives unique heading ids within one page, in document order: the second "Sources" becomes "sources-2".
 * The scanner and the renderer both walk headings in order through this, so their ids always agree.
 */
export class HeadingSlugger {
  /** Ids the page layout itself uses (skip-link target, search, backlinks panel): a heading never takes them. */
  static readonly LAYOUT_IDS: readonly string[] = ["contenu", "recherche", "site-recherche-q", "mentions-titre"];

  private readonly issued = new Set<string>(HeadingSlugger.LAYOUT_IDS);

  next(text: string): Slug {
    const base = slugify(text === "" ? "section" : text);
    let id = base as string;
    for (let n = 2; this.issued.has(id); n++) id = `${base}-${n}`;
    this.issued.add(id);
    return id as Slug;
  }
}
