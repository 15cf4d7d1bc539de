import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { mayHideHeadings } from "../../src/vault-scan/markdown-headings.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { gardenRenderer, lines, parse, type GardenRenderer } from "../helpers.js";

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
    expect(garden.renderAs("Lecteur.md", lines("## Contenu", "", "## Recherche", "", "## Thème bascule", "", "## Toc titre"))).toBe(
      '<h2 id="contenu-2">Contenu</h2>\n<h2 id="recherche-2">Recherche</h2>\n<h2 id="theme-bascule-2">Thème bascule</h2>\n<h2 id="toc-titre-2">Toc titre</h2>\n',
    );
  });

  it("reads indented text as the build's markdown-it does, where Eleventy turns indented code off", () => {
    expect(garden.renderAs("Lecteur.md", lines("Texte", "", "    # Pas un titre", "    ---"))).toBe("<p>Texte</p>\n<p># Pas un titre<br>\n---</p>\n");
  });

  it("gives Setext headings and headings in quotes and list items their ids, in order with the others", () => {
    expect(garden.renderAs("Lecteur.md", lines("Sources", "-------", "", "> ## Sources", "", "- # Sources", "", "Suite", "===", "", "## Sources"))).toBe(
      [
        '<h2 id="sources">Sources</h2>',
        "<blockquote>",
        '<h2 id="sources-2">Sources</h2>',
        "</blockquote>",
        "<ul>",
        '<li>',
        '<h1 id="sources-3">Sources</h1>',
        "</li>",
        "</ul>",
        '<h1 id="suite">Suite</h1>',
        '<h2 id="sources-4">Sources</h2>',
        "",
      ].join("\n"),
    );
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

/** The level and id of each heading of the rendered page, in order. */
function renderedHeadings(html: string): string[] {
  return [...html.matchAll(/<h([1-6]) id="([^"]*)"/g)].map((m) => `h${m[1]}#${m[2]}`);
}

/** The level and id of each heading of the note the scan reads from `body`, in order. */
function scannedHeadings(body: string): string[] {
  return parse("Note.md", `---\ntitle: Note\n---\n${body}`).note.outline.headings.map((h) => `h${h.level}#${h.id}`);
}

const headingText = fc
  .array(
    fc.constantFrom("Sources", "Contenu", "Thème bascule", "Été à la campagne", "**gras**", "_penché_", "`code`", "a <br> b", "Titre<br>suite", "Un<BR/>deux", "x<br />y", "<span>mot</span>", "[[Cible|la cible]]", "x #", "\\#", "&amp;", "a\u2028b", ""),
    { minLength: 1, maxLength: 3 },
  )
  .map((words) => words.join(" "));

/** Blocks read line by line the same way markdown-it reads them: headings only at the margin, fences at the margin. */
const plainBlock = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), headingText, fc.constantFrom("", " #", " ##", "#")).map(([n, text, closing]) => `${"#".repeat(n)} ${text}${closing}`),
  headingText.map((text) => `Un paragraphe ${text}.`),
  headingText.map((text) => `#tag ${text}`),
  fc.constantFrom("#", "#sans-espace", "- #tag", "- un point", "1. un point", "| a | b |\n|---|---|\n| c | d |", "[ref]: /adresse", "[ref]:"),
  headingText.map((text) => `\`\`\`\n# ${text}\n\`\`\``),
  headingText.map((text) => `~~~~\n## ${text}\n~~~\n~~~~`),
  headingText.map((text) => `\`\`\`\n# ${text}`),
  headingText.map((text) => `\`\`\`\n# code\n\`\`\`\u00a0\n# ${text}\n\`\`\``),
);

/** Anything else: Setext headings, quotes, lists, indentation, HTML blocks, odd fences. */
const trickyBlock = fc.oneof(
  plainBlock,
  fc.tuple(headingText, fc.constantFrom("=", "===", "-", "---", "  ---  ")).map(([text, underline]) => `${text || "Texte"}\n${underline}`),
  fc.tuple(headingText, headingText).map(([a, b]) => `${a || "Un"}\n${b || "deux"}\n===`),
  headingText.map((text) => `> ## ${text}`),
  headingText.map((text) => `> ${text || "Cité"}\n> ---`),
  headingText.map((text) => `> > # ${text}\n> suite`),
  headingText.map((text) => `- # ${text}`),
  headingText.map((text) => `1. ## ${text}`),
  headingText.map((text) => `- point\n  ### ${text}`),
  headingText.map((text) => `   ## ${text}`),
  headingText.map((text) => `    # ${text}`),
  headingText.map((text) => `<div>\n# ${text}\n</div>`),
  headingText.map((text) => `<!--\n# ${text}\n\n-->`),
  headingText.map((text) => `<span>mot</span>\n# ${text}`),
  headingText.map((text) => `<br>\n## ${text}`),
  headingText.map((text) => `    \`\`\`\n# ${text}\n    \`\`\``),
  headingText.map((text) => `\`\`\`js \`x\`\n# ${text}\n\`\`\``),
  fc.constantFrom("---", "***", "___", "- - -", "\t# tab", ">", "-"),
);

const note = (block: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(block, fc.constantFrom("\n", "\n\n")), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([b, sep]) => b + sep).join(""));

describe("heading ids of the scan and of the rendered page", () => {
  it("agree on notes of Setext and ATX headings, quotes, lists, HTML, fences and duplicates", () => {
    fc.assert(
      fc.property(note(trickyBlock), (body) => {
        expect(scannedHeadings(body)).toEqual(renderedHeadings(garden.renderAs("Note.md", body)));
      }),
      { numRuns: 1000 },
    );
  });

  it("agree on notes that the scan reads line by line", () => {
    fc.assert(
      fc.property(note(plainBlock), (body) => {
        const bodyLines = body.split("\n");
        expect(bodyLines.some((text, i) => mayHideHeadings(text, bodyLines[i - 1]))).toBe(false);
        expect(scannedHeadings(body)).toEqual(renderedHeadings(garden.renderAs("Note.md", body)));
      }),
      { numRuns: 1000 },
    );
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
