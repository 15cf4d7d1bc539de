import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate-vault.js";
import { globalGraph, graphPath, layOutGlobalGraph, localGraph, type GraphView } from "../../src/views/graph-layout.js";
import { covers, labelBox, type Box, type Circle } from "../../src/views/graph-labels.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import type { Note } from "../../src/vault-scan/note.js";
import { hrefOf, toVaultPath } from "../../src/vault-scan/paths.js";
import { memoryVault, scanGarden } from "../helpers.js";

function graphOf(sources: Readonly<Record<string, string>>): LinkGraph {
  return buildLinkGraph(memoryVault(sources), { reservedUrls: new Map() });
}

/** A hub linked by every other note, a pair linked once, a lone note, and a missing note linked twice. */
const SOURCES = {
  "Centre.md": "# Centre\n\nVers [[Un]], [[Deux]], [[Trois]] et [[Projet à venir]].\n",
  "Un.md": "# Un\n\n[[Centre]], [[Centre]] encore, et [[Deux]].\n",
  "Deux.md": "# Deux\n\n[[Centre]] et [[Projet à venir]].\n",
  "Trois.md": "# Trois\n\n[[Centre]].\n",
  "Seule.md": "# Seule\n\nSans lien.\n",
};
const garden = graphOf(SOURCES);

const titles = (view: { nodes: readonly { title: string }[] }) => view.nodes.map((n) => n.title).sort();

describe("layOutGlobalGraph", () => {
  it("draws every note and note to be written, one edge per linked pair", () => {
    const view = layOutGlobalGraph(garden, 100);
    expect(titles(view)).toEqual(["Centre", "Deux", "Projet à venir", "Seule", "Trois", "Un"]);
    expect(view.total).toBe(6);
    // Centre–Un, Centre–Deux, Centre–Trois, Centre–Projet, Un–Deux and Deux–Projet: pairs linked both ways or
    // several times are drawn once.
    expect(view.edges).toHaveLength(6);
    expect(view.nodes.find((n) => n.title === "Projet à venir")).not.toHaveProperty("url");
    expect(view.nodes.find((n) => n.title === "Centre")).toMatchObject({ url: "/centre/", current: false });
  });

  it("keeps only the most linked notes past the limit, and the edges between them", () => {
    const view = layOutGlobalGraph(garden, 3);
    expect(titles(view)).toEqual(["Centre", "Deux", "Un"]);
    expect(view.total).toBe(6);
    expect(view.edges).toHaveLength(3);
    for (const edge of [...view.edges]) {
      for (const [x, y] of [[edge.x1, edge.y1], [edge.x2, edge.y2]] as const) {
        expect(view.nodes.some((n) => n.x === x && n.y === y)).toBe(true);
      }
    }
  });

  it("places nodes the same way on every build, laid out afresh or not", () => {
    const first = layOutGlobalGraph(garden, 100);
    // Another drawing in between, so that the last one is not simply reused.
    expect(layOutGlobalGraph(garden, 3).nodes).toHaveLength(3);
    expect(layOutGlobalGraph(graphOf(SOURCES), 100)).toEqual(first);
    expect(layOutGlobalGraph(graphOf(SOURCES), 100)).toEqual(first);
  });

  it("is laid out once per build", () => {
    expect(globalGraph(garden)).toBe(globalGraph(garden));
  });
});

