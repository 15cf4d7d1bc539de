import { createRequire } from "node:module";
import type SanitizeHtml from "sanitize-html";
import { youTubeVideo } from "./youtube-video.js";

/**
 * What the raw HTML of a note may hold, and nothing else: formatting and structure. README « Vie privée » lists the
 * same. Pure: the renderer (src/markdown/raw-html-rule.ts) and the check (src/vault-scan/raw-html.ts) share it, so
 * that the check names exactly what the site removes.
 */
const KEPT_TAGS = [
  ...["br", "b", "strong", "em", "i", "u", "sup", "sub", "span", "div", "p", "abbr", "kbd", "mark"],
  ...["ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["details", "summary", "figure", "figcaption", "img", "picture", "source", "a"],
];

const KEPT_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  "*": ["class", "title", "lang", "dir"],
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  source: ["srcset", "media", "type"],
  th: ["colspan", "rowspan", "scope"],
  td: ["colspan", "rowspan"],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start", "reversed"],
  details: ["open"],
};

/** Removed with everything inside them: their content is code, a form's, or what a browser never shows. */
const DROPPED_WITH_CONTENT = new Set(["script", "style", "textarea", "option", "xmp", "title", "noscript", "noembed", "noframes", "template", "iframe", "object", "svg", "math"]);

const POLICY: SanitizeHtml.IOptions = {
  allowedTags: KEPT_TAGS,
  allowedAttributes: KEPT_ATTRIBUTES,
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: {},
  nonTextTags: [...DROPPED_WITH_CONTENT],
  // Void elements, written "<br />": any other kept tag gets its closing tag.
  selfClosing: ["br", "img", "source", "col"],
  // Deeper tags are removed, their text kept: no note needs more, and the window carried to the next (see
  // sanitizeNoteHtml) stays short.
  nestingLimit: 100,
};

const require = createRequire(import.meta.url);
let sanitizer: typeof SanitizeHtml | undefined;

/** sanitize-html and PostCSS take about 70 ms to load: `npm run check` loads them only for a note with raw HTML. */
function sanitizeHtml(html: string, options: SanitizeHtml.IOptions): string {
  sanitizer ??= require("sanitize-html") as typeof SanitizeHtml;
  return sanitizer(html, options);
}

/**
 * Put between the pieces of a note sanitised together, and after the last one: a character no text uses (a Unicode
 * noncharacter). It comes out of the sanitiser as it went in, unless a piece hid it (see sanitizeNoteHtml).
 */
const SEPARATOR = "\uFFFF";

export interface SanitizedHtml {
  /** Each piece, sanitised, in the same order. */
  readonly pieces: readonly string[];
  /** The closing tags of what the pieces left open, to write after the last one. */
  readonly closing: string;
}

/**
 * Sanitises the raw HTML pieces of one note (the html_block or html_inline tokens markdown-it cut it into) as one
 * document, so that "<span>" in one piece and "</span>" in a later one stay a pair; a closing tag that closes nothing
 * of the note is dropped, and what stays open is closed by `closing`. A piece that hides what follows it (an unclosed
 * comment or <textarea>, a tag cut short) is first sanitised alone, which closes it at its own end: no note can
 * swallow the rest of the page.
 */
export function sanitizeNoteHtml(pieces: readonly string[]): SanitizedHtml {
  const parts = cutLong(pieces);
  const sanitized: string[] = [];
  let open: string[] = [];
  let closing = "";
  for (const [from, to] of windows(parts.texts)) {
    const window = sanitizeWindow(open, parts.texts.slice(from, to));
    for (const html of window.pieces) sanitized.push(html);
    closing = window.closing;
    open = [...closing.matchAll(CLOSING_TAG)].map((m) => m[1]!).reverse();
  }
  const joined = pieces.map(() => "");
  sanitized.forEach((html, i) => (joined[parts.owners[i]!] += html));
  return { pieces: joined, closing };
}

const CLOSING_TAG = /<\/([^>]+)>/g;

