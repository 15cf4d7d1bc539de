import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import type { LinkGraph } from "../../src/link-graph/link-graph.js";
import { previewFileOf } from "../../src/site-output/write-previews.js";
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
    const backlinks = home.slice(home.indexOf('<section class="backlinks"'));
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
    expect(outline).toEqual(["Questions", "Gérer les collections", "/inventaire/", "Autres", "/collections/", "Ressources", "/ateliers/", "Autres notes", "/", "/rendus/", "/notes/index/"]);
    expect(overview).toContain('<a href="/notes/" aria-current="page">Toutes les notes</a>');
    expect(await read("index.html")).toContain('<a href="/notes/">Toutes les notes</a>');
  });

  it("lists / once and /notes/ in the sitemap", async () => {
    const locs = [...(await read("sitemap.xml")).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.filter((loc) => loc === "https://www.museumxtd.ch/")).toHaveLength(1);
    expect(locs).toContain("https://www.museumxtd.ch/notes/");
  });
});

describe("a note with <br> in its headings, an aligned table and videos", () => {
  let work: string;
  let site: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-rendus-"));
    site = path.join(work, "_site");
    await buildGarden(fixtureDir("home-vault"), site);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("breaks the heading's line, and reads the <br> as a space in its id, the title, the contents and the preview", async () => {
    const html = await readFile(path.join(site, "rendus", "index.html"), "utf8");
    expect(html).toContain("<title>Conférences et ateliers · MuseumXTD</title>");
    expect(html).toContain('<h1 id="conferences-et-ateliers">Conférences<br>\net ateliers</h1>');
    expect(html).toContain('<h2 id="programme-2024">Programme<br>\n2024</h2>');
    expect(html).toContain('<li class="toc-niveau-2"><a href="#programme-2024">Programme 2024</a></li>');
    expect(html).toContain('<meta name="description" content="Le programme de l&#39;année.">');
    const previews = await readFile(path.join(site, "assets", "apercus", previewFileOf("/rendus/")), "utf8");
    expect(JSON.parse(previews)["/rendus/"]).toEqual({ titre: "Conférences et ateliers", resume: "Le programme de l'année." });
  });

  it("aligns the table's columns with classes, and captions each video", async () => {
    const html = await readFile(path.join(site, "rendus", "index.html"), "utf8");
    expect(html).toContain('<th class="aligne-gauche">Atelier</th>\n<th class="aligne-centre">Durée</th>\n<th class="aligne-droite">Prix</th>');
    expect(html).toContain('<td class="aligne-gauche">Visite</td>\n<td class="aligne-centre">1 h</td>\n<td class="aligne-droite">10</td>');
    expect(html).not.toContain("style=");
    expect([...html.matchAll(/<figcaption class="video-embed-title">([^<]*)<\/figcaption>/g)].map((m) => m[1])).toEqual([
      "La table ronde de clôture, filmée au musée",
      "Forum 2022 : la médiation",
    ]);
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
