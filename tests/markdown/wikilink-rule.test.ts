import { beforeAll, describe, expect, it } from "vitest";
import { buildLinkGraph, outgoingAt } from "../../src/link-graph/link-graph.js";
import { bodyEnv } from "../../src/markdown/garden-env.js";
import { createMarkdownLibrary } from "../../src/markdown/garden-markdown.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { targetText } from "../../src/vault-scan/wikilink-syntax.js";
import { gardenRenderer, lines, memoryVault, rendererOf, SITE, type GardenRenderer } from "../helpers.js";

/** The span a link to a note still to be written renders as. */
const missing = (label: string): string => `<a class="wikilink-missing" href="/notes-a-ecrire/" title="Cette note n’existe pas encore">${label}<span class="visually-hidden" data-pagefind-ignore=""> (note à venir)</span><span class="wikilink-a-venir" aria-hidden="true" data-pagefind-ignore="">à venir</span></a>`;

interface Row {
  readonly desc: string;
  readonly markdown: string;
  readonly html: string;
  /** The note of tests/fixtures/render-vault the markdown is rendered as; Lecteur.md unless told. */
  readonly as?: string;
}

let garden: GardenRenderer;
beforeAll(async () => {
  garden = await gardenRenderer("render-vault");
});

describe("wikilinks to notes", () => {
  const rows: Row[] = [
    { desc: "[[Name]]", markdown: "[[Cible]]", html: '<p><a href="/cible/" class="wikilink">Cible</a></p>\n' },
    { desc: "[[Name|label]]", markdown: "[[Cible|un libellé]]", html: '<p><a href="/cible/" class="wikilink">un libellé</a></p>\n' },
    {
      desc: "[[Name#Heading]], labelled « Name > Heading »",
      markdown: "[[Cible#Première partie]]",
      html: '<p><a href="/cible/#premiere-partie" class="wikilink">Cible &gt; Première partie</a></p>\n',
    },
    {
      desc: "[[Name#Heading|label]]",
      markdown: "[[Cible#Première partie|libellé]]",
      html: '<p><a href="/cible/#premiere-partie" class="wikilink">libellé</a></p>\n',
    },
    {
      desc: "[[Name#Heading]] to a heading the note lacks, which goes to the note",
      markdown: "[[Cible#Absente]]",
      html: '<p><a href="/cible/" class="wikilink">Cible &gt; Absente</a></p>\n',
    },
    {
      desc: "[[#Heading]] within the same page",
      as: "Cible.md",
      markdown: "[[#Première partie]]",
      html: '<p><a href="/cible/#premiere-partie" class="wikilink">Première partie</a></p>\n',
    },
    { desc: "[[ Name ]] with spaces", markdown: "[[ Cible ]]", html: '<p><a href="/cible/" class="wikilink">Cible</a></p>\n' },
    { desc: "[[Name.md]]", markdown: "[[Cible.md]]", html: '<p><a href="/cible/" class="wikilink">Cible</a></p>\n' },
    { desc: "an alias", markdown: "[[Journal de bord]]", html: '<p><a href="/carnet-de-bord/" class="wikilink">Journal de bord</a></p>\n' },
    {
      desc: "an alias written in another case",
      markdown: "[[journal DE bord]]",
      html: '<p><a href="/carnet-de-bord/" class="wikilink">journal DE bord</a></p>\n',
    },
    { desc: "a name written in another case, keeping the text as written", markdown: "[[cIBLE]]", html: '<p><a href="/cible/" class="wikilink">cIBLE</a></p>\n' },
    {
      desc: "a link inside a sentence, beside a bare URL",
      markdown: "Voir [[Cible]] et https://example.org",
      html: '<p>Voir <a href="/cible/" class="wikilink">Cible</a> et <a href="https://example.org" class="lien-externe">https://example.org<span class="lien-externe-icone" aria-hidden="true" data-pagefind-ignore="">↗</span><span class="visually-hidden" data-pagefind-ignore=""> (lien externe)</span></a></p>\n',
    },
    {
      desc: "a block reference to a paragraph ending in « ^abc »",
      markdown: "[[Citations#^abc]]",
      html: '<p><a href="/citations/#%5Eabc" class="wikilink">Citations &gt; ^abc</a></p>\n',
    },
    {
      desc: "a block reference to a block the note lacks, which goes to the note",
      markdown: "[[Citations#^xyz]]",
      html: '<p><a href="/citations/" class="wikilink">Citations &gt; ^xyz</a></p>\n',
    },
  ];
  it.each(rows)("renders $desc", ({ markdown, html, as }) => {
    expect(garden.renderAs(as ?? "Lecteur.md", markdown)).toBe(html);
  });

  it("renders [[Name\\|label]] in a table cell as a link labelled « label »", () => {
    const html = garden.renderAs("Lecteur.md", lines("| Note | Rôle |", "| --- | --- |", "| [[Cible\\|label]] | cible |"));
    expect(html).toBe(
      [
        "<table>",
        "<thead>",
        "<tr>",
        "<th>Note</th>",
        "<th>Rôle</th>",
        "</tr>",
        "</thead>",
        "<tbody>",
        "<tr>",
        '<td><a href="/cible/" class="wikilink">label</a></td>',
        "<td>cible</td>",
        "</tr>",
        "</tbody>",
        "</table>",
        "",
      ].join("\n"),
    );
  });

  it("leaves wikilinks as text on a page that is no note of the vault", () => {
    expect(garden.renderAs("Pas une note.md", "[[Cible]]")).toBe("<p>[[Cible]]</p>\n");
  });
});