/** The pieces of one window, read after the elements `open` that earlier windows left open. */
function sanitizeWindow(open: readonly string[], pieces: readonly string[]): SanitizedHtml {
  const together = sanitizeTogether(open, pieces);
  if (together) return together;
  const alone = pieces.map((piece) => sanitizeHtml(piece + SEPARATOR, POLICY));
  const contained = sanitizeTogether(open, pieces.map((piece, i) => (alone[i]!.includes(SEPARATOR) ? piece : alone[i]!)));
  // Text that decodes to the separator ("&#xFFFF;") can still miscount the pieces: each piece then stands alone.
  return contained ?? { pieces: alone.map((html) => html.replaceAll(SEPARATOR, "")), closing: open.toReversed().map((tag) => `</${tag}>`).join("") };
}

/** The elements `open` are opened again, without their attributes, before a separator: that part is not kept. */
function sanitizeTogether(open: readonly string[], pieces: readonly string[]): SanitizedHtml | undefined {
  const reopened = open.map((tag) => `<${tag}>`).join("");
  const parts = sanitizeHtml(reopened + SEPARATOR + pieces.join(SEPARATOR) + SEPARATOR, POLICY).split(SEPARATOR);
  if (parts.length !== pieces.length + 2) return undefined;
  return { pieces: parts.slice(1, -1), closing: parts.at(-1)! };
}

/**
 * The sanitiser's parser takes time in the square of the nesting depth. So it reads a note a window at a time, each
 * of about WINDOW characters, the elements left open carried from one to the next: nested 100 deep at most, they keep
 * each window cheap, and a note of any size takes time in proportion to its length.
 */
const WINDOW = 8_192;

/**
 * The pieces cut after the first ">" past each WINDOW characters, so that a window holds whole tags: `owners` gives
 * the piece each part comes from, `starts` where the part starts in it.
 */
function cutLong(pieces: readonly string[]): { texts: string[]; owners: number[]; starts: number[] } {
  const texts: string[] = [];
  const owners: number[] = [];
  const starts: number[] = [];
  pieces.forEach((written, owner) => {
    const piece = withoutSeparator(written);
    let start = 0;
    for (let cut = piece.indexOf(">", start + WINDOW); cut !== -1; cut = piece.indexOf(">", start + WINDOW)) {
      texts.push(piece.slice(start, cut + 1));
      owners.push(owner);
      starts.push(start);
      start = cut + 1;
    }
    texts.push(piece.slice(start));
    owners.push(owner);
    starts.push(start);
  });
  return { texts, owners, starts };
}

/** Runs of consecutive parts of about WINDOW characters, each part with its separator; at least one part each. */
function windows(texts: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = 0;
  let size = 0;
  texts.forEach((text, i) => {
    if (i > from && size + text.length + 1 > WINDOW) {
      runs.push([from, i]);
      [from, size] = [i, 0];
    }
    size += text.length + 1;
  });
  runs.push([from, texts.length]);
  return runs;
}

/** One thing the policy removes from a piece of raw HTML, at `offset` in the piece. */
export type HtmlRemoval =
  | { readonly kind: "tag"; readonly tag: string; readonly withContent: boolean; readonly offset: number }
  | { readonly kind: "attribute"; readonly tag: string; readonly attribute: string; readonly offset: number }
  /** A kept attribute whose address has a scheme other than http, https, mailto, tel, or none. */
  | { readonly kind: "address"; readonly tag: string; readonly attribute: string; readonly value: string; readonly offset: number }
  /** A comment or a tag never closed, which hides the rest of its piece. */
  | { readonly kind: "unclosed"; readonly offset: number };

/**
 * What sanitising a note's raw HTML pieces removes, piece by piece, in order: the pieces are read together, as
 * sanitizeNoteHtml reads them (a window at a time), unless one hides what follows it; then each is read alone.
 * YouTube iframes are not counted: the video rule replaces them with a click-to-load placeholder before the sanitiser
 * runs.
 */
export function htmlRemovals(pieces: readonly string[]): HtmlRemoval[][] {
  const parts = cutLong(pieces);
  const found = pieces.map((): HtmlRemoval[] => []);
  for (const [from, to] of windows(parts.texts)) {
    removalsOfWindow(parts.texts.slice(from, to)).forEach((removals, k) => {
      const part = from + k;
      for (const removal of removals) found[parts.owners[part]!]!.push({ ...removal, offset: removal.offset + parts.starts[part]! });
    });
  }
  return found;
}

