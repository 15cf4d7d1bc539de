import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3-force";
import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Note } from "../vault-scan/note.js";
import { hrefOf } from "../vault-scan/paths.js";

/** A node of a drawn graph: a note (with its URL) or a note still to be written (no URL). */
export interface GraphNodeView {
  readonly title: string;
  readonly url?: string;
  readonly current: boolean;
  readonly x: number;
  readonly y: number;
}

export interface GraphEdgeView {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface GraphView {
  readonly width: number;
  readonly height: number;
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

/** The local graph's drawing: the note at the centre, its neighbours on a first ring, theirs on a second. */
const CENTRE = 160;
const RING_RADII = [80, 140] as const;
/** Room around the drawn notes for their labels, so that a small graph is not lost in blank space. */
const MARGIN = { x: 90, top: 20, bottom: 30 };

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
 * The published `note`, its neighbours and theirs (two steps out), at most `limit` notes, drawn on rings around it
 * and cropped to them: a fixed-cost layout, so each page's graph costs the same whatever the size of the garden.
 */
export function localGraph(graph: LinkGraph, note: Note, limit = 24): GraphView {
  const index = neighbourIndex(graph);
  const { placed, firstRing } = notesAround(index, index.numberOf.get(note)!, limit);
  const positions = placed.map((_, slot) => ringPosition(slot, firstRing, placed.length - 1 - firstRing));
  const xs = positions.map(([x]) => x);
  const ys = positions.map(([, y]) => y);
  const minX = Math.min(...xs) - MARGIN.x;
  const minY = Math.min(...ys) - MARGIN.top;
  const nodes = placed.map((n, slot) => ({ title: index.titles[n]!, url: index.hrefs[n]!, current: slot === 0, x: round(xs[slot]! - minX), y: round(ys[slot]! - minY) }));
  // Pairs of placed notes, not the neighbours of each: a hub has thousands, and this page's cost must not grow with them.
  const edges: GraphEdgeView[] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      if (!linked(index, placed[i]!, placed[j]!)) continue;
      // Each edge runs from the note first in file order.
      const [from, to] = placed[i]! < placed[j]! ? [nodes[i]!, nodes[j]!] : [nodes[j]!, nodes[i]!];
      edges.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y });
    }
  }
  return {
    width: round(Math.max(...xs) + MARGIN.x - minX),
    height: round(Math.max(...ys) + MARGIN.bottom - minY),
    nodes,
    edges,
  };
}

interface SimNode extends SimulationNodeDatum {
  readonly title: string;
  readonly url?: string;
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

/** Places `nodes` by a force simulation, deterministic for the same nodes and links. */
function simulate(nodes: SimNode[], links: readonly { source: number; target: number }[]): void {
  const key = JSON.stringify([nodes.map((n) => [n.title, n.url ?? ""]), links.map((l) => [l.source, l.target])]);
  if (lastLayout?.key !== key) {
    // d3 replaces the indices of the links it is given by the nodes themselves: it gets its own copy.
    forceSimulation(nodes)
      .force("link", forceLink(links.map((l) => ({ ...l }))).distance(40))
      .force("charge", forceManyBody().strength(-60))
      .force("collide", forceCollide(8))
      .force("centre", forceCenter(0, 0))
      .alphaDecay(1 - Math.pow(0.001, 1 / GLOBAL_GRAPH_TICKS))
      .stop()
      .tick(GLOBAL_GRAPH_TICKS);
    lastLayout = { key, positions: nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 })) };
  }
  lastLayout.positions.forEach((p, i) => Object.assign(nodes[i]!, p));
}

/**
 * Published notes and notes still to be written, the `limit` most linked of them (either way, one count per pair),
 * laid out by a force simulation.
 */
export function layOutGlobalGraph(graph: LinkGraph, limit: number): GlobalGraphView {
  const all: SimNode[] = graph.published.map((n) => ({ title: n.title, url: hrefOf(n.url) }));
  const index = new Map<string, number>(graph.published.map((n, i) => [n.file, i]));
  for (const missing of graph.missing) {
    index.set(`missing:${missing.name.toLowerCase()}`, all.length);
    all.push({ title: missing.name });
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
  const nodes = kept.map((i) => ({ ...all[i]! }));
  const links = pairs.flatMap(({ source, target }) => {
    const [s, t] = [position.get(source), position.get(target)];
    return s === undefined || t === undefined ? [] : [{ source: s, target: t }];
  });
  simulate(nodes, links);
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, minY] = [Math.min(...xs, 0) - 20, Math.min(...ys, 0) - 20];
  const width = round(Math.max(...xs, 0) + 20 - minX);
  const height = round(Math.max(...ys, 0) + 20 - minY);
  const at = (n: SimNode) => ({ x: round((n.x ?? 0) - minX), y: round((n.y ?? 0) - minY) });
  return {
    width,
    height,
    total: all.length,
    nodes: nodes.map((n) => ({ title: n.title, ...(n.url ? { url: n.url } : {}), current: false, ...at(n) })),
    edges: links.map(({ source, target }) => {
      const a = at(nodes[source]!);
      const b = at(nodes[target]!);
      return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    }),
  };
}
