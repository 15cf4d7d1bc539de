import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateVault, type GeneratedVaultStats } from "../../bench/generate-vault.js";
import { buildLinkGraph, type LinkGraph } from "../../src/link-graph/link-graph.js";
import { blocksBuild } from "../../src/vault-scan/findings.js";
import { readVault } from "../../src/vault-scan/read-vault.js";
import { SITE } from "../helpers.js";

const NOTES = 50;

async function tree(root: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
  files.sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(root, file))] as const)));
}

describe("generateVault", () => {
  const temporary: string[] = [];
  const folder = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "garden-bench-"));
    temporary.push(dir);
    return dir;
  };
  let first: { dir: string; stats: GeneratedVaultStats };
  let graph: LinkGraph;

  beforeAll(async () => {
    const dir = await folder();
    first = { dir, stats: await generateVault({ notes: NOTES, seed: 7, outDir: dir }) };
    graph = buildLinkGraph(await readVault(dir, SITE), { reservedUrls: new Map() });
  });

  afterAll(async () => {
    await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("writes byte-identical trees for the same seed and note count", async () => {
    const again = await folder();
    const stats = await generateVault({ notes: NOTES, seed: 7, outDir: again });
    const [a, b] = await Promise.all([tree(first.dir), tree(again)]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
    expect(stats).toEqual(first.stats);
  });

  it("writes a different tree for another seed", async () => {
    const other = await folder();
    await generateVault({ notes: NOTES, seed: 8, outDir: other });
    const [a, b] = await Promise.all([tree(first.dir), tree(other)]);
    const sameNames = [...a.keys()].join("\n") === [...b.keys()].join("\n");
    const sameContents = sameNames && [...a].every(([file, bytes]) => b.get(file)?.equals(bytes));
    expect(sameContents).toBe(false);
    expect(sameNames).toBe(false);
  });

  it("writes the requested notes, spread over folders, with the embedded images", async () => {
    const files = [...(await tree(first.dir)).keys()];
    expect(files.filter((f) => f.endsWith(".md"))).toHaveLength(NOTES);
    expect(new Set(files.filter((f) => f.includes("/")).map((f) => f.slice(0, f.lastIndexOf("/")))).size).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith("Images/") && f.endsWith(".png"))).toHaveLength(first.stats.images);
    expect(first.stats.images).toBeGreaterThan(0);
  });

  it("has about 8 wikilinks per note, about 10 % of them to missing notes, as the project's scanner reads them", () => {
    const links = [...graph.outgoing.values()].flat();
    const missing = links.filter((l) => l.resolution.kind === "missing").length;
    expect(links.length / NOTES).toBeGreaterThanOrEqual(6);
    expect(links.length / NOTES).toBeLessThanOrEqual(10);
    expect(missing / links.length).toBeGreaterThanOrEqual(0.05);
    expect(missing / links.length).toBeLessThanOrEqual(0.15);
    expect([links.length, missing]).toEqual([first.stats.wikilinks, first.stats.missingLinks]);
    expect(links.filter((l) => l.resolution.kind === "asset").length).toBe(first.stats.imageEmbeds);
  });

  it("writes notes the site can build: no blocking problem, every image embed found", () => {
    expect(graph.problems.filter(blocksBuild)).toEqual([]);
    expect(graph.problems.filter((p) => p.code === "fichier-introuvable" || p.code === "lien-ambigu")).toEqual([]);
  });

  it("refuses a non-empty folder unless forced", async () => {
    await expect(generateVault({ notes: 3, seed: 1, outDir: first.dir })).rejects.toThrow(/n'est pas vide/);
    const dir = await folder();
    await generateVault({ notes: 5, seed: 1, outDir: dir });
    await generateVault({ notes: 3, seed: 1, outDir: dir, force: true });
    expect([...(await tree(dir)).keys()].filter((f) => f.endsWith(".md"))).toHaveLength(3);
  });
});
