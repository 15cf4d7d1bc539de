import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SearchIndexError, SearchIndexWriter } from "../../src/search-index/write-search-index.js";
import { snapshot } from "../hostile/site-safety.js";
import { pagefindFragments } from "./pagefind-fragments.js";

/** A note's article shaped like the layout post.njk renders it: breadcrumbs, the note body, its tags and its local graph. */
function noteArticle(body: string): string {
  return [
    '<article class="note" data-title="Titre exact" data-pagefind-meta="title[data-title]">',
    '<nav class="fil-ariane"><ol><li><a href="/">Filariane</a></li></ol></nav>',
    `<div class="note-body" data-pagefind-body>${body}</div>`,
    '<div class="note-tags" data-pagefind-meta="étiquettes:question"></div>',
    '<figure class="graphe-local" data-pagefind-ignore><svg class="graphe"><title>Voisingraphe</title></svg></figure>',
    "</article>",
  ].join("\n");
}

/** Indexes notes' articles handed over in the given order, as build-garden.ts does while Eleventy renders. */
async function indexPages(site: string, expected: readonly string[], pages: readonly { outputPath: string | false; content: string }[]) {
  const writer = new SearchIndexWriter(site, "fr");
  try {
    writer.expect(expected.map((page) => path.join(site, page)));
    for (const { outputPath, content } of pages) writer.add(outputPath, content);
    return await writer.write();
  } finally {
    await writer.close();
  }
}

describe("SearchIndexWriter", () => {
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
      "<p>Un extrait brut </main></article> puis Apostille.</p>",
    ].join("\n");
    const pages = [
      { outputPath: path.join(site, "musee", "index.html"), content: noteArticle(body) },
      { outputPath: false as const, content: noteArticle("<p>Jamais écrite.</p>") },
    ];
    expect(await indexPages(site, ["musee/index.html"], pages)).toEqual({ pages: 1, languages: ["fr"] });
    const [fragment, ...others] = await pagefindFragments(site);
    expect(others).toEqual([]);
    expect(fragment!.url).toBe("/musee/");
    expect(fragment!.meta).toMatchObject({ title: "Titre exact", "étiquettes": "question", graphies: "œuvres d’Orsay" });
    expect(fragment!.content).toContain("Les oeuvres du musée d'Orsay.");
    expect(fragment!.content).toContain("Voir ICOM et Publics éloignés.");
    // Text after a "</main>" or "</article>" written in the note is still indexed.
    expect(fragment!.content).toContain("Apostille");
    for (const outside of ["Filariane", "Voisingraphe", "externe", "venir", "↗"]) expect(fragment!.content).not.toContain(outside);
    // The words the search page checks queries against: those of the indexed text, as the note writes them.
    const words = JSON.parse(await readFile(path.join(site, "pagefind", "mots.json"), "utf8")) as string[];
    expect(words).toEqual(expect.arrayContaining(["œuvres", "musée", "orsay", "icom", "éloignés", "apostille"]));
    for (const outside of ["filariane", "voisingraphe", "externe", "venir", "écrite"]) expect(words).not.toContain(outside);
  });

  it("writes the same index whatever order the pages are rendered in, including pages it was not told of", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const page = (name: string, text: string) => ({ outputPath: path.join(site, name, "index.html"), content: noteArticle(`<p>${text}</p>`) });
    const pages = [page("archives", "Les archives du musée."), page("boutique", "La boutique en ligne."), page("collections", "Les collections numérisées."), page("dons", "Les dons des visiteurs."), page("expositions", "Les expositions temporaires.")];
    // "dons" is not expected (a page of another kind), and "boutique" is expected but never comes.
    const expected = ["expositions/index.html", "archives/index.html", "boutique/index.html", "collections/index.html"];
    const arrived = pages.filter((p) => !p.outputPath.includes("boutique"));
    const indexes: Record<string, string>[] = [];
    for (const order of [arrived, [...arrived].reverse(), [arrived[2]!, arrived[0]!, arrived[3]!, arrived[1]!]]) {
      expect(await indexPages(site, expected, order)).toEqual({ pages: 4, languages: ["fr"] });
      indexes.push(await snapshot(path.join(site, "pagefind")));
      await rm(path.join(site, "pagefind"), { recursive: true });
    }
    expect(Object.keys(indexes[0]!).filter((file) => file.startsWith("fragment/"))).toHaveLength(4);
    expect(indexes[1]).toEqual(indexes[0]);
    expect(indexes[2]).toEqual(indexes[0]);
  });

  it("refuses a page written outside the site, in French, once every page is added", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const inside = { outputPath: path.join(site, "musee", "index.html"), content: noteArticle("<p>Texte.</p>") };
    const outside = { outputPath: path.join(os.tmpdir(), "ailleurs", "index.html"), content: noteArticle("<p>Texte.</p>") };
    const indexing = indexPages(site, ["musee/index.html"], [outside, inside]);
    await expect(indexing).rejects.toThrow(SearchIndexError);
    await expect(indexing).rejects.toThrow(/^L'index de recherche n'a pas pu être écrit \(pages\) : .*ailleurs\/index\.html est hors du site/);
  });
});
