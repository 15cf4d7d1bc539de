import { describe, expect, it } from "vitest";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, memoryVault, parse, rendererOf, SITE } from "../helpers.js";

const garden = rendererOf(
  memoryVault({
    "Orsay.md": lines("# Orsay", "", "Une gare[^1] devenue musée[^1].", "", "[^1]: Voir [[Claire]]."),
    "Louvre.md": lines("Un palais[^1].", "", "[^1]: Depuis 1793."),
    "Lecteur.md": lines("Deux musées[^1] :", "", "![[Orsay]]", "", "![[Louvre]]", "", "[^1]: Les deux à Paris."),
    "Claire.md": lines("# Claire"),
  }),
);

describe("footnotes", () => {
  it("are numbered per note, each call linked to its note and back, in a section named for screen readers", () => {
    expect(garden.renderAs("Lecteur.md", lines("Texte[^a] et suite[^b].", "", "[^b]: Seconde.", "[^a]: Première."))).toBe(
      [
        '<p>Texte<sup class="footnote-ref"><a href="#fn_1" id="fnref_1" aria-label="Note 1">1</a></sup> et suite<sup class="footnote-ref"><a href="#fn_2" id="fnref_2" aria-label="Note 2">2</a></sup>.</p>',
        '<section class="footnotes" aria-label="Notes de bas de page">',
        '<ol class="footnotes-list">',
        '<li id="fn_1" class="footnote-item"><p>Première. <a href="#fnref_1" class="footnote-backref" aria-label="Retour au texte">↩\ufe0e</a></p>',
        "</li>",
        '<li id="fn_2" class="footnote-item"><p>Seconde. <a href="#fnref_2" class="footnote-backref" aria-label="Retour au texte">↩\ufe0e</a></p>',
        "</li>",
        "</ol>",
        "</section>\n",
      ].join("\n"),
    );
  });

  it("link back to each call of a note called twice, and hold wikilinks", () => {
    expect(garden.renderNote("Orsay.md")).toBe(
      [
        '<h1 id="orsay">Orsay</h1>',
        '<p>Une gare<sup class="footnote-ref"><a href="#fn_1" id="fnref_1" aria-label="Note 1">1</a></sup> devenue musée<sup class="footnote-ref"><a href="#fn_1" id="fnref_1_2" aria-label="Note 1">1</a></sup>.</p>',
        '<section class="footnotes" aria-label="Notes de bas de page">',
        '<ol class="footnotes-list">',
        '<li id="fn_1" class="footnote-item"><p>Voir <a href="/claire/" class="wikilink">Claire</a>. <a href="#fnref_1" class="footnote-backref" aria-label="Retour au texte">↩\ufe0e</a> <a href="#fnref_1_2" class="footnote-backref" aria-label="Retour au texte (appel 2)">↩\ufe0e</a></p>',
        "</li>",
        "</ol>",
        "</section>\n",
      ].join("\n"),
    );
    expect(garden.graph.backlinks.get(toVaultPath("Claire.md"))?.map((b) => [b.from.file, b.line, b.context])).toEqual([["Orsay.md", 5, "Voir Claire."]]);
  });

  it("stay apart in two embedded notes that both use [^1], each listed at the end of its embed", () => {
    expect(garden.renderNote("Lecteur.md")).toBe(
      [
        '<p>Deux musées<sup class="footnote-ref"><a href="#fn_1" id="fnref_1" aria-label="Note 1">1</a></sup> :</p>',
        '<div class="embed">',
        "<h1>Orsay</h1>",
        '<p>Une gare<sup class="footnote-ref"><a href="#fn_i1_1" id="fnref_i1_1" aria-label="Note 1">1</a></sup> devenue musée<sup class="footnote-ref"><a href="#fn_i1_1" id="fnref_i1_1_2" aria-label="Note 1">1</a></sup>.</p>',
        '<section class="footnotes" aria-label="Notes de bas de page de « Orsay »">',
        '<ol class="footnotes-list">',
        '<li id="fn_i1_1" class="footnote-item"><p>Voir <a href="/claire/" class="wikilink">Claire</a>. <a href="#fnref_i1_1" class="footnote-backref" aria-label="Retour au texte">↩\ufe0e</a> <a href="#fnref_i1_1_2" class="footnote-backref" aria-label="Retour au texte (appel 2)">↩\ufe0e</a></p>',
        "</li>",
        "</ol>",
        "</section>",
        '<p class="embed-source"><a href="/orsay/" class="wikilink">Orsay</a></p>',
        "</div>",
        '<div class="embed">',
        '<p>Un palais<sup class="footnote-ref"><a href="#fn_i2_1" id="fnref_i2_1" aria-label="Note 1">1</a></sup>.</p>',
        '<section class="footnotes" aria-label="Notes de bas de page de « Louvre »">',
        '<ol class="footnotes-list">',
        '<li id="fn_i2_1" class="footnote-item"><p>Depuis 1793. <a href="#fnref_i2_1" class="footnote-backref" aria-label="Retour au texte">↩\ufe0e</a></p>',
        "</li>",
        "</ol>",
        "</section>",
        '<p class="embed-source"><a href="/louvre/" class="wikilink">Louvre</a></p>',
        "</div>",
        '<section class="footnotes" aria-label="Notes de bas de page">',
        '<ol class="footnotes-list">',
        '<li id="fn_1" class="footnote-item"><p>Les deux à Paris. <a href="#fnref_1" class="footnote-backref" aria-label="Retour au texte">↩\ufe0e</a></p>',
        "</li>",
        "</ol>",
        "</section>\n",
      ].join("\n"),
    );
  });

  it("take ids that no heading, block or layout id can take", () => {
    const html = garden.renderAs("Lecteur.md", lines("## Fn 1", "", "## fnref-1", "", "Texte[^1] ^bloc", "", "[^1]: Note."));
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(["fn-1", "fnref-1", "^bloc", "fnref_1", "fn_1"]);
    expect(SITE.layoutIds.filter((id) => id.includes("_"))).toEqual([]);
  });

  it("agree with the scan on the headings a footnote holds, and on their ids", () => {
    const markdown = lines("## Note", "", "Texte[^1].", "", "[^1]: ## Note", "", "## Après");
    const ids = [...garden.renderAs("Lecteur.md", markdown).matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
    const scanned = parse("Autre.md", markdown).note.outline.headings.map((h) => h.id);
    expect(ids).toEqual(["note", "apres", "note-2"]);
    expect(scanned).toEqual(["note", "note-2", "apres"]);
    expect(new Set(ids)).toEqual(new Set(scanned));
  });

  it("leave a call with no note as text", () => {
    expect(garden.renderAs("Lecteur.md", "Texte[^2].")).toBe("<p>Texte[^2].</p>\n");
  });
});
