import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { SearchIndexError, searchPagesOf, writeSearchIndex, type WrittenPage } from "../../src/search-index/write-search-index.js";

/** A note page shaped like the layouts' output: header, main with the note body and its local graph, footer. */
function notePage(body: string): string {
  return [
    '<!doctype html>\n<html lang="fr">\n<head><title>Page</title></head>\n<body>',
    '<header><a href="/">MuseumXTD</a> Entête</header>',
    '<main id="contenu"><article class="note" data-title="Titre exact" data-pagefind-meta="title[data-title]">',
    `<div class="note-body" data-pagefind-body>${body}</div>`,
    '<div class="note-tags" data-pagefind-meta="étiquettes:question"></div>',
    '<figure class="graphe-local"><svg class="graphe"><title>Voisingraphe</title></svg></figure>',
    "</article></main>",
    "<footer>Piedpage</footer>\n</body>\n</html>",
  ].join("\n");
}

/** What Pagefind stored for each page: its fragments are gzipped JSON after a "pagefind_dcd" marker. */
async function fragments(site: string): Promise<{ url: string; content: string; meta: Record<string, string> }[]> {
  const dir = path.join(site, "pagefind", "fragment");
  const files = await readdir(dir);
  return Promise.all(files.map(async (file) => JSON.parse(gunzipSync(await readFile(path.join(dir, file))).toString("utf8").replace(/^pagefind_dcd/, ""))));
}

describe("writeSearchIndex", () => {
  let site = "";
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it("indexes the note body with folded French text, its title and tags, and nothing of the layout around it", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const pages: WrittenPage[] = [
      { outputPath: path.join(site, "musee", "index.html"), content: notePage("<p>Les œuvres du musée d’Orsay.</p><p>Un extrait brut </main> puis Apostille.</p>") },
      { outputPath: path.join(site, "index.html"), content: "<!doctype html><html lang=\"fr\"><body><main>Accueil</main></body></html>" },
      { outputPath: false, content: notePage("<p>Jamais écrite.</p>") },
    ];
    expect(await writeSearchIndex(site, searchPagesOf(site, pages))).toEqual({ pages: 1, languages: ["fr"] });
    const [fragment, ...others] = await fragments(site);
    expect(others).toEqual([]);
    expect(fragment!.url).toBe("/musee/");
    expect(fragment!.meta).toMatchObject({ title: "Titre exact", "étiquettes": "question", graphies: "œuvres d’Orsay" });
    expect(fragment!.content).toContain("Les oeuvres du musée d'Orsay.");
    // Text after a "</main>" written in the note is still indexed.
    expect(fragment!.content).toContain("Apostille");
    for (const layoutText of ["Entête", "Voisingraphe", "Piedpage", "MuseumXTD"]) expect(fragment!.content).not.toContain(layoutText);
  });

  it("refuses a page written outside the site, in French", async () => {
    site = await mkdtemp(path.join(os.tmpdir(), "garden-search-"));
    const outside: WrittenPage = { outputPath: path.join(os.tmpdir(), "ailleurs", "index.html"), content: notePage("<p>Texte.</p>") };
    expect(() => searchPagesOf(site, [outside])).toThrow(SearchIndexError);
    expect(() => searchPagesOf(site, [outside])).toThrow(/^L'index de recherche n'a pas pu être écrit \(pages\) : .*ailleurs\/index\.html est hors du site/);
  });
});
