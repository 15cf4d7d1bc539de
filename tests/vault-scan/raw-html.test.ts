import { describe, expect, it } from "vitest";
import { rawHtmlProblems } from "../../src/vault-scan/raw-html.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, parse } from "../helpers.js";

const FILE = toVaultPath("Note.md");
/** Each finding as "line:column what", from the start of its message. */
const found = (body: string, firstLine = 1) => rawHtmlProblems(FILE, body, firstLine).map((p) => `${p.line}:${p.column} ${p.message.split(" est retiré")[0]}`);

describe("rawHtmlProblems", () => {
  it("names each removal at the line and column of its tag in an HTML block", () => {
    const body = lines("# Note", "", "<div>", '  <script src="/assets/stats.js"></script>', '<a href="javascript:alert(1)" onclick="x()">a</a>', "</div>");
    expect(found(body, 4)).toEqual([
      "7:3 La balise <script>",
      "8:1 L'adresse « javascript:alert(1) » de l'attribut href de <a>",
      "8:1 L'attribut onclick de <a>",
    ]);
  });

  it("reads indented HTML as the build does, where Eleventy turns indented code off", () => {
    expect(found(lines("Texte", "", "    <b onclick=\"x()\">b</b>"))).toEqual(["3:1 L'attribut onclick de <b>"]);
  });

  it("quotes a refused address on one line, shortened", () => {
    const [problem] = rawHtmlProblems(FILE, `<a href="java\nscript:${"x".repeat(100)}">a</a>\n`, 1);
    expect(problem!.message).toBe(
      `L'adresse « java script:${"x".repeat(48)}… » de l'attribut href de <a> est retirée de la page : seules les adresses http, https, mailto, tel ou relatives sont gardées. Corrigez l'adresse.`,
    );
  });

  it("names inline removals at their line in a paragraph, at column 1", () => {
    const body = lines("Une ligne,", "une autre <b onclick=\"x()\">b</b>", 'et <span data-pagefind-meta="url:https://ailleurs.example/">s</span>.');
    expect(found(body)).toEqual(["2:1 L'attribut onclick de <b>", "3:1 L'attribut data-pagefind-meta de <span>"]);
  });

  it("says that a comment never closed hides the rest of the note", () => {
    const [problem] = rawHtmlProblems(FILE, lines("Avant.", "", "<!-- brouillon", "", "Caché."), 1);
    expect(problem).toEqual({
      level: "avertissement",
      code: "html-retire",
      file: FILE,
      line: 3,
      column: 1,
      message: "Un commentaire <!-- ou une balise qui commence ici n'est jamais fermé : ce qui le suit est retiré de la page, jusqu'à la fin de la note pour un commentaire. Fermez le commentaire par --> ou la balise par >.",
    });
  });

  it("finds nothing in kept HTML, in code, in wikilinks or in YouTube players", () => {
    const body = lines(
      "<details><summary>Plus</summary>",
      "",
      "`<script>` et [[<img src=x onerror=alert(1)>]]",
      "",
      "```",
      '<meta http-equiv="refresh">',
      "```",
      "",
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Vidéo"></iframe>',
      "",
      "</details>",
    );
    expect(found(body)).toEqual([]);
  });

  it("is part of reading a note, after its front matter", () => {
    const { problems } = parse("Note.md", lines("---", "title: Note", "---", "", '<meta http-equiv="refresh" content="0;url=https://ailleurs.example/">'));
    expect(problems.map((p) => `${p.code}@${p.line}:${p.column}`)).toEqual(["html-retire@5:1"]);
  });
});
