/** Where the labels of a drawn graph go: beside their node, shortened if need be, never over another label or a node. */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** A label as SVG draws it: `text-anchor` at (x, y), y on the baseline, inside `box`. */
export interface PlacedLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
  readonly box: Box;
}

export interface LabelOptions {
  /** In the drawing's units. */
  readonly fontSize: number;
  /** Where every label must stay. */
  readonly bounds: Box;
  /** The longest label, in characters, « … » included: for `labelCandidates`. */
  readonly maxChars: number;
  /** Tries first the side of each node that faces away from this point: labels then leave the middle free. */
  readonly outwardFrom?: { readonly x: number; readonly y: number };
}

/**
 * Widths of characters, in ems, at least as wide as in the common sans-serif faces (DejaVu Sans, the widest of them,
 * included): an estimate that errs on the wide side keeps two drawn labels apart whatever face the browser picks.
 */
const CHAR_WIDTHS = new Map<string, number>([
  ...Array.from("il.,:;!|'’ìíîïj", (c) => [c, 0.3] as const),
  ...Array.from(" ftrI()-[]/", (c) => [c, 0.43] as const),
  ...Array.from("mwMWŒœÆæ…", (c) => [c, 1] as const),
]);

function charWidth(c: string): number {
  return CHAR_WIDTHS.get(c) ?? (c !== c.toLowerCase() ? 0.78 : 0.65);
}

export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const c of text) ems += charWidth(c);
  return ems * fontSize;
}

/** A label's box is this many ems high, its baseline this far down: room for the ascent and descent of any face. */
const LINE_HEIGHT = 1.3;
const ASCENT = 1;
/** Blank space, in the drawing's units, between a node and its label. */
const GAP = 2;

/** The first `length` characters at most, up to a word's end; undefined when the first word is longer. */
function headOf(chars: readonly string[], length: number): string | undefined {
  const head = chars.slice(0, length);
  const space = chars[length] === " " ? length : head.lastIndexOf(" ");
  if (space <= 0) return undefined;
  return head.slice(0, space).join("").replace(/[\s,;:.\-–—'’(]+$/u, "") || undefined;
}

/** The last `length` characters at most, from a word's start; undefined when the last word is longer. */
function tailOf(chars: readonly string[], length: number): string | undefined {
  const tail = chars.slice(chars.length - length);
  const space = chars[chars.length - length - 1] === " " ? -1 : tail.indexOf(" ");
  if (space === -1 && chars[chars.length - length - 1] !== " ") return undefined;
  return tail.slice(space + 1).join("").replace(/^[\s,;:.\-–—)]+/u, "") || undefined;
}

/**
 * The texts a label may show, best first: the title itself if short enough, then cut between words, keeping its start,
 * down to half of `maxChars`, or else its end (« …rapport 2021 » tells apart titles that differ at their end). Either
 * way the text is whole words of the title, which stays the link's accessible name (WCAG 2.5.3).
 */
export function labelTexts(title: string, maxChars: number): string[] {
  const chars = Array.from(title.trim());
  const lengths = [maxChars, Math.round(maxChars * 0.7), Math.round(maxChars * 0.5)].filter((length) => length < chars.length);
  // A piece of a few letters, « …? » or « …3D ? », would say nothing of the note.
  const telling = (piece: string | undefined): piece is string => (piece?.replace(/[^\p{L}]/gu, "").length ?? 0) >= 4;
  const texts = [
    ...(chars.length <= maxChars ? [chars.join("")] : []),
    ...lengths.map((length) => headOf(chars, length - 1)).filter(telling).map((head) => `${head}…`),
    ...lengths.map((length) => tailOf(chars, length - 1)).filter(telling).map((tail) => `…${tail}`),
  ];
  return [...new Set(texts)];
}

/** Whether the circle, grown by a unit, reaches into the box from (left, top) to (right, bottom). */
export function covers(left: number, top: number, right: number, bottom: number, circle: Circle): boolean {
  const dx = circle.x - Math.max(left, Math.min(circle.x, right));
  const dy = circle.y - Math.max(top, Math.min(circle.y, bottom));
  return dx * dx + dy * dy < (circle.r + 1) * (circle.r + 1);
}

type Side = readonly [dx: -1 | 0 | 1, dy: -1 | 0 | 1];
/** Below, above, right, left, then the corners: the first free one is taken. */
const SIDES: readonly Side[] = [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]];

