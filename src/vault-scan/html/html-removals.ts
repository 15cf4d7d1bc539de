import { DROPPED_WITH_CONTENT, KEPT_ATTRIBUTES, KEPT_TAGS, POLICY, sanitizeHtml } from "./html-policy.js";
import { SEPARATOR, cutLong, windows } from "./html-windows.js";
import { youTubeVideo } from "./youtube-video.js";

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
