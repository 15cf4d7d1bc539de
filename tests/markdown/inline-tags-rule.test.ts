import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseTag } from "../../src/vault-scan/tags.js";
import { lines, memoryVault, parse, rendererOf } from "../helpers.js";

const garden = rendererOf(
  memoryVault({
    "Note.md": lines("# Note", "", "Texte."),
    "Cible.md": lines("# Cible", "", "## Titre", "", "Texte de la cible #cible."),
  }),
);

const tag = (name: string, written = name) => `<a href="/tags/${name}/" class="tag">#${written}</a>`;

describe("inline tags", () => {
  it.each([
    ["Un #mot.", `<p>Un ${tag("mot")}.</p>\n`],
    ["#Musée/Salles et #y2024", `<p>${tag("musee/salles", "Musée/Salles")} et ${tag("y2024")}</p>\n`],
    ["#a//b/ fin", `<p>${tag("a/b", "a//b")}/ fin</p>\n`],
    ["L'année #2024, #2024/05 et C# ou a#b.", "<p>L'année #2024, #2024/05 et C# ou a#b.</p>\n"],
    ["&#38; et &#x26; puis #mot", `<p>&amp; et &amp; puis ${tag("mot")}</p>\n`],
    ["`#code` et #mot", `<p><code>#code</code> et ${tag("mot")}</p>\n`],
    ["\\#échappé", "<p>#échappé</p>\n"],
    ["(#entre) et **#gras** mais ** #gras**", `<p>(#entre) et <strong>#gras</strong> mais ** ${tag("gras")}**</p>\n`],
    ["- #liste", `<ul>\n<li>${tag("liste")}</li>\n</ul>\n`],
    ["> #citation", `<blockquote>\n<p>${tag("citation")}</p>\n</blockquote>\n`],
    ["# Titre #pas", '<h1 id="titre-pas">Titre #pas</h1>\n'],
    ["```\n#pas\n```", "<pre><code>#pas\n</code></pre>\n"],
    ["Un #mot ^bloc", `<p id="^bloc">Un ${tag("mot")}</p>\n`],
  ])("%j", (markdown, html) => {
    expect(garden.renderAs("Note.md", markdown)).toBe(html);
  });

  it("leaves the # of URLs, autolinks and link destinations to their links", () => {
    expect(garden.renderAs("Note.md", "Voir https://x.y/#frag, <https://x.y/#a> et [ici](#ancre) #mot")).toBe(
      [
        '<p>Voir <a href="https://x.y/#frag" class="lien-externe">https://x.y/#frag<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a>,',
        ' <a href="https://x.y/#a" class="lien-externe">https://x.y/#a<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a>',
        ` et <a href="#ancre">ici</a> ${tag("mot")}</p>\n`,
      ].join(""),
    );
  });

  it("reads no tag in a link, a wikilink or an image's description", () => {
    expect(garden.renderAs("Note.md", "[[Cible#Titre]], [[Cible|voir #plus]], [le #lien](/cible/) et ![une #photo](photo.png)")).toBe(
      '<p><a href="/cible/#titre" class="wikilink">Cible &gt; Titre</a>, <a href="/cible/" class="wikilink">voir #plus</a>, <a href="/cible/" class="wikilink">le #lien</a> et <img src="photo.png" alt="une #photo"></p>\n',
    );
  });

  it("keeps a wikilink the scan did not read as text, whole, with no tag in it", () => {
    // The scan reads the line after "```js `x`" as code, markdown-it as a paragraph.
    expect(garden.renderAs("Note.md", "```js `x`\n[[Cible|voir *#plus*]] #mot")).toBe(`<p>\`\`\`js <code>x</code><br>\n[[Cible|voir *#plus*]] ${tag("mot")}</p>\n`);
  });

  it("links the tags of an embedded note too", () => {
    expect(garden.renderAs("Note.md", "![[Cible#Titre]]")).toBe(
      `<div class="embed">\n<h2>Titre</h2>\n<p>Texte de la cible ${tag("cible")}.</p>\n<p class="embed-source"><a href="/cible/#titre" class="wikilink">Cible</a></p>\n</div>\n`,
    );
  });
});

/** The tags the page links, in order, each once. */
function renderedTags(html: string): string[] {
  return [...new Set([...html.matchAll(/<a href="[^"]*" class="tag">#([^<]*)<\/a>/g)].map((m) => normaliseTag(m[1]!)))];
}

const piece = fc.constantFrom(
  "#mot",
  "#Musée/Salles",
  "#2024",
  "#y2024",
  "#a//b/",
  "#",
  "#/",
  "C#",
  "a#b",
  "&#38;",
  "&#x26;",
  "&#mot;",
  "`#code`",
  "``#co`de``",
  "`",
  "https://x.y/#frag",
  "<https://x.y/#a>",
  "[lien](#ancre)",
  "[le #lien](https://x.y)",
  '[ici](https://x.y "un #titre")',
  "[[Cible#Titre]]",
  "[[Cible|voir #plus]]",
  "[[Absente|voir #absente]]",
  "![[Note]]",
  "\\#échappé",
  '<span title=" #attribut">s</span>',
  '<a href="/"> #dans-a</a>',
  "**#gras**",
  "**",
  "==#surligné==",
  "==",
  "![une #photo](x.png)",
  "(#entre)",
  "[",
  "]",
  "(",
  ")",
  "<",
  "mot",
  "^bloc",
  "[^1]",
  "^[une note #en-ligne]",
);

const text = fc.array(fc.tuple(piece, fc.constantFrom(" ", "", "\n")), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([p, sep]) => p + sep).join("").trim() || "mot");

const block = fc.oneof(
  text,
  text.map((t) => `# ${t.replaceAll("\n", " ")}`),
  text.map((t) => `${t}\n---`),
  text.map((t) => `> ${t.replaceAll("\n", "\n> ")}`),
  text.map((t) => `- ${t.replaceAll("\n", "\n  ")}`),
  text.map((t) => `1. ${t.replaceAll("\n", " ")}`),
  text.map((t) => `| a | b |\n|---|---|\n|${t.replaceAll("\n", " ")}| c |`),
  text.map((t) => `\`\`\`\n${t}\n\`\`\``),
  // Fences the scan's line reading takes for fences, and markdown-it does not: a wikilink after them is no link.
  text.map((t) => `\`\`\`js \`x\`\n${t}`),
  text.map((t) => `    \`\`\`\n${t}\n    \`\`\``),
  text.map((t) => `<div>\n${t}\n</div>`),
  text.map((t) => `    ${t.replaceAll("\n", " ")}`),
  text.map((t) => `[ref]: ${t.replaceAll("\n", " ")}`),
  text.map((t) => `[^1]: ${t.replaceAll("\n", "\n    ")}`),
  // A callout's first line is read apart from the rest: the tag reader does not split it (see inlineTagSyntax).
  text.map((t) => `> [!note] Titre #titre\n> ${t.replaceAll("\n", "\n> ")}`),
  text.map((t) => `> [!tip]- Titre #replie\n> ${t.replaceAll("\n", "\n> ")}`),
  text.map((t) => `- [ ] ${t.replaceAll("\n", " ")}`),
);

const note = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => blocks.join("\n\n"));

describe("inline tags of the scan and of the rendered page", () => {
  it("agree on notes of tags beside code, links, URLs, entities, HTML, headings, numbers, footnotes, callouts and tasks", () => {
    fc.assert(
      fc.property(note, (body) => {
        expect(parse("Note.md", body).note.tags).toEqual(renderedTags(garden.renderAs("Note.md", body)));
      }),
      { numRuns: 1000 },
    );
  });
});
