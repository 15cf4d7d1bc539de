import { createHash } from "node:crypto";
import slugifyLibrary from "@sindresorhus/slugify";
import { memoize } from "./memoize.js";
import type { Slug } from "./paths.js";

export const FRENCH_STYLE = {
  decamelize: false,
  customReplacements: [
    ["&", " et "],
    ["'", "-"],
    ["’", "-"],
  ] as [string, string][],
};

/**
 * The characters French names and headings are mostly written with. With decamelizing off, the library slugs each
 * of them the same way whatever surrounds it, so a text made only of them is slugged one character at a time, with
 * the library's own answer for each character. That is about four times faster than the library, which builds its
 * regular expressions anew on every call, for every file name and heading of the vault. A property test holds the
 * two to the same slugs.
 */
const COMMON_CHARACTERS =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '’-–—_.,;:!?()[]«»\"&/" +
  "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ";

/** Each common character's part of a slug: "é" gives "e", "œ" gives "oe", "&" gives "-et-", a space "-". */
const PIECES: ReadonlyMap<string, string> = new Map(
  [...COMMON_CHARACTERS].map((ch) => [ch, slugifyLibrary(`a${ch}a`, FRENCH_STYLE).slice(1, -1)]),
);

/** The slug of a text made only of common characters; undefined for any other text. */
function commonSlug(text: string): string | undefined {
  let slug = "";
  for (const ch of text) {
    const piece = PIECES.get(ch);
    if (piece === undefined) return undefined;
    slug += piece;
  }
  return slug.replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
}

/**
 * French-style slug: lowercase, accents transliterated, apostrophes and spaces become "-", "&" becomes "et".
 * Text with no Latin letters or digits at all (an emoji, Japanese) gets a stable short hash instead of an empty slug.
 * Headings such as "Sources" or "Voir aussi" recur in every note, and transliteration is the costly part: remembered.
 */
export const slugify: (text: string) => Slug = memoize(computeSlug);

function computeSlug(text: string): Slug {
  const normalised = text.normalize("NFC");
  const slug = commonSlug(normalised) ?? slugifyLibrary(normalised, FRENCH_STYLE);
  if (slug !== "") return slug as Slug;
  const digest = createHash("sha1").update(normalised).digest("hex").slice(0, 8);
  return `s-${digest}` as Slug;
}

/** File systems refuse names over 255 bytes: a page's folder keeps room below that. */
const LONGEST_SEGMENT = 200;

/**
 * The slug of a file name or tag as one segment of a URL, hence the name of a folder of the site: a slug over 200
 * bytes is cut, and ends with a short hash of the whole slug, so that two long names that start alike stay apart.
 */
export function urlSegment(text: string): Slug {
  const slug = slugify(text);
  if (slug.length <= LONGEST_SEGMENT) return slug;
  const digest = createHash("sha1").update(slug).digest("hex").slice(0, 8);
  return `${slug.slice(0, LONGEST_SEGMENT - digest.length - 1).replace(/-+$/, "")}-${digest}` as Slug;
}

/** The slug a heading's id starts from: its plain text's, "section" for an empty heading. */
export function headingSlug(text: string): Slug {
  return slugify(text === "" ? "section" : text);
}

/**
 * Gives unique heading ids within one page, in document order: the second "Sources" becomes "sources-2".
 * The scanner and the renderer both walk headings in order through this, so their ids always agree.
 */
export class HeadingSlugger {
  private readonly issued: Set<string>;
  /**
   * The last number given to each repeated base: the numbers below it stay taken, so the next search starts after
   * it. Starting again from 2 would take quadratic time on a page of thousands of identical headings.
   */
  private readonly lastNumber = new Map<string, number>();

  /** `layoutIds`: the ids the page layout itself writes (_includes/layout-ids.json), which no heading takes. */
  constructor(layoutIds: Iterable<string>) {
    this.issued = new Set(layoutIds);
  }

  next(text: string): Slug {
    const base = headingSlug(text);
    let id = base as string;
    let n = this.lastNumber.get(base) ?? 1;
    while (this.issued.has(id)) id = `${base}-${++n}`;
    if (n > 1) this.lastNumber.set(base, n);
    this.issued.add(id);
    return id as Slug;
  }
}
