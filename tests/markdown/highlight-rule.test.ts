import { describe, expect, it } from "vitest";
import { lines, memoryVault, rendererOf } from "../helpers.js";

const garden = rendererOf(
  memoryVault({
    "Note.md": lines(
      "# Note %%titre privé%%",
      "",
      "Le musée a numérisé ==12 000 objets== en 2023. %%MOTSECRET : voir [[Claire]].%%",
      "",
      "Avant %%début",
      "## Section privée",
      "fin%% après",
      "",
      "`%%code%%` et `==code==`",
      "",
      "%%jamais fermé",
      "MOTSECRET",
    ),
    "Lecteur.md": lines("![[Note]]"),
    "Claire.md": lines("# Claire"),
  }),
);

describe("highlights", () => {
  it.each([
    ["==surligné==", "<p><mark>surligné</mark></p>\n"],
    ["un ==mot **gras**== ici", "<p>un <mark>mot <strong>gras</strong></mark> ici</p>\n"],
    ["**==surligné en gras==**", "<p><strong><mark>surligné en gras</mark></strong></p>\n"],
    ["==[[Claire]]==", '<p><mark><a href="/claire/" class="wikilink">Claire</a></mark></p>\n'],
    ["a == b et x==y", "<p>a == b et x==y</p>\n"],
    ["==pas fermé", "<p>==pas fermé</p>\n"],
    ["=seul=", "<p>=seul=</p>\n"],
    ["==a < b & c==", "<p><mark>a &lt; b &amp; c</mark></p>\n"],
    ["==<b>gras</b>==", "<p><mark><b>gras</b></mark></p>\n"],
    ["`==code==`", "<p><code>==code==</code></p>\n"],
    ["==une\nligne==", "<p><mark>une<br>\nligne</mark></p>\n"],
  ])("%j", (markdown, html) => {
    expect(garden.renderAs("Lecteur.md", markdown)).toBe(html);
  });
});

describe("private comments", () => {
  const page = [
    '<h1 id="note">Note</h1>',
    "<p>Le musée a numérisé <mark>12 000 objets</mark> en 2023.</p>",
    "<p>Avant</p>",
    "<p>après</p>",
    "<p><code>%%code%%</code> et <code>==code==</code></p>",
  ].join("\n");

  it("never reach the page, with the links and headings they hold", () => {
    expect(garden.renderNote("Note.md")).toBe(`${page}\n`);
  });

  it("never reach a page that embeds the note", () => {
    expect(garden.renderNote("Lecteur.md")).toBe(
      `<div class="embed">\n${page.replace(' id="note"', "")}\n<p class="embed-source"><a href="/note/" class="wikilink">Note</a></p>\n</div>\n`,
    );
  });
});