/** SIDES with each one first in turn, worked out once: the order around a node whose outward side it is. */
const SIDES_FROM: readonly (readonly Side[])[] = SIDES.map((first) => [first, ...SIDES.filter((s) => s !== first)]);

/** -1, 0 or 1: the side along one axis of an offset `d` out of `length`, 0 within about 22° of the other axis. */
function step(d: number, length: number): -1 | 0 | 1 {
  return Math.abs(d) < 0.38 * length ? 0 : d > 0 ? 1 : -1;
}

/** SIDES, the one facing away from `from` first (none for the point itself). */
function sidesAround(node: Circle, from: { x: number; y: number } | undefined): readonly Side[] {
  if (!from) return SIDES;
  const [dx, dy] = [node.x - from.x, node.y - from.y];
  const length = Math.hypot(dx, dy);
  if (length === 0) return SIDES;
  const [x, y] = [step(dx, length), step(dy, length)];
  for (let i = 0; i < SIDES.length; i++) if (SIDES[i]![0] === x && SIDES[i]![1] === y) return SIDES_FROM[i]!;
  return SIDES;
}

/** The box of a text `width` wide, drawn with `anchor` at (x, y), y on its baseline. */
function boxOf(x: number, y: number, anchor: PlacedLabel["anchor"], width: number, fontSize: number): Box {
  const left = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  return { x: left, y: y - ASCENT * fontSize, width, height: LINE_HEIGHT * fontSize };
}

/** The box a label's text takes, as estimated by `textWidth`. */
export function labelBox(label: Pick<PlacedLabel, "text" | "x" | "y" | "anchor">, fontSize: number): Box {
  return boxOf(label.x, label.y, label.anchor, textWidth(label.text, fontSize), fontSize);
}

const round = (n: number) => Math.round(n * 10) / 10;

type Anchor = PlacedLabel["anchor"];

/**
 * Where labels go on `side` of `node`, whatever their width: the anchor, rounded, does not move with the width, so that
 * on one side a wider text's box holds a narrower's.
 */
function anchorOn(node: Circle, [dx, dy]: Side, fontSize: number): { x: number; y: number; anchor: Anchor } {
  const reach = dx !== 0 && dy !== 0 ? node.r * Math.SQRT1_2 + GAP : node.r + GAP;
  const height = LINE_HEIGHT * fontSize;
  const top = dy > 0 ? node.y + reach : dy < 0 ? node.y - reach - height : node.y - height / 2;
  return { x: round(dx > 0 ? node.x + reach : dx < 0 ? node.x - reach : node.x), y: round(top + ASCENT * fontSize), anchor: dx > 0 ? "start" : dx < 0 ? "end" : "middle" };
}

/** The box of a text `width` wide at `at`, grown by a little more than the rounding of the anchor moved it. */
function grownBox(at: { x: number; y: number; anchor: Anchor }, width: number, fontSize: number): Box {
  const box = boxOf(at.x, at.y, at.anchor, width, fontSize);
  return { x: box.x - 0.1, y: box.y - 0.1, width: box.width + 0.2, height: box.height + 0.2 };
}

/** Whether a text `width` wide at `at` stays inside the bounds, over none of the boxes and no node. Allocates nothing. */
function fits(at: { x: number; y: number; anchor: Anchor }, width: number, fontSize: number, bounds: Box, boxes: readonly Box[], nodes: readonly Circle[]): boolean {
  const left = (at.anchor === "start" ? at.x : at.anchor === "end" ? at.x - width : at.x - width / 2) - 0.1;
  const top = at.y - ASCENT * fontSize - 0.1;
  const right = left + width + 0.2;
  const bottom = top + LINE_HEIGHT * fontSize + 0.2;
  if (left < bounds.x || top < bounds.y || right > bounds.x + bounds.width || bottom > bounds.y + bounds.height) return false;
  for (const b of boxes) if (b.x < right && left < b.x + b.width && b.y < bottom && top < b.y + b.height) return false;
  for (const c of nodes) if (covers(left, top, right, bottom, c)) return false;
  return true;
}