function removalsOfWindow(pieces: readonly string[]): HtmlRemoval[][] {
  const together = removalsIn(pieces.join(SEPARATOR) + SEPARATOR);
  if (together.separators === pieces.length) return byPiece(together.removals, pieces);
  return pieces.map((piece): HtmlRemoval[] => {
    const alone = removalsIn(piece + SEPARATOR);
    // The separator is hidden by an element removed with its content, already counted, or else by a comment or a
    // tag never closed.
    if (alone.separators > 0 || alone.droppedWithContent) return alone.removals;
    const comment = piece.lastIndexOf("<!--");
    return [...alone.removals, { kind: "unclosed", offset: comment !== -1 ? comment : Math.max(0, piece.lastIndexOf("<")) }];
  });
}

function withoutSeparator(piece: string): string {
  return piece.includes(SEPARATOR) ? piece.replaceAll(SEPARATOR, "") : piece;
}

interface OpenedTag {
  readonly tag: string;
  readonly written: Readonly<Record<string, string>>;
  /** The parser's own attributes, from which the sanitiser deletes those it removes. */
  readonly kept: Readonly<Record<string, string>>;
}

function removalsIn(html: string): { removals: HtmlRemoval[]; separators: number; droppedWithContent: boolean } {
  const opened: OpenedTag[] = [];
  // Tags inside an element removed with its content are not counted again.
  let insideDropped = 0;
  let droppedWithContent = false;
  const output = sanitizeHtml(html, {
    ...POLICY,
    onOpenTag: (tag, attributes) => {
      if (insideDropped > 0) insideDropped++;
      else {
        if (DROPPED_WITH_CONTENT.has(tag)) {
          insideDropped = 1;
          droppedWithContent = true;
        }
        opened.push({ tag, written: { ...attributes }, kept: attributes });
      }
    },
    onCloseTag: () => {
      if (insideDropped > 0) insideDropped--;
    },
  });
  const offsets = tagOffsets(html, opened.map((o) => o.tag));
  const removals: HtmlRemoval[] = [];
  opened.forEach(({ tag, written, kept }, i) => {
    const offset = offsets[i]!;
    if (!KEPT_TAGS.includes(tag)) {
      if (tag !== "iframe" || !youTubeVideo(written["src"] ?? "")) removals.push({ kind: "tag", tag, withContent: DROPPED_WITH_CONTENT.has(tag), offset });
      return;
    }
    for (const [attribute, value] of Object.entries(written)) {
      if (kept[attribute] === value) continue;
      const isKept = KEPT_ATTRIBUTES["*"]!.includes(attribute) || (KEPT_ATTRIBUTES[tag]?.includes(attribute) ?? false);
      removals.push(isKept ? { kind: "address", tag, attribute, value, offset } : { kind: "attribute", tag, attribute, offset });
    }
  });
  return { removals, separators: output.split(SEPARATOR).length - 1, droppedWithContent };
}

/** Removals found in the pieces joined by separators, each given to its piece, at an offset in it. */
function byPiece(removals: readonly HtmlRemoval[], pieces: readonly string[]): HtmlRemoval[][] {
  const found = pieces.map((): HtmlRemoval[] => []);
  let piece = 0;
  let start = 0;
  for (const removal of removals) {
    while (piece < pieces.length - 1 && removal.offset >= start + pieces[piece]!.length + SEPARATOR.length) {
      start += pieces[piece]!.length + SEPARATOR.length;
      piece++;
    }
    found[piece]!.push({ ...removal, offset: removal.offset - start });
  }
  return found;
}

/**
 * Where each opened tag starts in `piece`, in order: the next "<name" after the previous one. A tag the parser
 * implied ("</p>" alone opens and closes a <p>) is not written: it takes the previous position. Each name is searched
 * forward from where it was last found, so the whole piece is read a bounded number of times.
 */
function tagOffsets(piece: string, tags: readonly string[]): number[] {
  const lower = piece.toLowerCase();
  const next = new Map<string, number>();
  let cursor = 0;
  return tags.map((tag) => {
    let at = next.get(tag);
    if (at === undefined || (at !== -1 && at < cursor)) {
      at = findTag(lower, tag, cursor);
      next.set(tag, at);
    }
    if (at === -1) return cursor;
    cursor = at + 1;
    return at;
  });
}

function findTag(lower: string, tag: string, from: number): number {
  const start = `<${tag}`;
  for (let at = lower.indexOf(start, from); at !== -1; at = lower.indexOf(start, at + 1)) {
    const after = lower[at + start.length];
    if (after === undefined || /[\s/>]/.test(after)) return at;
  }
  return -1;
}