describe("localGraph", () => {
  it("draws the note at the centre with its neighbours and theirs, within the limit", () => {
    const centre = garden.index.byFile.get(toVaultPath("Trois.md"))!;
    const view = localGraph(garden, centre, 3)!;
    expect(view.nodes.map((n) => [n.title, n.current])).toEqual([
      ["Trois", true],
      ["Centre", false],
      ["Deux", false],
    ]);
    expect(view.edges).toHaveLength(2);
  });

  // The layout as an editor would state it, with sets of notes: neighbours are published notes linked either way,
  // taken in file order; the first ring (radius 62 around the note) holds the note's own, the second (radius 114)
  // theirs, until the limit; each ring is spread evenly from the top, the second half a step on; an edge joins each
  // linked pair of drawn notes, from the one first in file order; a note with a single neighbour and nothing beyond has
  // no drawing. File paths mix folders, case and accents, and titles run in the other order.
  it("draws the neighbours, theirs and the links between them, on any garden", () => {
    const FILES = ["Zoé.md", "a/abeille.md", "B/Été.md", "a b/ça.md", "é/Musée.md", "musique.md", "a-b/Ordre.md", "ZZ.md", "a/a b.md", "Œuvre.md", "12.md", "b/x.md"];
    const name = (i: number) => FILES[i]!.replace(/^.*\//, "").replace(/\.md$/, "");
    const gardens = fc.record({
      links: fc.array(fc.array(fc.nat(FILES.length - 1), { maxLength: 6 }), { minLength: 1, maxLength: FILES.length }),
      drafts: fc.array(fc.nat(FILES.length - 1), { maxLength: 3 }),
      limit: fc.integer({ min: 1, max: 14 }),
    });
    const round = (n: number) => Math.round(n * 10) / 10;
    fc.assert(
      fc.property(gardens, ({ links, drafts, limit }) => {
        const sources = Object.fromEntries(
          links.map((targets, i) => [
            FILES[i]!,
            `${drafts.includes(i) ? "---\ndraft: true\n---\n" : ""}# Titre ${String(99 - i)}\n\n${targets.map((t) => `[[${name(t)}]]`).join(" ")}\n`,
          ]),
        );
        const garden = graphOf(sources);
        const around = new Map<Note, Set<Note>>();
        const link = (a: Note, b: Note) => (around.get(a) ?? around.set(a, new Set()).get(a)!).add(b);
        for (const note of garden.published) {
          for (const { resolution } of garden.outgoing.get(note.file)!) {
            if (resolution.kind !== "note" || resolution.note === note) continue;
            link(note, resolution.note);
            link(resolution.note, note);
          }
        }
        const byFile = (a: Note, b: Note) => (a.file < b.file ? -1 : 1);
        const neighbours = (note: Note) => [...(around.get(note) ?? [])].sort(byFile);
        for (const centre of garden.published) {
          const first = neighbours(centre).slice(0, limit - 1);
          const second: Note[] = [];
          for (const parent of first) for (const next of neighbours(parent)) if (1 + first.length + second.length < limit && next !== centre && !first.includes(next) && !second.includes(next)) second.push(next);
          const view = localGraph(garden, centre, limit);
          if (1 + first.length + second.length < 3) {
            expect(view).toBeUndefined();
            continue;
          }
          const onRing = (radius: number, step: number, steps: number) => {
            const angle = (2 * Math.PI * step) / steps - Math.PI / 2;
            return { dx: round(round(140 + radius * Math.cos(angle)) - 140), dy: round(round(140 + radius * Math.sin(angle)) - 140) };
          };
          const drawn = [
            { note: centre, dx: 0, dy: 0 },
            ...first.map((note, i) => ({ note, ...onRing(62, i, first.length) })),
            ...second.map((note, i) => ({ note, ...onRing(114, i + 0.5, second.length) })),
          ];
          const [cx, cy] = [view!.nodes[0]!.x, view!.nodes[0]!.y];
          expect(view!.nodes.map((n) => ({ title: n.title, url: n.url, current: n.current, dx: round(n.x - cx), dy: round(n.y - cy) }))).toEqual(
            drawn.map((d) => ({ title: d.note.title, url: hrefOf(d.note.url), current: d.note === centre, dx: d.dx, dy: d.dy })),
          );
          const edges = drawn.flatMap((a, i) =>
            drawn.slice(i + 1).flatMap((b, k) => {
              if (!around.get(a.note)?.has(b.note)) return [];
              const [from, to] = byFile(a.note, b.note) < 0 ? [view!.nodes[i]!, view!.nodes[i + 1 + k]!] : [view!.nodes[i + 1 + k]!, view!.nodes[i]!];
              return [{ x1: from.x, y1: from.y, x2: to.x, y2: to.y }];
            }),
          );
          expect(view!.edges).toEqual(edges);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("draws nothing for a note with one neighbour and nothing beyond, and the three notes of a chain", () => {
    const pair = graphOf({ "A.md": "# A\n\n[[B]]\n", "B.md": "# B\n\nTexte.\n" });
    for (const note of pair.published) expect(localGraph(pair, note)).toBeUndefined();
    const chain = graphOf({ "A.md": "# A\n\n[[B]]\n", "B.md": "# B\n\n[[C]]\n", "C.md": "# C\n\nTexte.\n" });
    for (const note of chain.published) expect(localGraph(chain, note)!.nodes.map((n) => n.label?.text).sort()).toEqual(["A", "B", "C"]);
  });
});

/** The box of each drawn label, as its text, anchor and font size make it. */
function labelBoxes(view: GraphView): Box[] {
  return view.nodes.flatMap((n) => (n.label ? [labelBox(n.label, view.fontSize)] : []));
}

const coversBox = (b: Box, node: Circle) => covers(b.x + 1e-9, b.y + 1e-9, b.x + b.width - 1e-9, b.y + b.height - 1e-9, node);
/** Overlapping by more than the rounding errors of floating point: boxes that touch do not overlap. */
const overlap = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1e-9 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1e-9;

/** Labels apart from each other and from every node, and everything inside the viewBox (0, 0, width, height). */
function expectReadable(view: GraphView): void {
  const boxes = labelBoxes(view);
  for (const [i, box] of boxes.entries()) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(view.width);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    for (const node of view.nodes) expect(coversBox(box, node), `« ${view.nodes.find((n) => n.label && labelBox(n.label, view.fontSize).x === box.x)?.label?.text} » sur « ${node.title} »`).toBe(false);
    for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
  }
  for (const node of view.nodes) {
    expect(node.x - node.r).toBeGreaterThanOrEqual(0);
    expect(node.y - node.r).toBeGreaterThanOrEqual(0);
    expect(node.x + node.r).toBeLessThanOrEqual(view.width);
    expect(node.y + node.r).toBeLessThanOrEqual(view.height);
  }
}

describe("the graphs of a generated garden of 150 notes", () => {
  let work: string;
  let garden: LinkGraph;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "graphes-"));
    await generateVault({ notes: 150, seed: 7, outDir: path.join(work, "notes") });
    garden = await scanGarden(path.join(work, "notes"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("labels the global graph's themes and most linked notes, readable, within the drawing and apart", () => {
    const view = layOutGlobalGraph(garden, 200);
    expect(view.nodes.length).toBeGreaterThanOrEqual(150);
    expect(view.fontSize).toBeGreaterThanOrEqual(11);
    // Shown at its own size in a text column of about 42rem, and never wider than one.
    expect(view.width).toBeLessThanOrEqual(680);
    expectReadable(view);
    const labelled = view.nodes.filter((n) => n.label);
    expect(labelled.length).toBeGreaterThanOrEqual(10);
    const mostLinked = [...view.nodes].sort((a, b) => b.r - a.r).slice(0, 10);
    expect(mostLinked.filter((n) => n.label).length).toBeGreaterThanOrEqual(7);
  });

  it("draws each note's local graph compact, its labels apart, off the nodes and inside the drawing", () => {
    let labels = 0;
    for (const note of garden.published) {
      const view = localGraph(garden, note);
      if (!view) continue;
      expect(view.width).toBeLessThanOrEqual(280);
      expect(view.height).toBeLessThanOrEqual(300);
      expect(view.fontSize).toBeLessThanOrEqual(12);
      expectReadable(view);
      expect(view.nodes[0]!.label).toBeDefined();
      labels += labelBoxes(view).length;
    }
    expect(labels).toBeGreaterThan(garden.published.length * 3);
  });

  it("lays out the same garden into the same drawings, byte for byte", async () => {
    const again = await scanGarden(path.join(work, "notes"));
    expect(JSON.stringify(layOutGlobalGraph(again, 200))).toBe(JSON.stringify(layOutGlobalGraph(garden, 200)));
    for (const [i, note] of garden.published.entries()) expect(JSON.stringify(localGraph(again, again.published[i]!))).toBe(JSON.stringify(localGraph(garden, note)));
  });
});

describe("graphPath", () => {
  it("draws each edge as one move and one line of a single path", () => {
    expect(graphPath([{ x1: 10, y1: 20.5, x2: 30, y2: 40 }, { x1: 0, y1: 0, x2: 5.5, y2: 6 }])).toBe("M10 20.5L30 40M0 0L5.5 6");
    expect(graphPath([])).toBe("");
  });
});
