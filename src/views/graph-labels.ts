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
  /** The longest label, in characters, « … » included. */
  readonly maxChars: number;
  /** Tries first the side of each node that faces away from this point: labels then leave the middle free. */
  readonly outwardFrom?: { readonly x: number; readonly y: number };
}

/**
 * Widths of characters, in ems, at least as wide as in the common sans-serif faces (DejaVu Sans, the widest of them,
 * included): an estimate that errs on the wide side keeps two drawn labels apart whatever face the browser picks.
 */
function charWidth(c: string): number {
  if ("il.,:;!|'’ìíîïj".includes(c)) return 0.3;
  if (" ftrI()-[]/".includes(c)) return 0.43;
  if ("mwMWŒœÆæ…".includes(c)) return 1;
  if (c !== c.toLowerCase()) return 0.78;
  return 0.65;
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
 * The texts a label may show, longest first: the title itself if short enough, then cut between words, keeping its
 * start or else its end (« …rapport 2021 » tells apart titles that differ at their end), down to half of `maxChars`.
 * Either way the text is whole words of the title, which stays the link's accessible name (WCAG 2.5.3).
 */
export function labelTexts(title: string, maxChars: number): string[] {
  const chars = Array.from(title.trim());
  const texts = chars.length <= maxChars ? [chars.join("")] : [];
  for (const length of [maxChars, Math.round(maxChars * 0.7), Math.round(maxChars * 0.5)]) {
    if (length >= chars.length) continue;
    const [head, tail] = [headOf(chars, length - 1), tailOf(chars, length - 1)];
    if (head) texts.push(`${head}…`);
    if (tail) texts.push(`…${tail}`);
  }
  return [...new Set(texts)];
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

/** Whether the circle, grown by a unit, reaches into the box. */
export function covers(box: Box, circle: Circle): boolean {
  const dx = circle.x - Math.max(box.x, Math.min(circle.x, box.x + box.width));
  const dy = circle.y - Math.max(box.y, Math.min(circle.y, box.y + box.height));
  return dx * dx + dy * dy < (circle.r + 1) ** 2;
}

type Side = readonly [dx: -1 | 0 | 1, dy: -1 | 0 | 1];
/** Below, above, right, left, then the corners: the first free one is taken. */
const SIDES: readonly Side[] = [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]];

/** SIDES, the one facing away from `from` first (none for the point itself). */
function sidesAround(node: Circle, from: { x: number; y: number } | undefined): readonly Side[] {
  if (!from) return SIDES;
  const [dx, dy] = [node.x - from.x, node.y - from.y];
  const length = Math.hypot(dx, dy);
  if (length === 0) return SIDES;
  // Within about 22° of an axis, the side on that axis; otherwise the corner.
  const step = (d: number): -1 | 0 | 1 => (Math.abs(d) < 0.38 * length ? 0 : d > 0 ? 1 : -1);
  const outward: Side = [step(dx), step(dy)];
  return [outward, ...SIDES.filter((s) => s[0] !== outward[0] || s[1] !== outward[1])];
}

/** The box a label's text takes, as estimated by `textWidth`. */
export function labelBox(label: Pick<PlacedLabel, "text" | "x" | "y" | "anchor">, fontSize: number): Box {
  const width = textWidth(label.text, fontSize);
  const left = label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - width : label.x - width / 2;
  return { x: left, y: label.y - ASCENT * fontSize, width, height: LINE_HEIGHT * fontSize };
}

const round = (n: number) => Math.round(n * 10) / 10;

function labelAt(node: Circle, [dx, dy]: Side, text: string, fontSize: number): PlacedLabel {
  const width = textWidth(text, fontSize);
  const height = LINE_HEIGHT * fontSize;
  const reach = dx !== 0 && dy !== 0 ? node.r * Math.SQRT1_2 + GAP : node.r + GAP;
  const left = dx > 0 ? node.x + reach : dx < 0 ? node.x - reach - width : node.x - width / 2;
  const top = dy > 0 ? node.y + reach : dy < 0 ? node.y - reach - height : node.y - height / 2;
  const anchor = dx > 0 ? "start" : dx < 0 ? "end" : "middle";
  const label = { text, x: round(anchor === "start" ? left : anchor === "end" ? left + width : left + width / 2), y: round(top + ASCENT * fontSize), anchor } as const;
  // Grown by a little more than the rounding of its anchor moved it, so that the text stays inside.
  const box = labelBox(label, fontSize);
  return { ...label, box: { x: box.x - 0.1, y: box.y - 0.1, width: box.width + 0.2, height: box.height + 0.2 } };
}

/**
 * Labels the nodes in `order` (most important first), each with the longest of its texts that fits on a free side of
 * it: inside the bounds, over no label already placed and no node. A shortened text already shown by another label is
 * passed over, so that near-identical titles stay apart; a node with no room keeps no label. Bounded cost: at most
 * 6 texts × 8 sides × (nodes + labels) box tests per node.
 */
export function placeLabels(nodes: readonly Circle[], titles: readonly string[], order: readonly number[], options: LabelOptions): (PlacedLabel | undefined)[] {
  const { fontSize, bounds, maxChars } = options;
  const placed: (PlacedLabel | undefined)[] = nodes.map(() => undefined);
  const boxes: Box[] = [];
  const shown = new Set<string>();
  for (const n of order) {
    const node = nodes[n]!;
    const title = titles[n]!;
    search: for (const text of labelTexts(title, maxChars)) {
      if (text !== title && shown.has(text)) continue;
      for (const side of sidesAround(node, options.outwardFrom)) {
        const label = labelAt(node, side, text, fontSize);
        if (!inside(label.box, bounds) || boxes.some((b) => overlaps(b, label.box)) || nodes.some((c) => covers(label.box, c))) continue;
        placed[n] = label;
        boxes.push(label.box);
        shown.add(text);
        break search;
      }
    }
  }
  return placed;
}

/** The smallest box holding every node and label, with `padding` around. */
export function extentOf(nodes: readonly Circle[], labels: readonly (PlacedLabel | undefined)[], padding: number): Box {
  const boxes: Box[] = nodes.map((c) => ({ x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r }));
  for (const label of labels) if (label) boxes.push(label.box);
  const minX = Math.min(...boxes.map((b) => b.x)) - padding;
  const minY = Math.min(...boxes.map((b) => b.y)) - padding;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + padding;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + padding;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
