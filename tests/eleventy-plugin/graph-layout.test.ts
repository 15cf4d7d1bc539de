import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globalGraph, graphPath, layOutGlobalGraph, localGraph } from "../../src/eleventy-plugin/graph-layout.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
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

  // The rule as an editor would state it, with sets of notes: neighbours are published notes linked either way,
  // taken in file order; the first ring holds the note's own, the second theirs, until the limit; an edge joins each
  // linked pair of drawn notes, from the one first in file order.
  it("draws the neighbours, theirs and the links between them, on any garden", () => {
    const gardens = fc.record({
      links: fc.array(fc.array(fc.nat(11), { maxLength: 6 }), { minLength: 1, maxLength: 12 }),
      drafts: fc.array(fc.nat(11), { maxLength: 3 }),
      limit: fc.integer({ min: 1, max: 14 }),
    });
    fc.assert(
      fc.property(gardens, ({ links, drafts, limit }) => {
        const name = (i: number) => `N${String(i).padStart(2, "0")}`;
        const sources = Object.fromEntries(
          links.map((targets, i) => [`${name(i)}.md`, `${drafts.includes(i) ? "---\ndraft: true\n---\n" : ""}# ${name(i)}\n\n${targets.map((t) => `[[${name(t)}]]`).join(" ")}\n`]),
        );
        const garden = graphOf(sources);
        const published = new Set(garden.published.map((n) => n.title));
        const around = new Map<string, Set<string>>();
        const link = (a: string, b: string) => (around.get(a) ?? around.set(a, new Set()).get(a)!).add(b);
        links.forEach((targets, i) => {
          for (const t of targets) {
            if (t === i || !published.has(name(i)) || !published.has(name(t)) || t >= links.length) continue;
            link(name(i), name(t));
            link(name(t), name(i));
          }
        });
        const neighbours = (title: string) => [...(around.get(title) ?? [])].sort();
        for (const centre of garden.published) {
          const first = neighbours(centre.title).slice(0, limit - 1);
          const drawn = [centre.title, ...first];
          for (const parent of first) for (const next of neighbours(parent)) if (drawn.length < limit && !drawn.includes(next)) drawn.push(next);
          const view = localGraph(garden, centre, limit);
          expect(view.nodes.map((n) => n.title)).toEqual(drawn);
          expect(view.nodes.map((n) => n.current)).toEqual(drawn.map((_, i) => i === 0));
          const at = (title: string) => view.nodes.find((n) => n.title === title)!;
          const expectedEdges = drawn.flatMap((a, i) =>
            drawn.slice(i + 1).flatMap((b) => {
              if (!around.get(a)?.has(b)) return [];
              const [from, to] = a < b ? [at(a), at(b)] : [at(b), at(a)];
              return [{ x1: from.x, y1: from.y, x2: to.x, y2: to.y }];
            }),
          );
          expect(view.edges).toEqual(expectedEdges);
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
