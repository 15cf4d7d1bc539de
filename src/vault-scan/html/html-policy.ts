import { createRequire } from "node:module";
import type SanitizeHtml from "sanitize-html";
import { SEPARATOR, cutLong, windows } from "./html-windows.js";

/**
 * What the raw HTML of a note may hold, and nothing else: formatting and structure. README « Vie privée » lists the
 * same. Pure: the renderer (src/markdown/raw-html-rule.ts) and, through ./html-removals.ts, the check
 * (src/vault-scan/raw-html.ts) share it, so that the check names exactly what the site removes.
 */
export const KEPT_TAGS: readonly string[] = [
  ...["br", "b", "strong", "em", "i", "u", "sup", "sub", "span", "div", "p", "abbr", "kbd", "mark"],
  ...["ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["details", "summary", "figure", "figcaption", "img", "picture", "source", "a"],
];

export const KEPT_ATTRIBUTES: Readonly<Record<string, string[]>> = {
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
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set(["script", "style", "textarea", "option", "xmp", "title", "noscript", "noembed", "noframes", "template", "iframe", "object", "svg", "math"]);

export const POLICY: SanitizeHtml.IOptions = {
  allowedTags: [...KEPT_TAGS],
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
export function sanitizeHtml(html: string, options: SanitizeHtml.IOptions): string {
  sanitizer ??= require("sanitize-html") as typeof SanitizeHtml;
  return sanitizer(html, options);
}

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
