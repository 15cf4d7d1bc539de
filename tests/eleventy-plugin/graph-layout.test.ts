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
});

describe("graphPath", () => {
  it("draws each edge as one move and one line of a single path", () => {
    expect(graphPath([{ x1: 10, y1: 20.5, x2: 30, y2: 40 }, { x1: 0, y1: 0, x2: 5.5, y2: 6 }])).toBe("M10 20.5L30 40M0 0L5.5 6");
    expect(graphPath([])).toBe("");
  });
});
