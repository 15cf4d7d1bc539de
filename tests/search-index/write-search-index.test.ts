import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SearchIndexError, writeSearchIndex } from "../../src/search-index/write-search-index.js";
import { snapshot } from "../hostile/site-safety.js";
import { pagefindFragments } from "./pagefind-fragments.js";

/**
 * A note page shaped like the layouts base.njk and post.njk write it: head, header, breadcrumbs, the note body with
 * the screen-reader hints the Markdown rules add, its tags, its local graph, backlinks and footer.
 */
function notePage(body: string): string {
  return [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Titre exact · Enteteweb</title></head><body>',
    '<header class="site-header"><a class="site-name" href="/">Enseigne</a><form role="search"><label for="q">Rechercher</label></form></header>',
    '<main id="contenu"><article class="note" data-title="Titre exact" data-pagefind-meta="title[data-title]">',
    '<nav class="fil-ariane"><ol><li><a href="/">Filariane</a></li></ol></nav>',
    `<div class="note-body" data-pagefind-body>${body}</div>`,
    '<div class="note-tags" data-pagefind-meta="étiquettes:question"><ul><li><a href="/tags/question/">Etiquetteliste</a></li></ul></div>',
    '<figure class="graphe-local" data-pagefind-ignore><svg class="graphe"><title>Voisingraphe</title></svg></figure>',
    '</article></main><aside class="backlinks"><h2>Pages qui mentionnent cette note</h2><p>Retourlien</p></aside>',
    '<footer class="site-footer"><p>Piedpage</p></footer></body></html>',
  ].join("\n");
}

/** Writes each page at its path in `site`, and returns the files in the given order. */
async function writePages(site: string, pages: Readonly<Record<string, string>>): Promise<string[]> {
  return Promise.all(
    Object.entries(pages).map(async ([page, html]) => {
      const file = path.join(site, ...page.split("/"));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, html);
      return file;
    }),
  );
}

describe("writeSearchIndex", () => {
  let site = "";
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it("indexes the note body with folded French text, its title and tags, and nothing of the layout nor of the hints", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const body = [
      "<p>Les œuvres du musée d’Orsay.</p>",
      '<p>Voir <a href="https://icom.museum/" class="lien-externe">ICOM<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a>',
      'et <span class="wikilink-missing">Publics éloignés<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span></span>.</p>',
      "<p>Un extrait brut &lt;/main&gt;&lt;/body&gt; puis Apostille.</p>",
    ].join("\n");
    const files = await writePages(site, { "musee/index.html": notePage(body), "accueil/index.html": "<!doctype html><html lang=\"fr\"><body><p>Sans corps indexé.</p></body></html>" });
    expect(await writeSearchIndex(site, files)).toEqual({ pages: 1, languages: ["fr"] });

    const [fragment, ...others] = await pagefindFragments(site);
    expect(others).toEqual([]);
    expect(fragment!.url).toBe("/musee/");
    expect(fragment!.meta).toMatchObject({ title: "Titre exact", étiquettes: "question", graphies: "œuvres d’Orsay" });
    expect(fragment!.content).toContain("Les oeuvres du musée d'Orsay.");
    expect(fragment!.content).toContain("Voir ICOM et Publics éloignés.");
    expect(fragment!.content).toContain("Apostille");
    for (const outside of ["Enteteweb", "Enseigne", "Rechercher", "Filariane", "Etiquetteliste", "Voisingraphe", "Retourlien", "Piedpage", "externe", "venir", "↗"]) {
      expect(fragment!.content).not.toContain(outside);
    }
  });

  it("writes the same index for the same pages in the same order", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const names = ["archives", "boutique", "collections", "dons", "expositions", "fonds", "galeries", "horaires", "inventaire", "jardins"];
    const files = await writePages(site, Object.fromEntries(names.map((name) => [`${name}/index.html`, notePage(`<p>Les ${name} du musée.</p>`)])));
    const indexes: Record<string, string>[] = [];
    for (let build = 0; build < 2; build++) {
      expect(await writeSearchIndex(site, files)).toEqual({ pages: names.length, languages: ["fr"] });
      indexes.push(await snapshot(path.join(site, "pagefind")));
      await rm(path.join(site, "pagefind"), { recursive: true });
    }
    expect(Object.keys(indexes[0]!).filter((file) => file.startsWith("fragment/"))).toHaveLength(names.length);
    expect(indexes[1]).toEqual(indexes[0]);
  });

  it("refuses a page outside the site, in French", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const files = await writePages(site, { "musee/index.html": notePage("<p>Texte.</p>") });
    const indexing = writeSearchIndex(site, [...files, path.join(os.tmpdir(), "ailleurs", "index.html")]);
    await expect(indexing).rejects.toThrow(SearchIndexError);
    await expect(indexing).rejects.toThrow(/^L'index de recherche n'a pas pu être écrit \(pages\) : .*ailleurs\/index\.html est hors du site/);
  });
});