describe("wikilinks to notes that are not published", () => {
  it("renders a missing note as a span announced to screen readers, never as a link", () => {
    expect(garden.renderAs("Lecteur.md", "[[Nulle part]]")).toBe(`<p>${missing("Nulle part")}</p>\n`);
    expect(garden.renderAs("Lecteur.md", "[[Nulle part|Bientôt]]")).toBe(`<p>${missing("Bientôt")}</p>\n`);
    expect(garden.renderAs("Lecteur.md", "[[Nulle part#Section]]")).toBe(`<p>${missing("Nulle part &gt; Section")}</p>\n`);
  });

  it("renders a link to a draft exactly like a missing note, without its URL", () => {
    const draft = garden.graph.index.byFile.get(toVaultPath("Idée en cours.md"));
    expect([draft?.unpublished, draft?.url]).toEqual(["draft", "/idee-en-cours/"]);
    const html = garden.renderAs("Lecteur.md", "[[Idée en cours]] [[Idée en cours|vers le brouillon]] [[idée en cours#Idée en cours]] ![[Idée en cours]]");
    expect(html).toBe(
      `<p>${missing("Idée en cours")} ${missing("vers le brouillon")} ${missing("idée en cours &gt; Idée en cours")} ${missing("Idée en cours")}</p>\n`,
    );
    expect(html).not.toContain("idee-en-cours");
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(Array(4).fill("/notes-a-ecrire/"));
  });
});

describe("labels are text", () => {
  it("escapes markup in the label of a link", () => {
    const html = garden.renderAs("Lecteur.md", "[[Cible|<script>x</script>]]");
    expect(html).toBe('<p><a href="/cible/" class="wikilink">&lt;script&gt;x&lt;/script&gt;</a></p>\n');
    expect(html).not.toContain("<script");
  });

  it("escapes markup in the label of a missing note", () => {
    const html = garden.renderAs("Lecteur.md", "[[Nulle part|<script>x</script>]]");
    expect(html).toBe(`<p>${missing("&lt;script&gt;x&lt;/script&gt;")}</p>\n`);
    expect(html).not.toContain("<script");
  });

  it("escapes markup in the name of a missing note", () => {
    const html = garden.renderAs("Lecteur.md", "[[<img src=x onerror=alert(1)>]]");
    expect(html).toBe(`<p>${missing("&lt;img src=x onerror=alert(1)&gt;")}</p>\n`);
    expect(html).not.toContain("<img");
  });

  it("escapes quotes and ampersands in labels", () => {
    expect(garden.renderAs("Lecteur.md", `[[Cible|"Tom" & 'Jerry']]`)).toBe(`<p><a href="/cible/" class="wikilink">&quot;Tom&quot; &amp; 'Jerry'</a></p>\n`);
    expect(garden.renderAs("Lecteur.md", `[[Nulle part|"Tom" & 'Jerry']]`)).toBe(`<p>${missing("&quot;Tom&quot; &amp; 'Jerry'")}</p>\n`);
  });

  it("escapes quotes and markup in the alt text of an image", () => {
    expect(garden.renderAs("Lecteur.md", `![[image.png|<b>"x" & y</b>]]`)).toBe(
      '<p><img src="/image.png" alt="&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" loading="lazy"></p>\n',
    );
  });
});

