import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import type { LinkGraph } from "../../src/link-graph/link-graph.js";
import { BUILT_SITE_MARKER } from "../../src/site-output/safe-folders.js";
import { previewFileOf } from "../../src/site-output/write-previews.js";
import { fixtureDir, scanGarden } from "../helpers.js";

const SLUGS = {
  home: "accueil-des-collections",
  inventory: "inventaire",
  census: "recolement-decennal",
  orphan: "orpheline",
} as const;

/** The edges drawn in a graph's markup: the "M x y L x y" segments of its one path. */
function edgesIn(html: string): string[] {
  const data = /<path class="graphe-liens" d="([^"]*)"/.exec(html)?.[1] ?? "";
  return data.match(/M[\d.]+ [\d.]+L[\d.]+ [\d.]+/g) ?? [];
}

async function git(cwd: string, args: readonly string[], date: string): Promise<void> {
  await promisify(execFile)("git", [...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "t@example.org" },
  });
}

describe("browsing pages of a vault with a Git history", () => {
  let work: string;
  let site: string;
  let graph: LinkGraph;
  const page = (slug: string) => readFile(path.join(site, slug, "index.html"), "utf8");

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-browse-"));
    const notes = path.join(work, "notes");
    await cp(fixtureDir("browse-vault"), notes, { recursive: true });
    await git(work, ["init", "-q", "-b", "main"], "2022-01-10T10:00:00+01:00");
    await git(work, ["add", "."], "2022-01-10T10:00:00+01:00");
    await git(work, ["commit", "-q", "-m", "Premières notes"], "2022-01-10T10:00:00+01:00");
    await writeFile(path.join(notes, "Inventaire.md"), `${await readFile(path.join(notes, "Inventaire.md"), "utf8")}\nUne ligne ajoutée.\n`);
    await git(work, ["commit", "-q", "-am", "Compléter l'inventaire"], "2023-02-15T10:00:00+01:00");
    site = path.join(work, "_site");
    // As on GitHub Actions, where site.json names no repository: the edit links come from the run's repository.
    const github = { GITHUB_REPOSITORY: "museumxtd/jardin", GITHUB_SERVER_URL: "https://github.com", GITHUB_REF_NAME: "main" };
    const saved = Object.fromEntries(Object.keys(github).map((name) => [name, process.env[name]]));
    Object.assign(process.env, github);
    try {
      await buildGarden(notes, site);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    graph = await scanGarden(notes);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("lists each tag's notes on its page, and every tag on the index", async () => {
    const collections = await readFile(path.join(site, "tags", "collections", "index.html"), "utf8");
    expect(collections).toContain("<h1>Étiquette « collections »</h1>");
    const list = collections.slice(collections.indexOf("<h1>"), collections.indexOf("</main>"));
    // The orphan is there by the nested tag of its text alone.
    expect([...list.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1])).toEqual([`/${SLUGS.home}/`, `/${SLUGS.inventory}/`, `/${SLUGS.orphan}/`]);
    const index = await readFile(path.join(site, "tags", "index.html"), "utf8");
    expect([...index.slice(index.indexOf("<h1>")).matchAll(/<li><a href="\/tags\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(["collections", "question", "ressource"]);
  });

  it("gives a tag of a note's text its page, listed under its parent on the index, and links it from the text", async () => {
    const nested = await readFile(path.join(site, "tags", "collections", "reserves", "index.html"), "utf8");
    expect(nested).toContain("<h1>Étiquette « collections/réserves »</h1>");
    const list = nested.slice(nested.indexOf("<h1>"), nested.indexOf("</main>"));
    expect([...list.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1])).toEqual([`/${SLUGS.orphan}/`]);
    const index = await readFile(path.join(site, "tags", "index.html"), "utf8");
    expect(index).toContain(
      [
        '<li><a href="/tags/collections/">collections</a> <span class="tag-count">(3 notes)</span>',
        '    <ul class="tag-index">',
        '      <li><a href="/tags/collections/reserves/">collections/réserves</a> <span class="tag-count">(1 note)</span></li>',
        "    </ul></li>",
      ].join("\n"),
    );
    const orphan = await page(SLUGS.orphan);
    expect(orphan).toContain('<p>Rangée sous <a href="/tags/collections/reserves/" class="tag">#collections/réserves</a>, en attendant mieux.</p>');
    expect(orphan).toContain('<a href="/tags/collections/reserves/" rel="tag">collections/réserves</a>');
  });

  it("shows the note's tags as links and its kind", async () => {
    const html = await page(SLUGS.inventory);
    expect(html).toContain('<a href="/tags/question/" rel="tag">question</a>');
    expect(html).toContain('<a href="/tags/collections/" rel="tag">collections</a>');
    expect(html).toContain('<p class="note-kind" data-pagefind-ignore>Question</p>');
  });

  it("dates notes from their front matter or first commit, and their last commit, in French", async () => {
    const inventory = await page(SLUGS.inventory);
    expect(inventory).toContain('Créée le <time datetime="2022-01-10">10 janvier 2022</time>');
    expect(inventory).toContain('Mise à jour le <time datetime="2023-02-15">15 février 2023</time>');
    const census = await page(SLUGS.census);
    expect(census).toContain('Créée le <time datetime="2021-03-04">4 mars 2021</time>');
    expect(census).toContain('Mise à jour le <time datetime="2022-01-10">10 janvier 2022</time>');
    const home = await readFile(path.join(site, "index.html"), "utf8");
    const recent = home.slice(home.indexOf("Récemment mises à jour"));
    expect(recent.indexOf(`/${SLUGS.inventory}/`)).toBeGreaterThan(-1);
    expect(recent.indexOf(`/${SLUGS.inventory}/`)).toBeLessThan(recent.indexOf(`/${SLUGS.census}/`));
  });

  it("gives a table of contents only from 3 headings up", async () => {
    const home = await page(SLUGS.home);
    expect(home).toContain('<nav class="toc" aria-labelledby="toc-titre">');
    expect([...home.matchAll(/<li class="toc-niveau-2"><a href="#([^"]+)">/g)].map((m) => m[1])).toEqual(["inventorier", "conserver", "diffuser"]);
    expect(await page(SLUGS.inventory)).not.toContain('class="toc"');
  });

  it("follows eleventyNavigation for breadcrumbs, tolerating a missing parent", async () => {
    const census = await page(SLUGS.census);
    const trail = census.slice(census.indexOf('<nav class="fil-ariane"'), census.indexOf("</nav>", census.indexOf('<nav class="fil-ariane"')));
    expect([...trail.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      [`/${SLUGS.home}/`, "Collections"],
      [`/${SLUGS.inventory}/`, "Comment tenir l&#39;inventaire ?"],
    ]);
    expect(await page(SLUGS.orphan)).not.toContain('class="fil-ariane"');
  });

  it("writes every note's preview, title and excerpt, in the preview file of its address", async () => {
    for (const note of graph.published) {
      const previews = JSON.parse(await readFile(path.join(site, "assets", "apercus", previewFileOf(note.url)), "utf8"));
      expect(previews[note.url]).toEqual({ titre: note.title, resume: note.outline.summary });
      expect(previews[note.url].resume.length).toBeGreaterThan(0);
    }
  });

  it("draws the local graph with one node per note and neighbour, and edges matching the links", async () => {
    const html = await page(SLUGS.inventory);
    const svg = html.slice(html.indexOf('<svg class="graphe"'), html.indexOf("</svg>", html.indexOf('<svg class="graphe"')) + 6);
    expect([...svg.matchAll(/<a href="([^"]+)" class="graphe-noeud/g)].map((m) => m[1]).sort()).toEqual([`/${SLUGS.home}/`, `/${SLUGS.inventory}/`, `/${SLUGS.census}/`]);
    expect(edgesIn(svg)).toHaveLength(2);
    const all = await readFile(path.join(site, "graphe", "index.html"), "utf8");
    expect([...all.matchAll(/<a href="[^"]+" class="graphe-noeud /g)]).toHaveLength(4);
    expect(all).toContain("<title>Note absente (note à venir)</title>");
    expect(all).not.toContain("Pour rester lisible");
    // Accueil–Inventaire and Récolement–Inventaire link both ways: one line per pair.
    expect(edgesIn(all)).toHaveLength(3);
  });

  it("writes an Atom feed and a sitemap that are valid XML and list the right URLs", async () => {
    const feed = await readFile(path.join(site, "flux.xml"), "utf8");
    expect(XMLValidator.validate(feed)).toBe(true);
    const entries = new XMLParser({ ignoreAttributes: false }).parse(feed).feed.entry as { id: string }[];
    expect(entries.map((e) => e.id)).toEqual([
      `https://www.museumxtd.ch/${SLUGS.inventory}/`,
      `https://www.museumxtd.ch/${SLUGS.home}/`,
      `https://www.museumxtd.ch/${SLUGS.orphan}/`,
      `https://www.museumxtd.ch/${SLUGS.census}/`,
    ]);
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const urls = (new XMLParser().parse(sitemap).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(urls).toContain(`https://www.museumxtd.ch/${SLUGS.census}/`);
    expect(urls).toContain("https://www.museumxtd.ch/tags/collections/");
    expect(urls).not.toContain("https://www.museumxtd.ch/notes-a-ecrire/");
    expect(urls).toContain("https://www.museumxtd.ch/tags/collections/reserves/");
    expect(urls).toContain("https://www.museumxtd.ch/notes/");
    expect(urls).toHaveLength(5 + 4 + 4);
    expect(await readFile(path.join(site, "robots.txt"), "utf8")).toContain("Sitemap: https://www.museumxtd.ch/sitemap.xml");
  });

  it("strips tracking parameters from external links and marks them as external", async () => {
    const html = await page(SLUGS.home);
    expect(html).toContain(
      '<a href="https://icom.museum/fr/?id=3" class="lien-externe">ICOM<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a>',
    );
    expect(html).toContain('href="https://www.example.org/musees?page=2#haut"');
    expect(html).not.toMatch(/utm_|fbclid|_ga=|_gl=/);
  });

  it("adds canonical, OpenGraph and Twitter meta with the first paragraph as description", async () => {
    const html = await page(SLUGS.census);
    expect(html).toContain(`<link rel="canonical" href="https://www.museumxtd.ch/${SLUGS.census}/">`);
    expect(html).toContain('<meta property="og:title" content="Récolement décennal">');
    expect(html).toContain('<meta name="description" content="Tous les dix ans, on vérifie l&#39;Inventaire.">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toContain(`<a href="https://github.com/museumxtd/jardin/edit/main/notes/R%C3%A9colement%20d%C3%A9cennal.md">Modifier cette note</a>`);
  });

  it("builds no page that is not listed here", async () => {
    const entries = await readdir(site);
    expect(entries.sort()).toEqual(
      [BUILT_SITE_MARKER, "404.html", "accessibilite", "assets", "flux.xml", "graphe", "index.html", "notes", "notes-a-ecrire", "pagefind", "recherche", "robots.txt", "sitemap.xml", "tags", ...Object.values(SLUGS)].sort(),
    );
  });
});
