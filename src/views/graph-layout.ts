import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3-force";
import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Note } from "../vault-scan/note.js";
import { hrefOf } from "../vault-scan/paths.js";
import { extentOf, labelCandidates, placeLabels, type LabelOptions, type LabelText } from "./graph-labels.js";
import { kindOf, navigationOf } from "./note-roles.js";

/** What a node stands for, and its colour: a note of each type, or a note still to be written. */
export type GraphNodeKind = "note" | "question" | "ressource" | "manquante";

/** A node of a drawn graph: a note (with its URL) or a note still to be written (no URL). */
export interface GraphNodeView {
  readonly title: string;
  readonly url?: string;
  readonly current: boolean;
  readonly kind: GraphNodeKind;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** Missing when there was no room for it: the title is still the link's name and tooltip. */
  readonly label?: GraphLabelView;
  /** The global graph's: the indices of the nodes it is linked to, for the script that highlights them. */
  readonly neighbours?: string;
}

export interface GraphLabelView {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
}

export interface GraphEdgeView {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A drawing whose viewBox is (0, 0, width, height): every node and every label inside it. */
export interface GraphView {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly nodes: readonly GraphNodeView[];
  readonly edges: readonly GraphEdgeView[];
}

/**
 * The published notes of a build numbered in file order, each with the notes it links to or is linked from, by
 * number and in that order (a link resolved to a note always leads to a published one). Every page reads it for its
 * local graph: arrays of numbers are read in place, where maps and sets of notes sent each page to memory all over the
 * heap (three times slower over 10,000 notes).
 */
interface NeighbourIndex {
  readonly numberOf: ReadonlyMap<Note, number>;
  readonly titles: readonly string[];
  readonly hrefs: readonly string[];
  readonly kinds: readonly GraphNodeKind[];
  /** What each note's label may show in a local graph, worked out the first time one is drawn: each note is in dozens. */
  readonly labelTexts: (readonly LabelText[] | undefined)[];
  readonly neighbours: readonly Int32Array[];
}

const neighbourCache = new WeakMap<LinkGraph, NeighbourIndex>();

/** Computed once per build. */
function neighbourIndex(graph: LinkGraph): NeighbourIndex {
  const cached = neighbourCache.get(graph);
  if (cached) return cached;
  const notes = [...graph.published].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const numberOf = new Map(notes.map((note, n) => [note, n]));
  const lists = notes.map((): number[] => []);
  for (const note of graph.published) {
    const from = numberOf.get(note)!;
    for (const { resolution } of graph.outgoing.get(note.file) ?? []) {
      if (resolution.kind !== "note" || resolution.note === note) continue;
      const to = numberOf.get(resolution.note)!;
      lists[from]!.push(to);
      lists[to]!.push(from);
    }
  }
  const index: NeighbourIndex = {
    numberOf,
    titles: notes.map((note) => note.title),
    hrefs: notes.map((note) => hrefOf(note.url)),
    kinds: notes.map((note) => kindOf(note) ?? "note"),
    labelTexts: notes.map(() => undefined),
    neighbours: lists.map((list) => Int32Array.from(new Set(list)).sort()),
  };
  neighbourCache.set(graph, index);
  return index;
}

/** Whether notes a and b are linked: a binary search through the shorter of their two lists. */
function linked(index: NeighbourIndex, a: number, b: number): boolean {
  let [list, wanted] = [index.neighbours[a]!, b];
  if (index.neighbours[b]!.length < list.length) [list, wanted] = [index.neighbours[b]!, a];
  let [low, high] = [0, list.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = list[middle]!;
    if (value === wanted) return true;
    if (value < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The edges as the data of one SVG path, "M x1 y1 L x2 y2" each: a tenth of the markup of one <line> per edge. */
export function graphPath(edges: readonly GraphEdgeView[]): string {
  return edges.map((e) => `M${e.x1} ${e.y1}L${e.x2} ${e.y2}`).join("");
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A node before its label is placed and the drawing cropped. */
type PlacedNode = Omit<GraphNodeView, "label">;

/** Blank space around the drawing, in its units: within the bounds given for its labels. */
const PADDING = 2;

/**
 * Labels the nodes (in `order`, most important first), then crops the drawing to its nodes and labels: nothing is
 * cut at its edges, and it takes no more room than they need.
 */
function drawing(nodes: readonly PlacedNode[], texts: readonly (readonly LabelText[])[], pairs: readonly (readonly [number, number])[], order: readonly number[], options: LabelOptions): GraphView {
  const labels = placeLabels(nodes, texts, order, options);
  const extent = extentOf(nodes, labels, PADDING);
  // Moved by whole tenths, so that the rounded coordinates keep their distances.
  const [left, top] = [Math.floor(extent.x * 10) / 10, Math.floor(extent.y * 10) / 10];
  // Objects written out: spreading one into another is many times slower, on every page of the garden.
  const drawn = nodes.map((node, i): GraphNodeView => {
    const moved: Writable<GraphNodeView> = { title: node.title, current: node.current, kind: node.kind, x: round(node.x - left), y: round(node.y - top), r: node.r };
    if (node.url !== undefined) moved.url = node.url;
    if (node.neighbours !== undefined) moved.neighbours = node.neighbours;
    const label = labels[i];
    if (label) moved.label = { text: label.text, x: round(label.x - left), y: round(label.y - top), anchor: label.anchor };
    return moved;
  });
  return {
    width: Math.ceil((extent.x + extent.width - left) * 10 - 1e-9) / 10,
    height: Math.ceil((extent.y + extent.height - top) * 10 - 1e-9) / 10,
    fontSize: options.fontSize,
    nodes: drawn,
    edges: pairs.map(([a, b]) => ({ x1: drawn[a]!.x, y1: drawn[a]!.y, x2: drawn[b]!.x, y2: drawn[b]!.y })),
  };
}

/**
 * The local graph's drawing, made for a side column of about 17rem: the note at the centre, its neighbours on a
 * first ring, theirs on a second, labels within LOCAL_BOUNDS, in a font no larger than the text's.
 */
const LOCAL_BOUNDS = { x: PADDING, y: PADDING, width: 280 - 2 * PADDING, height: 300 - 2 * PADDING };
const CENTRE = 140;
const RING_RADII = [62, 114] as const;
const LOCAL_LABELS = { fontSize: 12, bounds: LOCAL_BOUNDS, maxChars: 22, outwardFrom: { x: CENTRE, y: CENTRE } };
const NODE_RADIUS = 5;
const CURRENT_RADIUS = 7;

/** The notes drawn around `centre`: itself, its first neighbours in file order, then theirs, up to `limit` in all. */
function notesAround(index: NeighbourIndex, centre: number, limit: number): { placed: number[]; firstRing: number } {
  const placed = [centre];
  for (const n of index.neighbours[centre]!.subarray(0, limit - 1)) placed.push(n);
  const firstRing = placed.length - 1;
  const seen = new Set(placed);
  for (let parent = 1; parent <= firstRing; parent++) {
    for (const next of index.neighbours[placed[parent]!]!) {
      if (placed.length >= limit) break;
      if (seen.has(next)) continue;
      seen.add(next);
      placed.push(next);
    }
  }
  return { placed, firstRing };
}

/** Where the note in `slot` of `notesAround` goes, before cropping. */
function ringPosition(slot: number, firstRing: number, secondRing: number): readonly [number, number] {
  if (slot === 0) return [CENTRE, CENTRE];
  const [radius, step, steps] = slot <= firstRing ? [RING_RADII[0], slot - 1, firstRing] : [RING_RADII[1], slot - firstRing - 1 + 0.5, secondRing];
  const angle = (2 * Math.PI * step) / steps - Math.PI / 2;
  return [round(CENTRE + radius * Math.cos(angle)), round(CENTRE + radius * Math.sin(angle))];
}

/**
 * The published `note`, its neighbours and theirs (two steps out), at most `limit` notes, drawn on rings around it:
 * a fixed-cost layout, so each page's graph costs the same whatever the size of the garden. Undefined when the note
 * has one neighbour and nothing beyond: two dots and a line would only repeat the one link that the text and the
 * panel « Pages qui mentionnent cette note » already show, in a side column better left to them.
 */
export function localGraph(graph: LinkGraph, note: Note, limit = 16): GraphView | undefined {
  const index = neighbourIndex(graph);
  const { placed, firstRing } = notesAround(index, index.numberOf.get(note)!, limit);
  if (placed.length < 3) return undefined;
  const nodes = placed.map((n, slot): PlacedNode => {
    const [x, y] = ringPosition(slot, firstRing, placed.length - 1 - firstRing);
    return { title: index.titles[n]!, url: index.hrefs[n]!, current: slot === 0, kind: index.kinds[n]!, x, y, r: slot === 0 ? CURRENT_RADIUS : NODE_RADIUS };
  });
  // Pairs of placed notes, not the neighbours of each: a hub has thousands, and this page's cost must not grow with them.
  const pairs: [number, number][] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      // Each edge runs from the note first in file order.
      if (linked(index, placed[i]!, placed[j]!)) pairs.push(placed[i]! < placed[j]! ? [i, j] : [j, i]);
    }
  }
  // The note first, then its neighbours, then theirs.
  const texts = placed.map((n) => (index.labelTexts[n] ??= labelCandidates(index.titles[n]!, LOCAL_LABELS)));
  return drawing(nodes, texts, pairs, placed.map((_, slot) => slot), LOCAL_LABELS);
}

interface SimNode extends SimulationNodeDatum {
  readonly title: string;
  readonly url?: string;
  readonly kind: GraphNodeKind;
  /** A note others hang from in `eleventyNavigation`: labelled first. */
  readonly theme: boolean;
  r: number;
}

/** The global graph's drawing, and how many notes the garden has in all (drawn or not). */
export interface GlobalGraphView extends GraphView {
  readonly total: number;
}

/**
 * Past a few hundred points a drawn graph is a blur, and its page and layout grow with the garden: the global graph
 * draws the most linked notes only, and says so.
 */
const GLOBAL_GRAPH_LIMIT = 200;

/** Ticks of the simulation, cooling down over them rather than over d3's default 300. */
const GLOBAL_GRAPH_TICKS = 150;

/**
 * The global graph's nodes are spread over NODE_AREA, their labels kept within GLOBAL_BOUNDS: at most 680 units wide,
 * the drawing is shown at about its own size in the text column, so a 12-unit label reads at 11 px or more.
 */
const GLOBAL_BOUNDS = { x: PADDING, y: PADDING, width: 680 - 2 * PADDING, height: 520 - 2 * PADDING };
const NODE_AREA = { x: 70, y: 24, width: 540, height: 472 };
const GLOBAL_LABELS = { fontSize: 12, bounds: GLOBAL_BOUNDS, maxChars: 24 };
/** How many of the notes labelled first the layout makes room for, and how much at most (the drawing's units). */
const ROOMY_LABELS = 16;
const ROOM_LIMIT = 56;

/** A node's radius grows with the square root of its links, so that its area grows with them. */
const radiusOf = (degree: number) => Math.min(12, 3 + 1.4 * Math.sqrt(degree));

const globalCache = new WeakMap<LinkGraph, GlobalGraphView>();

/** The global graph of the build, laid out once. */
export function globalGraph(graph: LinkGraph): GlobalGraphView {
  let view = globalCache.get(graph);
  if (!view) {
    view = layOutGlobalGraph(graph, GLOBAL_GRAPH_LIMIT);
    globalCache.set(graph, view);
  }
  return view;
}

/** The positions of the last layout, by what it was laid out from: a rebuild under `npm start` rarely changes links. */
let lastLayout: { readonly key: string; readonly positions: readonly { x: number; y: number }[] } | undefined;

/** Keeps every node inside NODE_AREA, its circle included. */
function insideArea(nodes: readonly SimNode[]): () => void {
  return () => {
    for (const n of nodes) {
      n.x = Math.min(Math.max(n.x ?? 0, NODE_AREA.x + n.r), NODE_AREA.x + NODE_AREA.width - n.r);
      n.y = Math.min(Math.max(n.y ?? 0, NODE_AREA.y + n.r), NODE_AREA.y + NODE_AREA.height - n.r);
    }
  };
}

/**
 * Places `nodes` by a force simulation inside NODE_AREA, in the drawing's own units, deterministic for the same nodes
 * and links. Each node keeps `room` clear around it: the notes labelled first get room for their label.
 */
function simulate(nodes: SimNode[], links: readonly { source: number; target: number }[], room: readonly number[]): void {
  const key = JSON.stringify([nodes.map((n) => [n.title, n.url ?? "", n.r]), links.map((l) => [l.source, l.target]), room]);
  if (lastLayout?.key !== key) {
    // d3 replaces the indices of the links it is given by the nodes themselves: it gets its own copy.
    forceSimulation(nodes)
      .force("link", forceLink(links.map((l) => ({ ...l }))).distance(50))
      .force("charge", forceManyBody().strength(-150))
      .force("collide", forceCollide<SimNode>((_, i) => room[i]!))
      .force("centre", forceCenter(NODE_AREA.x + NODE_AREA.width / 2, NODE_AREA.y + NODE_AREA.height / 2))
      .force("area", insideArea(nodes))
      .alphaDecay(1 - Math.pow(0.001, 1 / GLOBAL_GRAPH_TICKS))
      .stop()
      .tick(GLOBAL_GRAPH_TICKS);
    lastLayout = { key, positions: nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 })) };
  }
  lastLayout.positions.forEach((p, i) => Object.assign(nodes[i]!, p));
}

