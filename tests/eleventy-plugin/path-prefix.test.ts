import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGarden } from "../../src/cli/build-garden.js";
import { fixtureDir } from "../helpers.js";

const PREFIX = "/jardin/";
const SITE_URL = "https://exemple.org/jardin/";
const PUBLIC = "https://exemple.org/jardin";

/** Every file of a built site, Pagefind's bundle aside, as POSIX paths relative to it. */
async function siteFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(site, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((file) => !file.startsWith("pagefind/"))
    .sort();
}

/** The address of a page file of the site, within the site: "note/index.html" is "/note/". */
const pathOfPage = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** Every URL written in an href, src, srcset, action, poster or data attribute, or in a CSS url(), with its file. */
function urlsIn(file: string, text: string): { file: string; url: string }[] {
  const urls: string[] = [];
  for (const match of text.matchAll(/\s(?:href|src|action|poster|data)="([^"]*)"/g)) urls.push(match[1]!);
  for (const match of text.matchAll(/\ssrcset="([^"]*)"/g)) urls.push(...match[1]!.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!));
  for (const match of text.matchAll(/url\(\s*['"]?([^'")]*)/g)) urls.push(match[1]!);
  return urls.map((url) => ({ file, url }));
}

describe("a site whose address has a path (SITE_URL=https://exemple.org/jardin/)", () => {
  let work: string;
  let site: string;
  let rootSite: string;
  let files: string[];
  const read = (file: string, dir = site) => readFile(path.join(dir, file), "utf8");

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-prefix-"));
    site = path.join(work, "jardin");
    rootSite = path.join(work, "racine");
    await buildGarden(fixtureDir("prefix-vault"), site, { ...process.env, SITE_URL });
    await buildGarden(fixtureDir("prefix-vault"), rootSite, { ...process.env, SITE_URL: "https://exemple.org" });
    files = await siteFiles(site);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("writes no root-relative URL outside the prefix, in any page, stylesheet, feed or sitemap", async () => {
    const written = [];
    for (const file of files.filter((f) => /\.(html|css|xml|txt)$/.test(f))) written.push(...urlsIn(file, await read(file)));
    expect(written.filter(({ url }) => url.startsWith(PREFIX)).length).toBeGreaterThan(100);
    expect(written.filter(({ url }) => url.startsWith("/") && !url.startsWith(PREFIX) && !url.startsWith("//"))).toEqual([]);
  });

  it("leads every URL under the prefix in a page to a file of the site", async () => {
    const missing = [];
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      for (const { url } of urlsIn(file, await read(file)).filter(({ url }) => url.startsWith(PREFIX))) {
        const inSite = decodeURIComponent(new URL(url, "https://exemple.org").pathname.slice(PREFIX.length));
        const target = path.join(site, inSite, inSite === "" || inSite.endsWith("/") ? "index.html" : "");
        if (!(await stat(target).catch(() => undefined))?.isFile()) missing.push(`${file} : ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("prefixes wikilinks, embeds, attachments, backlinks, tags, breadcrumbs and the graph in a note", async () => {
    const home = await read("accueil-du-jardin/index.html");
    for (const written of [
      '<a href="/jardin/salle-des-fossiles/#vitrines" class="wikilink">vitrines</a>',
      '<a href="/jardin/docs/plan.pdf">plan</a>',
      '<a href="/jardin/docs/plan.pdf" class="wikilink">version à imprimer</a>',
      '<img src="/jardin/images/salle.png" alt="" loading="lazy">',
      '<img src="/jardin/images/logo%20bleu.png" alt="Logo">',
      '<p class="embed-source"><a href="/jardin/glossaire/" class="wikilink">Glossaire</a></p>',
      '<li><a href="/jardin/tags/visite/" rel="tag">visite</a></li>',
      '<a href="/jardin/glossaire/" class="graphe-noeud ',
      '<a href="https://musee.example/" class="lien-externe">',
    ]) {
      expect(home).toContain(written);
    }
    const room = await read("salle-des-fossiles/index.html");
    expect(room).toContain('<li><a href="/jardin/accueil-du-jardin/">Accueil du jardin</a></li>');
    expect(room).toMatch(/<section class="backlinks"[\s\S]*<a href="\/jardin\/accueil-du-jardin\/">Accueil du jardin<\/a>/);
    expect(await read("graphe/index.html")).toContain('<a href="/jardin/salle-des-fossiles/" class="graphe-noeud ');
  });

  it("says the prefix once in each page, for its scripts, and loads the site's own files under it", async () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = await read(file);
      expect(html, file).toContain('<html lang="fr" data-base="/jardin/">');
      expect(html, file).toContain('<link rel="stylesheet" href="/jardin/assets/site.css">');
      expect(html, file).toContain('<script src="/jardin/assets/site-url.js" defer></script>');
      // The search page has no search field in its header.
      if (file !== "recherche/index.html") expect(html, file).toContain('<form class="site-search" id="recherche-entete" role="search" action="/jardin/recherche/" method="get">');
    }
    const search = await read("recherche/index.html");
    expect(search).toContain('<link rel="stylesheet" href="/jardin/pagefind/pagefind-ui.css">');
    expect(search).toContain('<script src="/jardin/pagefind/pagefind-ui.js" defer></script>');
    expect((await stat(path.join(site, "pagefind", "pagefind-ui.js"))).isFile()).toBe(true);
  });

  it("builds no URL of the site in a script itself: they ask site-url.js", async () => {
    for (const file of files.filter((f) => f.endsWith(".js") && f !== "assets/site-url.js")) {
      expect(await read(file), file).not.toMatch(/["'`]\/(?:assets|pagefind|recherche|\.etat)/);
    }
  });

  it("gives the 404 page, served at any depth under the prefix, URLs under the prefix", async () => {
    const notFound = await read("404.html");
    expect(notFound).toContain('<a href="/jardin/">Retour à l’accueil</a>');
    expect(notFound).toContain('<link rel="stylesheet" href="/jardin/assets/site.css">');
    expect(notFound).not.toMatch(/(?:href|src)="(?!\/jardin\/|#|data:|mailto:|https:)/);
  });

  it("puts the full address, prefix included, in canonical and OpenGraph URLs", async () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = await read(file);
      const address = `${PUBLIC}${pathOfPage(file)}`;
      expect(html, file).toContain(`<meta property="og:url" content="${address}">`);
      if (file !== "notes-a-ecrire/index.html") expect(html, file).toContain(`<link rel="canonical" href="${address}">`);
    }
  });

  it("writes the sitemap, the feed and robots.txt with full addresses under the prefix", async () => {
    const locs = [...(await read("sitemap.xml")).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual([
      `${PUBLIC}/`,
      `${PUBLIC}/accueil-du-jardin/`,
      `${PUBLIC}/glossaire/`,
      `${PUBLIC}/graphe/`,
      `${PUBLIC}/notes/`,
      `${PUBLIC}/recherche/`,
      `${PUBLIC}/salle-des-fossiles/`,
      `${PUBLIC}/tags/`,
      `${PUBLIC}/tags/collections/`,
      `${PUBLIC}/tags/visite/`,
    ]);
    const feed = await read("flux.xml");
    expect(feed).toContain(`<link href="${PUBLIC}/flux.xml" rel="self" type="application/atom+xml"/>`);
    expect(feed).toContain(`<id>${PUBLIC}/</id>`);
    expect([...feed.matchAll(/<entry>[\s\S]*?<link href="([^"]*)"[\s\S]*?<id>([^<]*)<\/id>/g)].flatMap((m) => [m[1], m[2]]).sort()).toEqual(
      ["accueil-du-jardin", "glossaire", "salle-des-fossiles"].flatMap((slug) => [`${PUBLIC}/${slug}/`, `${PUBLIC}/${slug}/`]),
    );
    expect(await read("robots.txt")).toBe(`User-agent: *\nDisallow: /jardin/notes-a-ecrire/\nSitemap: ${PUBLIC}/sitemap.xml\n`);
  });

  it("at the root of a domain, writes every URL from the root", async () => {
    const html = await read("accueil-du-jardin/index.html", rootSite);
    expect(html).toContain('<html lang="fr" data-base="/">');
    expect(html).toContain('<script src="/assets/site-url.js" defer></script>');
    expect(html).toContain('<a href="/salle-des-fossiles/#vitrines" class="wikilink">vitrines</a>');
    expect(await read("robots.txt", rootSite)).toBe("User-agent: *\nDisallow: /notes-a-ecrire/\nSitemap: https://exemple.org/sitemap.xml\n");
  });
});
