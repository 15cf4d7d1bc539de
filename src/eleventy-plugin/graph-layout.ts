import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3-force";
import type { LinkGraph } from "../link-graph/link-graph.js";
import type { Note } from "../vault-scan/note.js";
import { hrefOf, type VaultPath } from "../vault-scan/paths.js";

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

/** The published notes a note links to or is linked from: in file order, and as a set. */
interface Neighbours {
  readonly sorted: readonly Note[];
  readonly all: ReadonlySet<Note>;
}

const neighbourCache = new WeakMap<LinkGraph, ReadonlyMap<VaultPath, Neighbours>>();

/** Published notes linked either way, computed once per build. */
function neighbours(graph: LinkGraph): ReadonlyMap<VaultPath, Neighbours> {
  const cached = neighbourCache.get(graph);
  if (cached) return cached;
  const sets = new Map<VaultPath, Set<Note>>();
  const add = (a: Note, b: Note) => {
    if (a === b) return;
    (sets.get(a.file) ?? sets.set(a.file, new Set()).get(a.file)!).add(b);
  };
  for (const note of graph.published) {
    for (const { resolution } of graph.outgoing.get(note.file) ?? []) {
      if (resolution.kind !== "note") continue;
      add(note, resolution.note);
      add(resolution.note, note);
    }
  }
  const result = new Map([...sets].map(([file, all]) => [file, { all, sorted: [...all].sort((a, b) => (a.file < b.file ? -1 : 1)) }] as const));
  neighbourCache.set(graph, result);
  return result;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The edges as the data of one SVG path, "M x1 y1 L x2 y2" each: a tenth of the markup of one <line> per edge. */
export function graphPath(edges: readonly GraphEdgeView[]): string {
  return edges.map((e) => `M${e.x1} ${e.y1}L${e.x2} ${e.y2}`).join("");
}

/**
 * The note, its neighbours and theirs (two steps out), at most `limit` notes, drawn on rings around it:
 * a fixed-cost layout, so each page's graph costs the same whatever the size of the garden.
 */
export function localGraph(graph: LinkGraph, note: Note, limit = 24): GraphView {
  const around = neighbours(graph);
  const first = (around.get(note.file)?.sorted ?? []).slice(0, limit - 1);
  const placed = new Set<Note>([note, ...first]);
  const second: { note: Note; parent: Note }[] = [];
  for (const parent of first) {
    for (const next of around.get(parent.file)?.sorted ?? []) {
      if (placed.size >= limit) break;
      if (placed.has(next)) continue;
      placed.add(next);
      second.push({ note: next, parent });
    }
  }
  const size = 320;
  const centre = size / 2;
  const position = new Map<Note, { x: number; y: number }>([[note, { x: centre, y: centre }]]);
  first.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / first.length - Math.PI / 2;
    position.set(n, { x: round(centre + 80 * Math.cos(angle)), y: round(centre + 80 * Math.sin(angle)) });
  });
  second.forEach(({ note: n }, i) => {
    const angle = (2 * Math.PI * (i + 0.5)) / second.length - Math.PI / 2;
    position.set(n, { x: round(centre + 140 * Math.cos(angle)), y: round(centre + 140 * Math.sin(angle)) });
  });
  // Pairs of placed notes, not the neighbours of each: a hub has thousands, and this page's cost must not grow with them.
  const edges: GraphEdgeView[] = [];
  const drawn = [...placed];
  for (let i = 0; i < drawn.length; i++) {
    const a = drawn[i]!;
    const linked = around.get(a.file)?.all;
    if (!linked) continue;
    for (let j = i + 1; j < drawn.length; j++) {
      const b = drawn[j]!;
      if (!linked.has(b)) continue;
      const [pa, pb] = a.file < b.file ? [position.get(a)!, position.get(b)!] : [position.get(b)!, position.get(a)!];
      edges.push({ x1: pa.x, y1: pa.y, x2: pb.x, y2: pb.y });
    }
  }
  const nodes = [...placed].map((n) => ({ title: n.title, url: hrefOf(n.url), current: n === note, ...position.get(n)! }));
  return cropped(nodes, edges);
}

/** Shrinks the drawing to its nodes, with room around them for labels, so a small graph is not lost in blank space. */
function cropped(nodes: GraphNodeView[], edges: GraphEdgeView[]): GraphView {
  const margin = { x: 90, top: 20, bottom: 30 };
  const minX = Math.min(...nodes.map((n) => n.x)) - margin.x;
  const minY = Math.min(...nodes.map((n) => n.y)) - margin.top;
  const width = round(Math.max(...nodes.map((n) => n.x)) + margin.x - minX);
  const height = round(Math.max(...nodes.map((n) => n.y)) + margin.bottom - minY);
  return {
    width,
    height,
    nodes: nodes.map((n) => ({ ...n, x: round(n.x - minX), y: round(n.y - minY) })),
    edges: edges.map((e) => ({ x1: round(e.x1 - minX), y1: round(e.y1 - minY), x2: round(e.x2 - minX), y2: round(e.y2 - minY) })),
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
