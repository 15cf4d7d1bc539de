import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import type { LinkGraph } from "../../src/link-graph/link-graph.js";
import { fixtureDir, scanGarden } from "../helpers.js";

const exists = (file: string) => access(file).then(() => true, () => false);

describe("a vault whose root index.md is its home page", () => {
  let work: string;
  let site: string;
  let graph: LinkGraph;
  const read = (...parts: string[]) => readFile(path.join(site, ...parts), "utf8");

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-home-"));
    site = path.join(work, "_site");
    await buildGarden(fixtureDir("home-vault"), site);
    graph = await scanGarden(fixtureDir("home-vault"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("publishes index.md at /, in the note layout with its backlinks, and at no other address", async () => {
    const home = await read("index.html");
    expect(home).toContain("<title>Bienvenue au jardin · MuseumXTD</title>");
    expect(home).toContain('<article class="note" data-title="Bienvenue au jardin"');
    expect(home).toContain('<h1 id="bienvenue-au-jardin">Bienvenue au jardin</h1>');
    expect(home).toContain('<a href="/inventaire/" class="wikilink">Inventaire</a>');
    const backlinks = home.slice(home.indexOf('<aside class="backlinks"'));
    expect([...backlinks.matchAll(/<li>\s*<a href="([^"]+)">/g)].map((m) => m[1])).toEqual(["/collections/", "/inventaire/"]);
    expect(home).not.toContain("Récemment mises à jour");
    expect(await exists(path.join(site, "index", "index.html"))).toBe(false);
    expect(graph.published.find((n) => n.file === "index.md")?.url).toBe("/");
    expect(graph.problems.filter((p) => p.code === "url-en-double")).toEqual([]);
  });

  it("links [[index]] to /", async () => {
    expect(await read("inventaire", "index.html")).toContain('<a href="/" class="wikilink">accueil</a>');
  });

  it("publishes an index.md inside a folder as an ordinary note", async () => {
    expect(await read("notes", "index", "index.html")).toContain('<h1 id="sommaire-du-dossier">Sommaire du dossier</h1>');
  });

  it("moves the overview to /notes/, grouped by type then by eleventyNavigation parent", async () => {
    const overview = await read("notes", "index.html");
    expect(overview).toContain("<title>Toutes les notes · MuseumXTD</title>");
    const main = overview.slice(overview.indexOf("<main"), overview.indexOf("</main>"));
    const outline = [...main.matchAll(/<h2>([^<]+)<\/h2>|<h3 class="note-parent">(?:<a href="[^"]+">)?([^<]+)|<li><a href="([^"]+)">/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(outline).toEqual(["Questions", "Gérer les collections", "/inventaire/", "Autres", "/collections/", "Ressources", "/ateliers/", "Autres notes", "/", "/notes/index/"]);
    expect(overview).toContain('<a href="/notes/" aria-current="page">Toutes les notes</a>');
    expect(await read("index.html")).toContain('<a href="/notes/">Toutes les notes</a>');
  });

  it("lists / once and /notes/ in the sitemap", async () => {
    const locs = [...(await read("sitemap.xml")).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.filter((loc) => loc === "https://www.museumxtd.ch/")).toHaveLength(1);
    expect(locs).toContain("https://www.museumxtd.ch/notes/");
  });
});

describe("a vault without a root index.md", () => {
  it("keeps the generated overview as its home page, and also at /notes/", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "garden-home-"));
    try {
      await buildGarden(fixtureDir("browse-vault"), path.join(work, "_site"));
      for (const page of [["index.html"], ["notes", "index.html"]]) {
        const html = await readFile(path.join(work, "_site", ...page), "utf8");
        expect(html).toContain("<h2>Questions</h2>");
        expect(html).toContain('<li><a href="/inventaire/">Comment tenir l&#39;inventaire ?</a></li>');
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
