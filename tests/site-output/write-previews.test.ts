import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLinkGraph } from "../../src/link-graph/link-graph.js";
import { previewFileOf, writePreviews } from "../../src/site-output/write-previews.js";
import { memoryVault } from "../helpers.js";

describe("writePreviews", () => {
  let site = "";
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it("writes each published note's title and summary in the file of its address, and under npm start only what changed or is missing", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-previews-"));
    const vault = memoryVault({
      "Musée.md": "# Le musée\n\nUn lieu de collections.\n",
      "Café.md": "---\npermalink: /café/\n---\n# Le café\n\nUne pause.\n",
      "Brouillon.md": "---\ndraft: true\n---\nSecret.\n",
    });
    const graph = buildLinkGraph(vault, { reservedUrls: new Map() });
    const folder = path.join(site, "assets", "apercus");
    const written = new Map<string, string>();
    await writePreviews(site, graph, written);
    const files = await readdir(folder);
    const previews = Object.assign({}, ...(await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(folder, file), "utf8"))))));
    // By address as a browser reads it from a link (URL.pathname): "/café/" is percent-encoded.
    expect(previews).toEqual({
      "/musee/": { titre: "Le musée", resume: "Un lieu de collections." },
      "/caf%C3%A9/": { titre: "Le café", resume: "Une pause." },
    });
    expect(files.sort()).toEqual([previewFileOf("/musee/"), previewFileOf("/caf%C3%A9/")].sort());

    const file = path.join(folder, previewFileOf("/musee/"));
    await writeFile(file, "déjà là");
    await writePreviews(site, graph, written);
    expect(await readFile(file, "utf8")).toBe("déjà là");
    await rm(file);
    await writePreviews(site, graph, written);
    expect(JSON.parse(await readFile(file, "utf8"))["/musee/"]).toEqual({ titre: "Le musée", resume: "Un lieu de collections." });
  });

  it("spreads the notes over at most 256 files, named by two hexadecimal digits", () => {
    const files = new Set(Array.from({ length: 5000 }, (_, i) => previewFileOf(`/note-${i}/`)));
    expect(files.size).toBe(256);
    for (const file of files) expect(file).toMatch(/^[0-9a-f]{2}\.json$/);
  });
});