/** A text a label may show, and its estimated width. */
export interface LabelText {
  readonly text: string;
  readonly width: number;
  /** The whole title, not shortened. */
  readonly whole: boolean;
  /** The words the text starts with, « … » left out. */
  readonly start: string;
}

/** What a node's label may show, longest first, in the options' font: see `labelTexts`. */
export function labelCandidates(title: string, { maxChars, fontSize }: Pick<LabelOptions, "maxChars" | "fontSize">): LabelText[] {
  return labelTexts(title, maxChars).map((text) => ({ text, width: textWidth(text, fontSize), whole: text === title.trim(), start: text.replace(/…$/u, "") }));
}

/**
 * Whether a label may show `t`: a title cut short must not read as a label already shown, nor as its start (« Musée… »
 * beside « Musée d’art et… »).
 */
function usable(t: LabelText, shown: readonly string[]): boolean {
  if (t.whole) return true;
  for (const other of shown) if (other.startsWith(t.start)) return false;
  return true;
}

/**
 * Labels the nodes in `order` (most important first), each with the longest of its texts that fits on a free side of
 * it: inside the bounds, over no label already placed and no node. A shortened text that another label already shows,
 * or starts with, is passed over, so that near-identical titles read apart; a node with no room keeps no label. Bounded cost: at most
 * 8 sides × (6 texts + 1) box tests against the nodes and labels, per node.
 */
export function placeLabels(nodes: readonly Circle[], texts: readonly (readonly LabelText[])[], order: readonly number[], options: LabelOptions): (PlacedLabel | undefined)[] {
  const { fontSize, bounds } = options;
  const placed: (PlacedLabel | undefined)[] = new Array<PlacedLabel | undefined>(nodes.length).fill(undefined);
  const boxes: Box[] = [];
  const shown: string[] = [];
  for (const n of order) {
    const node = nodes[n]!;
    let narrowest = Infinity;
    for (const t of texts[n]!) if (usable(t, shown)) narrowest = Math.min(narrowest, t.width);
    if (narrowest === Infinity) continue;
    // A side too small for the narrowest text is too small for any.
    const spots = [];
    for (const side of sidesAround(node, options.outwardFrom)) {
      const at = anchorOn(node, side, fontSize);
      if (fits(at, narrowest, fontSize, bounds, boxes, nodes)) spots.push(at);
    }
    search: for (const t of texts[n]!) {
      if (!usable(t, shown)) continue;
      for (const at of spots) {
        if (!fits(at, t.width, fontSize, bounds, boxes, nodes)) continue;
        const box = grownBox(at, t.width, fontSize);
        placed[n] = { text: t.text, x: at.x, y: at.y, anchor: at.anchor, box };
        boxes.push(box);
        shown.push(t.text);
        break search;
      }
    }
  }
  return placed;
}

/** The smallest box holding every node and label, with `padding` around. */
export function extentOf(nodes: readonly Circle[], labels: readonly (PlacedLabel | undefined)[], padding: number): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of nodes) {
    [minX, minY, maxX, maxY] = [Math.min(minX, c.x - c.r), Math.min(minY, c.y - c.r), Math.max(maxX, c.x + c.r), Math.max(maxY, c.y + c.r)];
  }
  for (const label of labels) {
    if (!label) continue;
    const b = label.box;
    [minX, minY, maxX, maxY] = [Math.min(minX, b.x), Math.min(minY, b.y), Math.max(maxX, b.x + b.width), Math.max(maxY, b.y + b.height)];
  }
  return { x: minX - padding, y: minY - padding, width: maxX - minX + 2 * padding, height: maxY - minY + 2 * padding };
}
