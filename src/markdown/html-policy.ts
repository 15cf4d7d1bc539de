import sanitizeHtml from "sanitize-html";
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

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: KEPT_TAGS,
  allowedAttributes: KEPT_ATTRIBUTES,
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: {},
  nonTextTags: [...DROPPED_WITH_CONTENT],
  // Void elements, written "<br />": any other kept tag gets its closing tag.
  selfClosing: ["br", "img", "source", "col"],
};

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
  const clean = pieces.map((piece) => (piece.includes(SEPARATOR) ? piece.replaceAll(SEPARATOR, "") : piece));
  const together = sanitizeTogether(clean);
  if (together) return together;
  const alone = clean.map((piece) => sanitizeHtml(piece + SEPARATOR, POLICY));
  const contained = sanitizeTogether(clean.map((piece, i) => (alone[i]!.includes(SEPARATOR) ? piece : alone[i]!)));
  // Text that decodes to the separator ("&#xFFFF;") can still miscount the pieces: each piece then stands alone.
  return contained ?? { pieces: alone.map((html) => html.replaceAll(SEPARATOR, "")), closing: "" };
}

function sanitizeTogether(pieces: readonly string[]): SanitizedHtml | undefined {
  const parts = sanitizeHtml(pieces.join(SEPARATOR) + SEPARATOR, POLICY).split(SEPARATOR);
  if (parts.length !== pieces.length + 1) return undefined;
  return { pieces: parts.slice(0, -1), closing: parts.at(-1)! };
}

/** One thing the policy removes from a piece of raw HTML, at `offset` in the piece. */
export type HtmlRemoval =
  | { readonly kind: "tag"; readonly tag: string; readonly withContent: boolean; readonly offset: number }
  | { readonly kind: "attribute"; readonly tag: string; readonly attribute: string; readonly offset: number }
  /** A kept attribute whose address has a scheme other than http, https, mailto, tel, or none. */
  | { readonly kind: "address"; readonly tag: string; readonly attribute: string; readonly value: string; readonly offset: number }
  /** A comment or a tag never closed, which hides the rest of its piece. */
  | { readonly kind: "unclosed"; readonly offset: number };

interface OpenedTag {
  readonly tag: string;
  readonly written: Readonly<Record<string, string>>;
  /** The parser's own attributes, from which the sanitiser deletes those it removes. */
  readonly kept: Readonly<Record<string, string>>;
}

/**
 * What sanitising `piece` alone removes, in order. YouTube iframes are not counted: the video rule replaces them with
 * a click-to-load placeholder before the sanitiser runs.
 */
export function htmlRemovals(piece: string): HtmlRemoval[] {
  const opened: OpenedTag[] = [];
  // Tags inside an element removed with its content are not counted again.
  let insideDropped = 0;
  let droppedAny = false;
  const output = sanitizeHtml(piece + SEPARATOR, {
    ...POLICY,
    onOpenTag: (tag, attributes) => {
      if (insideDropped > 0) insideDropped++;
      else {
        if (DROPPED_WITH_CONTENT.has(tag)) {
          insideDropped = 1;
          droppedAny = true;
        }
        opened.push({ tag, written: { ...attributes }, kept: attributes });
      }
    },
    onCloseTag: () => {
      if (insideDropped > 0) insideDropped--;
    },
  });
  const offsets = tagOffsets(piece, opened.map((o) => o.tag));
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
  // The separator is hidden by an element removed with its content, already counted, or else by a comment or a tag
  // never closed.
  if (!output.includes(SEPARATOR) && !droppedAny) {
    const comment = piece.lastIndexOf("<!--");
    removals.push({ kind: "unclosed", offset: comment !== -1 ? comment : Math.max(0, piece.lastIndexOf("<")) });
  }
  return removals;
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
