import { beforeAll, describe, expect, it } from "vitest";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { gardenRenderer, lines, type GardenRenderer } from "../helpers.js";

let garden: GardenRenderer;
beforeAll(async () => {
  garden = await gardenRenderer("render-vault");
});

describe("heading ids", () => {
  it("slugs a heading's text, accents transliterated", () => {
    expect(garden.renderAs("Lecteur.md", "## Première partie")).toBe('<h2 id="premiere-partie">Première partie</h2>\n');
  });

  it("numbers a repeated heading from -2", () => {
    expect(garden.renderAs("Lecteur.md", lines("## Notes", "", "## Notes", "", "### Notes"))).toBe(
      '<h2 id="notes">Notes</h2>\n<h2 id="notes-2">Notes</h2>\n<h3 id="notes-3">Notes</h3>\n',
    );
  });

  it("never takes an id the layout uses", () => {
    expect(garden.renderAs("Lecteur.md", lines("## Contenu", "", "## Recherche"))).toBe('<h2 id="contenu-2">Contenu</h2>\n<h2 id="recherche-2">Recherche</h2>\n');
  });

  it("slugs the text a reader sees of a heading holding a wikilink", () => {
    expect(garden.renderAs("Lecteur.md", "## Voir [[Cible|la cible]]")).toBe('<h2 id="voir-la-cible">Voir <a href="/cible/" class="wikilink">la cible</a></h2>\n');
  });

  it("gives a note's headings the ids its wikilinks resolve to", () => {
    const html = garden.renderNote("Cible.md");
    expect(html).toBe(
      [
        '<h1 id="cible">Cible</h1>',
        "<p>Introduction de la cible.</p>",
        '<h2 id="premiere-partie">Première partie</h2>',
        "<p>Texte de la première partie.</p>",
        '<h3 id="detail">Détail</h3>',
        "<p>Un détail.</p>",
        '<h2 id="seconde-partie">Seconde partie</h2>',
        "<p>Le texte de la seconde partie.</p>",
        "",
      ].join("\n"),
    );
    const scanned = garden.graph.index.byFile.get(toVaultPath("Cible.md"))?.outline.headings.map((h) => h.id);
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).toEqual(scanned);
  });
});

describe("block anchors", () => {
  it("gives the paragraph that a block reference points at the id of the link's fragment", () => {
    const link = garden.renderAs("Lecteur.md", "[[Citations#^abc]]");
    const fragment = /href="\/citations\/#([^"]+)"/.exec(link)?.[1];
    expect(fragment).toBe("%5Eabc");
    // A browser looks for the fragment as written, then percent-decoded: one of those must be an id on the page.
    const ids = [...garden.renderNote("Citations.md").matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id) => id === fragment || id === decodeURIComponent(fragment!))).toHaveLength(1);
  });

  it("moves a block marker into the id of its paragraph or list item", () => {
    expect(garden.renderNote("Citations.md")).toBe(
      [
        '<h1 id="citations">Citations</h1>',
        '<p id="^abc">Une phrase à citer.</p>',
        "<ul>",
        '<li id="^liste">Un point de liste.</li>',
        "<li>Un autre point.</li>",
        "</ul>",
        "<p>Une autre phrase.</p>",
        "",
      ].join("\n"),
    );
  });

  it("hides the block markers of an embedded note too, without giving ids", () => {
    expect(garden.renderAs("Lecteur.md", "![[Citations]]")).toBe(
      [
        '<div class="embed">',
        "<h1>Citations</h1>",
        "<p>Une phrase à citer.</p>",
        "<ul>",
        "<li>Un point de liste.</li>",
        "<li>Un autre point.</li>",
        "</ul>",
        "<p>Une autre phrase.</p>",
        '<p class="embed-source"><a href="/citations/" class="wikilink">Citations</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });
});