describe("text that is not a wikilink", () => {
  const rows: Row[] = [
    { desc: "a wikilink in a code span", markdown: "`[[Cible]]`", html: "<p><code>[[Cible]]</code></p>\n" },
    { desc: "a wikilink in a fenced code block", markdown: lines("```", "[[Cible]]", "```"), html: "<pre><code>[[Cible]]\n</code></pre>\n" },
    { desc: "an escaped wikilink", markdown: "\\[[Cible]]", html: "<p>[[Cible]]</p>\n" },
    { desc: "{{ x }}", markdown: "{{ x }}", html: "<p>{{ x }}</p>\n" },
    { desc: "{% x %}", markdown: "{% x %}", html: "<p>{% x %}</p>\n" },
    { desc: "[[ alone", markdown: "[[", html: "<p>[[</p>\n" },
    { desc: "[[]]", markdown: "[[]]", html: "<p>[[]]</p>\n" },
    { desc: "[[|x]]", markdown: "[[|x]]", html: "<p>[[|x]]</p>\n" },
    { desc: "[[#]]", markdown: "[[#]]", html: "<p>[[#]]</p>\n" },
    { desc: "a wikilink broken over two lines", markdown: lines("[[Ci", "ble]]"), html: "<p>[[Ci<br>\nble]]</p>\n" },
    // The outer brackets hold another "[[" and stay text; the inner "[[b]]" is a link, as the scanner counts it.
    { desc: "[[a[[b]]]]", markdown: "[[a[[b]]]]", html: '<p>[[a<a href="/b/" class="wikilink">b</a>]]</p>\n' },
  ];
  it.each(rows)("keeps $desc literal", ({ markdown, html }) => {
    expect(garden.renderAs("Lecteur.md", markdown)).toBe(html);
  });
});

describe("image embeds", () => {
  const rows: Row[] = [
    { desc: "![[image.png]]", markdown: "![[image.png]]", html: '<p><img src="/image.png" alt="" loading="lazy"></p>\n' },
    { desc: "![[image.png|300]] with a width", markdown: "![[image.png|300]]", html: '<p><img src="/image.png" alt="" width="300" loading="lazy"></p>\n' },
    {
      desc: "![[image.png|300x200]] with a width and a height",
      markdown: "![[image.png|300x200]]",
      html: '<p><img src="/image.png" alt="" width="300" height="200" loading="lazy"></p>\n',
    },
    {
      desc: "![[image.png|Une salle|300]] with an alt text and a width",
      markdown: "![[image.png|Une salle|300]]",
      html: '<p><img src="/image.png" alt="Une salle" width="300" loading="lazy"></p>\n',
    },
    { desc: "![[image.png|Une salle]] with an alt text", markdown: "![[image.png|Une salle]]", html: '<p><img src="/image.png" alt="Une salle" loading="lazy"></p>\n' },
    {
      desc: "an image whose name has a space and accents, encoded once",
      markdown: "![[Salle été.png]]",
      html: '<p><img src="/Salle%20%C3%A9t%C3%A9.png" alt="" loading="lazy"></p>\n',
    },
    { desc: "[[image.png]] without « ! » as a link to the file", markdown: "[[image.png]]", html: '<p><a href="/image.png" class="wikilink">image.png</a></p>\n' },
    { desc: "a missing image as a missing span named by its file", markdown: "![[absente.png]]", html: `<p>${missing("absente.png")}</p>\n` },
    { desc: "a missing image as a missing span named by its alt text", markdown: "![[absente.png|Une salle|300]]", html: `<p>${missing("Une salle")}</p>\n` },
  ];
  it.each(rows)("renders $desc", ({ markdown, html }) => {
    expect(garden.renderAs("Lecteur.md", markdown)).toBe(html);
  });
});

