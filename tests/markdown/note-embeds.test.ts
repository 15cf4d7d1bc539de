import { beforeAll, describe, expect, it } from "vitest";
import { MAX_EMBED_DEPTH } from "../../src/markdown/garden-env.js";
import { gardenRenderer, lines, memoryVault, rendererOf, type GardenRenderer } from "../helpers.js";

let garden: GardenRenderer;
beforeAll(async () => {
  garden = await gardenRenderer("render-vault");
});

/** The whole body of tests/fixtures/render-vault/Cible.md, as an embed shows it: headings without ids. */
const CIBLE_BODY = [
  "<h1>Cible</h1>",
  "<p>Introduction de la cible.</p>",
  "<h2>Première partie</h2>",
  "<p>Texte de la première partie.</p>",
  "<h3>Détail</h3>",
  "<p>Un détail.</p>",
  "<h2>Seconde partie</h2>",
  "<p>Le texte de la seconde partie.</p>",
].join("\n");

const count = (html: string, part: string): number => html.split(part).length - 1;

describe("note embeds", () => {
  it("replaces a standalone ![[Note]] paragraph with the note's body and a link to its source", () => {
    const html = garden.renderAs("Lecteur.md", "![[Cible]]");
    expect(html).toBe(`<div class="embed">\n${CIBLE_BODY}\n<p class="embed-source"><a href="/cible/" class="wikilink">Cible</a></p>\n</div>\n`);
  });

  it("gives no id to the headings of an embedded note", () => {
    const html = garden.renderAs("Lecteur.md", lines("# Lecteur", "", "![[Cible]]"));
    expect(html).toBe(
      `<h1 id="lecteur">Lecteur</h1>\n<div class="embed">\n${CIBLE_BODY}\n<p class="embed-source"><a href="/cible/" class="wikilink">Cible</a></p>\n</div>\n`,
    );
    expect(count(html, " id=")).toBe(1);
  });

  it("titles the source link with the note's title, whatever the embed's label", () => {
    expect(garden.renderAs("Lecteur.md", "![[Cible|autre chose]]")).toBe(
      `<div class="embed">\n${CIBLE_BODY}\n<p class="embed-source"><a href="/cible/" class="wikilink">Cible</a></p>\n</div>\n`,
    );
  });

  it("embeds a note named by an alias, leaving out its front matter", () => {
    expect(garden.renderAs("Lecteur.md", "![[Journal de bord]]")).toBe(
      '<div class="embed">\n<p>Des notes au fil des jours.</p>\n<p class="embed-source"><a href="/carnet-de-bord/" class="wikilink">Carnet du musée</a></p>\n</div>\n',
    );
  });

  it("embeds only the named section of ![[Note#Section]], down to the next heading of its level", () => {
    expect(garden.renderAs("Lecteur.md", "![[Cible#Seconde partie]]")).toBe(
      '<div class="embed">\n<h2>Seconde partie</h2>\n<p>Le texte de la seconde partie.</p>\n<p class="embed-source"><a href="/cible/#seconde-partie" class="wikilink">Cible</a></p>\n</div>\n',
    );
    expect(garden.renderAs("Lecteur.md", "![[Cible#Première partie]]")).toBe(
      [
        '<div class="embed">',
        "<h2>Première partie</h2>",
        "<p>Texte de la première partie.</p>",
        "<h3>Détail</h3>",
        "<p>Un détail.</p>",
        '<p class="embed-source"><a href="/cible/#premiere-partie" class="wikilink">Cible</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });

  it("embeds only the paragraph of ![[Note#^bloc]], without its marker or id", () => {
    expect(garden.renderAs("Lecteur.md", "![[Citations#^abc]]")).toBe(
      '<div class="embed">\n<p>Une phrase à citer.</p>\n<p class="embed-source"><a href="/citations/#%5Eabc" class="wikilink">Citations</a></p>\n</div>\n',
    );
  });

  it("embeds the whole list item a block id ends, in a list of its own", () => {
    expect(garden.renderAs("Lecteur.md", "![[Citations#^liste]]")).toBe(
      '<div class="embed">\n<ul>\n<li>Un point de liste.</li>\n</ul>\n<p class="embed-source"><a href="/citations/#%5Eliste" class="wikilink">Citations</a></p>\n</div>\n',
    );
    const vault = memoryVault({
      "Lecteur.md": lines("![[Étapes#^deux]]", "", "![[Étapes#^sous]]"),
      "Étapes.md": lines("# Étapes", "", "1. Inventorier", "2. Voir [[Cible]] ^deux", "   - Un sous-point ^sous", "3. Diffuser"),
      "Cible.md": "# Cible\n",
    });
    expect(rendererOf(vault).renderNote("Lecteur.md")).toBe(
      [
        '<div class="embed">',
        '<ol start="2">',
        '<li>Voir <a href="/cible/" class="wikilink">Cible</a>',
        "<ul>",
        "<li>Un sous-point</li>",
        "</ul>",
        "</li>",
        "</ol>",
        '<p class="embed-source"><a href="/etapes/#%5Edeux" class="wikilink">Étapes</a></p>',
        "</div>",
        '<div class="embed">',
        "<ul>",
        "<li>Un sous-point</li>",
        "</ul>",
        '<p class="embed-source"><a href="/etapes/#%5Esous" class="wikilink">Étapes</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });

  it("says so in place of the embed of a section or block the note lacks, linking to the note", () => {
    expect(garden.renderAs("Lecteur.md", lines("![[Cible#Troisième partie]]", "", "![[Citations#^absent]]"))).toBe(
      [
        '<p class="embed-missing" data-pagefind-ignore="">La section « Troisième partie » est introuvable dans <a href="/cible/" class="wikilink">Cible</a>.</p>',
        '<p class="embed-missing" data-pagefind-ignore="">Le bloc « ^absent » est introuvable dans <a href="/citations/" class="wikilink">Citations</a>.</p>',
        "",
      ].join("\n"),
    );
  });

  it("stops a cycle that goes through sections: A's section embeds B's, which embeds A's", () => {
    const vault = memoryVault({
      "A.md": lines("# A", "", "## Partie", "", "Texte de A.", "", "![[B#Suite]]"),
      "B.md": lines("# B", "", "## Suite", "", "Texte de B.", "", "![[A#Partie]]"),
    });
    expect(rendererOf(vault).renderNote("A.md")).toBe(
      [
        '<h1 id="a">A</h1>',
        '<h2 id="partie">Partie</h2>',
        "<p>Texte de A.</p>",
        '<div class="embed">',
        "<h2>Suite</h2>",
        "<p>Texte de B.</p>",
        '<p><a href="/a/#partie" class="wikilink">A</a></p>',
        '<p class="embed-source"><a href="/b/#suite" class="wikilink">B</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });

  it("embeds a note in a list item and in a quote", () => {
    const embed = '<div class="embed">\n<p>Des notes au fil des jours.</p>\n<p class="embed-source"><a href="/carnet-de-bord/" class="wikilink">Carnet du musée</a></p>\n</div>\n';
    expect(garden.renderAs("Lecteur.md", "- ![[Journal de bord]]")).toBe(`<ul>\n<li>\n${embed}</li>\n</ul>\n`);
    expect(garden.renderAs("Lecteur.md", "> ![[Journal de bord]]")).toBe(`<blockquote>\n${embed}</blockquote>\n`);
  });

  it("keeps an embed inside a sentence as a plain link", () => {
    expect(garden.renderAs("Lecteur.md", "Voir ![[Cible]] ici.")).toBe('<p>Voir <a href="/cible/" class="wikilink">Cible</a> ici.</p>\n');
  });

  it("keeps two embeds sharing a paragraph as plain links", () => {
    expect(garden.renderAs("Lecteur.md", lines("![[Cible]]", "![[Journal de bord]]"))).toBe(
      '<p><a href="/cible/" class="wikilink">Cible</a><br>\n<a href="/carnet-de-bord/" class="wikilink">Carnet du musée</a></p>\n',
    );
  });

  it("renders the embed of a missing note or a draft as a missing span", () => {
    const missing = (label: string) => `<p><a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">${label}<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a></p>\n`;
    expect(garden.renderAs("Lecteur.md", "![[Nulle part]]")).toBe(missing("Nulle part"));
    const draft = garden.renderAs("Lecteur.md", "![[Idée en cours]]");
    expect(draft).toBe(missing("Idée en cours"));
    expect(draft).not.toContain("Pas encore prête");
  });

  it("embeds B once in A, where B's embed of A stays a plain link", () => {
    const html = garden.renderNote("A.md");
    expect(html).toBe(
      [
        "<p>Texte de A.</p>",
        '<div class="embed">',
        "<p>Texte de B.</p>",
        '<p><a href="/a/" class="wikilink">A</a></p>',
        '<p class="embed-source"><a href="/b/" class="wikilink">B</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
    expect(count(html, '<div class="embed">')).toBe(1);
  });

  it("embeds A once in B, where A's embed of B stays a plain link", () => {
    expect(garden.renderNote("B.md")).toBe(
      [
        "<p>Texte de B.</p>",
        '<div class="embed">',
        "<p>Texte de A.</p>",
        '<p><a href="/b/" class="wikilink">B</a></p>',
        '<p class="embed-source"><a href="/a/" class="wikilink">A</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });

  it("keeps a note's embed of itself as a plain link", () => {
    expect(garden.renderNote("Miroir.md")).toBe('<p>Je me regarde.</p>\n<p><a href="/miroir/" class="wikilink">Miroir</a></p>\n');
    expect(garden.renderAs("Cible.md", "![[#Première partie]]")).toBe('<p><a href="/cible/#premiere-partie" class="wikilink">Cible</a></p>\n');
  });

  it("resolves the links of an embedded note from that note", () => {
    const vault = memoryVault({
      "Lecteur.md": "![[Dossier/Fiche]]\n",
      "Dossier/Fiche.md": lines("# Fiche", "", "## Étape", "", "Voir [[#Étape]] et [[Voisine]]."),
      "Dossier/Voisine.md": "# Voisine\n",
      "Voisine.md": "# Voisine à la racine\n",
    });
    expect(rendererOf(vault).renderNote("Lecteur.md")).toBe(
      [
        '<div class="embed">',
        "<h1>Fiche</h1>",
        "<h2>Étape</h2>",
        '<p>Voir <a href="/dossier/fiche/#etape" class="wikilink">Étape</a> et <a href="/dossier/voisine/" class="wikilink">Voisine</a>.</p>',
        '<p class="embed-source"><a href="/dossier/fiche/" class="wikilink">Fiche</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });

  it(`stops nesting embeds after ${MAX_EMBED_DEPTH} levels, leaving the deepest embed a plain link`, () => {
    const names = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
    const vault = memoryVault(Object.fromEntries(names.map((name, i) => [`${name}.md`, lines(`Texte ${name}.`, "", `![[${names[i + 1] ?? "N1"}]]`)])));
    const html = rendererOf(vault).renderNote("N1.md");
    const embedded = names.slice(1, MAX_EMBED_DEPTH + 1);
    expect(embedded).toEqual(["N2", "N3", "N4", "N5", "N6"]);
    expect(html).toBe(
      [
        "<p>Texte N1.</p>",
        ...embedded.flatMap((name) => ['<div class="embed">', `<p>Texte ${name}.</p>`]),
        '<p><a href="/n7/" class="wikilink">N7</a></p>',
        ...embedded.toReversed().flatMap((name) => [`<p class="embed-source"><a href="/${name.toLowerCase()}/" class="wikilink">${name}</a></p>`, "</div>"]),
        "",
      ].join("\n"),
    );
  });
});