/** The `eleventyNavigation` keys that some note names as its parent. */
function parentKeys(notes: readonly Note[]): Set<string> {
  const keys = new Set<string>();
  for (const note of notes) {
    const parent = navigationOf(note)?.parent;
    if (typeof parent === "string") keys.add(parent);
  }
  return keys;
}

/**
 * Published notes and notes still to be written, the `limit` most linked of them (either way, one count per pair),
 * laid out by a force simulation, sized by their links and labelled: themes first, then the most linked.
 */
export function layOutGlobalGraph(graph: LinkGraph, limit: number): GlobalGraphView {
  const parents = parentKeys(graph.published);
  const all: SimNode[] = graph.published.map((n) => {
    const key = navigationOf(n)?.key;
    return { title: n.title, url: hrefOf(n.url), kind: kindOf(n) ?? "note", theme: typeof key === "string" && parents.has(key), r: 0 };
  });
  const index = new Map<string, number>(graph.published.map((n, i) => [n.file, i]));
  for (const missing of graph.missing) {
    index.set(`missing:${missing.name.toLowerCase()}`, all.length);
    all.push({ title: missing.name, kind: "manquante", theme: false, r: 0 });
  }
  const pairs: { source: number; target: number }[] = [];
  // One edge per pair of notes, whichever links to the other and however often: a note with 10,000 links drew 10,000 lines.
  const drawn = new Set<number>();
  for (const note of graph.published) {
    const source = index.get(note.file)!;
    for (const { resolution, occurrence } of graph.outgoing.get(note.file) ?? []) {
      const target =
        resolution.kind === "note" ? index.get(resolution.note.file) : resolution.kind === "asset" ? undefined : index.get(`missing:${occurrence.syntax.target.note.toLowerCase()}`);
      if (target === undefined || target === source) continue;
      const pair = Math.min(source, target) * all.length + Math.max(source, target);
      if (drawn.has(pair)) continue;
      drawn.add(pair);
      pairs.push({ source, target });
    }
  }
  const degree = new Array<number>(all.length).fill(0);
  for (const { source, target } of pairs) {
    degree[source]!++;
    degree[target]!++;
  }
  // Ties keep the garden's order (published notes by file, then missing notes), so the drawing is the same every build.
  const kept = all.map((_, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b).slice(0, limit).sort((a, b) => a - b);
  const position = new Map(kept.map((old, i) => [old, i]));
  const nodes = kept.map((i) => ({ ...all[i]!, r: round(radiusOf(degree[i]!)) }));
  const links = pairs.flatMap(({ source, target }) => {
    const [s, t] = [position.get(source), position.get(target)];
    return s === undefined || t === undefined ? [] : [{ source: s, target: t }];
  });
  const linkCount = (i: number) => degree[kept[i]!]!;
  const order = nodes.map((_, i) => i).sort((a, b) => Number(nodes[b]!.theme) - Number(nodes[a]!.theme) || linkCount(b) - linkCount(a) || a - b);
  const room = nodes.map((n) => n.r + 3);
  const texts = nodes.map((n) => labelCandidates(n.title, GLOBAL_LABELS));
  for (const i of order.slice(0, ROOMY_LABELS)) {
    if (texts[i]!.length > 0) room[i] = Math.max(room[i]!, Math.min(ROOM_LIMIT, Math.min(...texts[i]!.map((t) => t.width)) / 2 + 8));
  }
  simulate(nodes, links, room);
  const xs = nodes.map((n) => round(n.x ?? 0));
  const ys = nodes.map((n) => round(n.y ?? 0));
  const neighbours = nodes.map((): number[] => []);
  for (const { source, target } of links) {
    neighbours[source]!.push(target);
    neighbours[target]!.push(source);
  }
  const placed = nodes.map(({ title, url, kind, r }, i): PlacedNode => ({
    title,
    ...(url ? { url } : {}),
    current: false,
    kind,
    x: xs[i]!,
    y: ys[i]!,
    r,
    neighbours: neighbours[i]!.sort((a, b) => a - b).join(" "),
  }));
  return { ...drawing(placed, texts, links.map(({ source, target }) => [source, target] as const), order, GLOBAL_LABELS), total: all.length };
}
