import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globalGraph, graphPath, layOutGlobalGraph, localGraph } from "../../src/views/graph-layout.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import type { Note } from "../../src/vault-scan/note.js";
import { hrefOf, toVaultPath } from "../../src/vault-scan/paths.js";
import { memoryVault } from "../helpers.js";

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
    const view = localGraph(garden, centre, 3);
    expect(view.nodes.map((n) => [n.title, n.current])).toEqual([
      ["Trois", true],
      ["Centre", false],
      ["Deux", false],
    ]);
    expect(view.edges).toHaveLength(2);
  });

  // The layout as an editor would state it, with sets of notes: neighbours are published notes linked either way,
  // taken in file order; the first ring (radius 80 around 160, 160) holds the note's own, the second (radius 140) theirs,
  // until the limit; each ring is spread evenly from the top, the second half a step on; the drawing is cropped to its
  // notes, with 90 units on each side, 20 above and 30 below; an edge joins each linked pair of drawn notes, from the
  // one first in file order. File paths mix folders, case and accents, and titles run in the other order.
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
          const onRing = (radius: number, step: number, steps: number) => {
            const angle = (2 * Math.PI * step) / steps - Math.PI / 2;
            return { x: round(160 + radius * Math.cos(angle)), y: round(160 + radius * Math.sin(angle)) };
          };
          const drawn = [
            { note: centre, x: 160, y: 160 },
            ...first.map((note, i) => ({ note, ...onRing(80, i, first.length) })),
            ...second.map((note, i) => ({ note, ...onRing(140, i + 0.5, second.length) })),
          ];
          const [minX, minY] = [Math.min(...drawn.map((d) => d.x)) - 90, Math.min(...drawn.map((d) => d.y)) - 20];
          const nodes = drawn.map((d) => ({ title: d.note.title, url: hrefOf(d.note.url), current: d.note === centre, x: round(d.x - minX), y: round(d.y - minY) }));
          const edges = drawn.flatMap((a, i) =>
            drawn.slice(i + 1).flatMap((b, k) => {
              if (!around.get(a.note)?.has(b.note)) return [];
              const [from, to] = byFile(a.note, b.note) < 0 ? [nodes[i]!, nodes[i + 1 + k]!] : [nodes[i + 1 + k]!, nodes[i]!];
              return [{ x1: from.x, y1: from.y, x2: to.x, y2: to.y }];
            }),
          );
          expect(localGraph(garden, centre, limit)).toEqual({
            width: round(Math.max(...drawn.map((d) => d.x)) + 90 - minX),
            height: round(Math.max(...drawn.map((d) => d.y)) + 30 - minY),
            nodes,
            edges,
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("graphPath", () => {
  it("draws each edge as one move and one line of a single path", () => {
    expect(graphPath([{ x1: 10, y1: 20.5, x2: 30, y2: 40 }, { x1: 0, y1: 0, x2: 5.5, y2: 6 }])).toBe("M10 20.5L30 40M0 0L5.5 6");
    expect(graphPath([])).toBe("");
  });
});
