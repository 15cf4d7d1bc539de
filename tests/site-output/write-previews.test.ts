import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { writePreviews } from "../../src/site-output/write-previews.js";
import { memoryVault } from "../helpers.js";

describe("writePreviews", () => {
  let site = "";
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it("writes each note's title and summary beside its page, and under npm start only what changed or is missing", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-previews-"));
    const graph = buildLinkGraph(memoryVault({ "Musée.md": "# Le musée\n\nUn lieu de collections.\n", "Brouillon.md": "---\ndraft: true\n---\nSecret.\n" }), { reservedUrls: new Map() });
    const file = path.join(site, "musee", "apercu.json");
    const written = new Map<string, string>();
    await writePreviews(site, graph, written);
    expect(await readFile(file, "utf8")).toBe('{"titre":"Le musée","resume":"Un lieu de collections."}\n');
    await expect(readFile(path.join(site, "brouillon", "apercu.json"))).rejects.toThrow(/ENOENT/);

    await writeFile(file, "déjà là");
    await writePreviews(site, graph, written);
    expect(await readFile(file, "utf8")).toBe("déjà là");
    await rm(file);
    await writePreviews(site, graph, written);
    expect(await readFile(file, "utf8")).toBe('{"titre":"Le musée","resume":"Un lieu de collections."}\n');
  });
});