describe("links from the link graph", () => {
  it("asks the graph for each link at the line the scan read it on, in quotes, lists, tables and paragraphs", () => {
    const source = lines(
      "---",
      "title: Lecteur",
      "---",
      "# Voir [[Cible]]",
      "",
      "Un paragraphe sur deux lignes, [[Cible|ici]]",
      "et [[Cible#Première partie]] là.",
      "",
      "> Citation : [[Carnet de bord]]",
      ">   suite [[Nulle part]]",
      "",
      "- point [[Cible]]",
      "  - sous-point [[Journal de bord]]",
      "",
      "| A | B |",
      "| --- | --- |",
      "| x | [[Cible\\|c]] [[Nulle part]] |",
    );
    const vault = memoryVault({ "Lecteur.md": source, "Cible.md": lines("# Cible", "", "## Première partie"), "Carnet de bord.md": "---\naliases: [Journal de bord]\n---\n# Carnet\n" });
    const graph = buildLinkGraph(vault, { reservedUrls: new Map() });
    const asked: string[] = [];
    const md = createMarkdownLibrary(
      {
        resolutionAt: (from, line, target) => {
          asked.push(`${line}:${targetText(target)}`);
          return outgoingAt(graph.outgoing.get(from.file)!, line, target)?.resolution;
        },
        attachmentUrl: () => undefined,
      },
      "www.museumxtd.ch",
      SITE.layoutIds,
    );
    const lecteur = graph.index.byFile.get(toVaultPath("Lecteur.md"))!;
    const html = md.render(lecteur.outline.lines.join("\n"), bodyEnv(lecteur));
    expect(asked).toEqual(lecteur.outline.links.map((link) => `${link.line}:${targetText(link.syntax.target)}`));
    expect(asked[0]).toBe("4:Cible");
    expect(html.split('class="wikilink"').length - 1).toBe(7);
    expect(html.split('class="wikilink-missing"').length - 1).toBe(2);
  });

  it("leaves as text a link the scan did not read, which the graph has no destination for", () => {
    // An indented "```" is a paragraph for markdown-it (indented code is off, as in Eleventy), but opens a fence for
    // the scan, which reads no link below it.
    const garden = rendererOf(memoryVault({ "Lecteur.md": lines("Texte.", "", "    ```", "", "[[Cible]]"), "Cible.md": "# Cible\n" }));
    expect(garden.graph.outgoing.get(toVaultPath("Lecteur.md"))).toEqual([]);
    expect(garden.renderNote("Lecteur.md")).toBe("<p>Texte.</p>\n<p>```</p>\n<p>[[Cible]]</p>\n");
  });

  it("finds the links of an image's alt text on the image's line", () => {
    const garden = rendererOf(memoryVault({ "Lecteur.md": lines("Première ligne,", "puis ![vers [[Cible]]](photo.png)"), "Cible.md": "# Cible\n" }));
    expect(garden.renderNote("Lecteur.md")).toBe('<p>Première ligne,<br>\npuis <img src="photo.png" alt="vers Cible"></p>\n');
  });

  it("resolves the links of an embedded section from the lines of the embedded note", () => {
    const garden = rendererOf(
      memoryVault({
        "Lecteur.md": "![[Fiche#Étape]]\n",
        "Fiche.md": lines("---", "aliases: [F]", "---", "# Fiche", "", "[[Autre]]", "", "## Étape", "", "Voir [[Autre]] et [[Fiche#Étape|ici]]."),
        "Autre.md": "# Autre\n",
      }),
    );
    expect(garden.renderNote("Lecteur.md")).toBe(
      [
        '<div class="embed">',
        "<h2>Étape</h2>",
        '<p>Voir <a href="/autre/" class="wikilink">Autre</a> et <a href="/fiche/#etape" class="wikilink">ici</a>.</p>',
        '<p class="embed-source"><a href="/fiche/#etape" class="wikilink">Fiche</a></p>',
        "</div>",
        "",
      ].join("\n"),
    );
  });
});
