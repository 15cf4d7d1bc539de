import fc from "fast-check";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { lines, memoryVault, rendererOf, type GardenRenderer } from "../helpers.js";

let garden: GardenRenderer;
beforeAll(() => {
  garden = rendererOf(
    memoryVault({
      "Page.md": "# Page\n",
      "Commentaire.md": lines("# Commentaire", "", "<div>", "", "Texte **gras**.", "", "<!-- jamais fermé", "", "Caché."),
      "Textarea.md": lines("# Textarea", "", "Un <textarea> ouvert.", "", "<span>", "", "Fin."),
    }),
  );
});

const render = (markdown: string) => garden.renderAs("Page.md", markdown);

describe("the raw HTML rule", () => {
  it("removes a redirection", () => {
    expect(render(lines("Avant.", "", '<meta http-equiv="refresh" content="0;url=https://ailleurs.example/">', "", "Après."))).toBe("<p>Avant.</p>\n\n<p>Après.</p>\n");
  });

  it("removes the search metadata a note would write, keeping the text", () => {
    expect(render('Voir <span data-pagefind-meta="url:https://ailleurs.example/" class="note">ici</span>.')).toBe('<p>Voir <span class="note">ici</span>.</p>\n');
  });

  it("removes scripts, even one from the vault that script-src 'self' would run", () => {
    expect(render(lines('<script src="/assets/stats.js"></script>', "", 'Texte <script src="/stats.js"></script> fin.'))).toBe("\n<p>Texte  fin.</p>\n");
  });

  it("keeps an unclosed comment from hiding what follows the note, in its page and where it is embedded", () => {
    expect(render(lines("Avant.", "", "<!-- jamais fermé", "", "Caché."))).toBe("<p>Avant.</p>\n");
    expect(render(lines("![[Commentaire]]", "", "Après l'intégration."))).toBe(
      '<div class="embed">\n<h1>Commentaire</h1>\n<div>\n<p>Texte <strong>gras</strong>.</p>\n</div><p class="embed-source"><a href="/commentaire/" class="wikilink">Commentaire</a></p>\n</div>\n<p>Après l\'intégration.</p>\n',
    );
  });

  it("keeps an unclosed <textarea> from hiding what follows it", () => {
    expect(render(lines("Un <textarea> ouvert.", "", "Après."))).toBe("<p>Un  ouvert.</p>\n<p>Après.</p>\n");
    expect(render(lines("![[Textarea]]", "", "Après."))).toBe(
      '<div class="embed">\n<h1>Textarea</h1>\n<p>Un  ouvert.</p>\n<span>\n<p>Fin.</p>\n</span><p class="embed-source"><a href="/textarea/" class="wikilink">Textarea</a></p>\n</div>\n<p>Après.</p>\n',
    );
  });

  it("keeps HTML blocks around Markdown whole, and closes what the note leaves open at its end", () => {
    expect(render(lines("<details>", "<summary>Plus</summary>", "", "Du **texte**.", "", "</details>", "", "Fin."))).toBe(
      "<details>\n<summary>Plus</summary>\n<p>Du <strong>texte</strong>.</p>\n</details>\n<p>Fin.</p>\n",
    );
    expect(render(lines('<div class="encadre">', "", "Texte.", "", "</main></body>", "", "Fin."))).toBe('<div class="encadre">\n<p>Texte.</p>\n\n<p>Fin.</p>\n</div>');
  });

  it("closes inline HTML at the end of its paragraph", () => {
    expect(render(lines("Un <b>gras", "", "puis </b> la suite."))).toBe("<p>Un <b>gras</b></p>\n<p>puis  la suite.</p>\n");
    // "/page/" is the address of the note Page.md: the link shows as a wikilink to it.
    expect(render("Un <em>début</em> et <a href=\"/page/\" onclick=\"x()\">lien</a>.")).toBe('<p>Un <em>début</em> et <a href="/page/" class="wikilink">lien</a>.</p>\n');
  });

  it("leaves HTML written in code alone, as text", () => {
    expect(render(lines("`<script>`", "", "```html", "<meta http-equiv=\"refresh\">", "```"))).toBe(
      '<p><code>&lt;script&gt;</code></p>\n<pre><code class="language-html">&lt;meta http-equiv=&quot;refresh&quot;&gt;\n</code></pre>\n',
    );
  });
});

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Element = DefaultTreeAdapterMap["element"];

function elementsOf(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const child of node.childNodes) if ("tagName" in child) found.push(child, ...elementsOf(child));
  return found;
}

const PIECES = [
  ...["<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<p>", "</p>", "<a href=\"/x/\">", "</a>", "<details>", "</details>", "<table>", "<td>", "<li>"],
  ...["<!--", "-->", "<!", "<?", "<![CDATA[", "]]>", "<textarea>", "<title>", "<xmp>", "<plaintext>", "<noscript>", "<style>", "<script>", "<svg>", "<math>"],
  ...["<iframe>", "<select>", "<option>", "<template>", "</main>", "</body>", "<img src=\"a.png\" alt=\"", "<b onclick=\"x()\">", "\"", "'"],
  ...["\n", "\n\n", "texte", " ", "`", "- ", "> ", "| a | b |\n|---|---|\n| c | d |"],
];

describe("the raw HTML rule, on any mix of tags", () => {
  it("never lets a note reach what follows it on the page, run a script or set an event handler", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const html = render(pieces.join(""));
        const document = parse(`<!doctype html><html><head><title>t</title></head><body><main>${html}</main><footer>fin</footer></body></html>`);
        const elements = elementsOf(document);
        const footer = elements.find((e) => e.tagName === "footer");
        expect(footer?.parentNode && "tagName" in footer.parentNode ? footer.parentNode.tagName : undefined, html).toBe("body");
        expect(elements.filter((e) => e.tagName === "script" || e.attrs.some((a) => /^on/i.test(a.name))), html).toEqual([]);
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });
});
