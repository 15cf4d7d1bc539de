import { describe, expect, it } from "vitest";
import { contextAround, outlineMarkdown } from "../../src/vault-scan/markdown-outline.js";

const BODY = [
  /* 5 */ "# Titre **gras**",
  /* 6 */ "",
  /* 7 */ "Le musée a publié sa [[Charte|charte]] en 2020. Ensuite une autre phrase avec [[Musée]] ici ! Fin.",
  /* 8 */ "Du `[[Pas un lien]]` et ``code [[Non]] `` puis \\[[Échappé]] et [[Oui]].",
  /* 9 */ "```js",
  /* 10 */ "const a = '[[Dans le code]]';",
  /* 11 */ "# pas un titre",
  /* 12 */ "```",
  /* 13 */ "~~~",
  /* 14 */ "[[Aussi dans le code]]",
  /* 15 */ "```",
  /* 16 */ "~~~",
  /* 17 */ "## Sources ##",
  /* 18 */ "## Sources",
  /* 19 */ "Un paragraphe important. ^abc-1",
  /* 20 */ "- [[Note liste]]",
  /* 21 */ "  Une description de la note.",
  /* 22 */ "> Citation avec ![[image.png|300]] dedans.",
  /* 23 */ "#tag pas un titre",
  /* 24 */ "#",
  /* 25 */ "## Été à la `campagne`",
  /* 26 */ "Fin de liste. ^fin",
  /* 27 */ "Pas un bloc^non ni ^ceci-non !",
].join("\n");

describe("outlineMarkdown", () => {
  const outline = outlineMarkdown(BODY, 5, []);

  it("finds headings with their level, plain text, unique id and file line", () => {
    expect(outline.headings).toEqual([
      { level: 1, text: "Titre gras", id: "titre-gras", line: 5 },
      { level: 2, text: "Sources", id: "sources", line: 17 },
      { level: 2, text: "Sources", id: "sources-2", line: 18 },
      { level: 1, text: "", id: "section", line: 24 },
      { level: 2, text: "Été à la campagne", id: "ete-a-la-campagne", line: 25 },
    ]);
  });

  it("finds block ids at the end of a line, and only there", () => {
    expect([...outline.blockIds]).toEqual(["abc-1", "fin"]);
  });

  it("gives the block a block id ends, with its file line, and none for an id the block does not end with", () => {
    expect(outline.blockWithId("abc-1")).toEqual({ line: 19, lines: ["Un paragraphe important. ^abc-1"] });
    expect(outline.blockWithId("fin")).toBeUndefined();
    expect(outline.blockWithId("absent")).toBeUndefined();
  });

  it("gives a list item's block as the whole item, out of its list's indentation", () => {
    const list = outlineMarkdown(["Un paragraphe", "sur deux lignes. ^para", "", "1. un", "2. deux ^item", "   - sous-point", "     suite ^sous", "3. trois"].join("\n"), 10, []);
    expect(list.blockWithId("para")).toEqual({ line: 10, lines: ["Un paragraphe", "sur deux lignes. ^para"] });
    expect(list.blockWithId("item")).toEqual({ line: 14, lines: ["2. deux ^item", "   - sous-point", "     suite ^sous"] });
    expect(list.blockWithId("sous")).toEqual({ line: 15, lines: ["- sous-point", "  suite ^sous"] });
  });

  it("finds wikilinks with 1-based file line and column, skipping code spans, fenced code and escaped links", () => {
    expect(outline.links.map((l) => [l.syntax.target.note, l.syntax.embed, l.line, l.column])).toEqual([
      ["Charte", false, 7, 22],
      ["Musée", false, 7, 79],
      ["Oui", false, 8, 64],
      ["Note liste", false, 20, 3],
      ["image.png", true, 22, 17],
    ]);
  });

  it("gives as context the sentence around the link, in plain text", () => {
    expect(outline.links.slice(0, 4).map((l) => l.context)).toEqual([
      "Le musée a publié sa charte en 2020.",
      "Ensuite une autre phrase avec Musée ici !",
      "Du [[Pas un lien]] et code [[Non]] puis [[Échappé]] et Oui.",
      "Note liste — Une description de la note.",
    ]);
  });

  it("drops an embed from its own context", () => {
    // Whitespace is compared loosely: the embed currently leaves a double space ("Citation avec  dedans.").
    expect(outline.links[4]?.context.replace(/\s+/g, " ")).toBe("Citation avec dedans.");
  });

  it("keeps the body lines for section embeds", () => {
    expect(outline.lines.length).toBe(23);
    expect(outline.lines[0]).toBe("# Titre **gras**");
    expect(outline.lines[22]).toBe("Pas un bloc^non ni ^ceci-non !");
  });

  it("counts CRLF and CR line breaks as one line each", () => {
    const crlf = outlineMarkdown("Titre\r\n\r\n## Deux\r\nVoir [[A]].\r\n", 3, []);
    expect(crlf.headings).toEqual([{ level: 2, text: "Deux", id: "deux", line: 5 }]);
    expect(crlf.links.map((l) => [l.line, l.column, l.context])).toEqual([[6, 6, "Voir A."]]);
    const cr = outlineMarkdown("a\rb [[B]]", 1, []);
    expect(cr.links.map((l) => [l.line, l.column])).toEqual([[2, 3]]);
  });

  it("ignores a fence closed by a shorter or different fence", () => {
    const outline = outlineMarkdown(["````", "```", "[[Toujours du code]]", "~~~~", "````", "[[Après]]"].join("\n"), 1, []);
    expect(outline.links.map((l) => [l.syntax.target.note, l.line])).toEqual([["Après", 6]]);
  });

  it("ignores headings and block ids inside fenced code", () => {
    const outline = outlineMarkdown(["```", "# Pas un titre", "Texte ^pasunbloc", "```", "# Titre"].join("\n"), 1, []);
    expect(outline.headings).toEqual([{ level: 1, text: "Titre", id: "titre", line: 5 }]);
    expect(outline.blockIds.size).toBe(0);
  });

  it("reads Setext headings and headings in quotes and list items as markdown-it does, at the line of their text", () => {
    const outline = outlineMarkdown(["Première", "partie", "===", "", "> ## Citée", "", "- ### Listée", "", "Texte", "---", "## Fin ##"].join("\n"), 3, []);
    expect(outline.headings).toEqual([
      { level: 1, text: "Première partie", id: "premiere-partie", line: 3 },
      { level: 2, text: "Citée", id: "citee", line: 7 },
      { level: 3, text: "Listée", id: "listee", line: 9 },
      { level: 2, text: "Texte", id: "texte", line: 11 },
      { level: 2, text: "Fin", id: "fin", line: 13 },
    ]);
  });

  it("sees no heading in an HTML block, nor a Setext underline after a blank line", () => {
    const outline = outlineMarkdown(["<div>", "# Dans le HTML", "</div>", "", "---", "# Titre"].join("\n"), 1, []);
    expect(outline.headings.map((h) => [h.text, h.line])).toEqual([["Titre", 6]]);
  });

  it("gives no heading an id of the layout, and finds the heading that would have had it", () => {
    const outline = outlineMarkdown(["## Thème bascule", "## Contenu", "## Contenu"].join("\n"), 1, ["contenu", "theme-bascule"]);
    expect(outline.headings.map((h) => h.id)).toEqual(["theme-bascule-2", "contenu-2", "contenu-3"]);
    expect(outline.headingWithId("contenu")?.id).toBe("contenu-2");
    expect(outline.headingWithId("theme-bascule")?.id).toBe("theme-bascule-2");
    expect(outline.headingWithId("contenu-3")?.id).toBe("contenu-3");
  });

  it("closes a fence only by a line of the fence and spaces or tabs, as markdown-it does", () => {
    const outline = outlineMarkdown(["```", "```\u00a0", "[[Encore du code]]", "``` \t", "[[Après]]"].join("\n"), 1, []);
    expect(outline.links.map((l) => [l.syntax.target.note, l.line])).toEqual([["Après", 5]]);
  });

  it("summarises a task by its text, and never by a footnote", () => {
    expect(outlineMarkdown(["[^1]: La source.", "", "- [ ] Relire la note[^1]"].join("\n"), 1, []).summary).toBe("Relire la note");
  });

  it("does not take a description from a line that is not indented", () => {
    const outline = outlineMarkdown(["1. [[C]]", "Pas indenté.", "- [[A]]", "  La description."].join("\n"), 1, []);
    expect(outline.links.map((l) => l.context)).toEqual(["C", "A — La description."]);
  });

  it("cuts a long sentence to about 200 characters around the link, with ellipses", () => {
    const long =
      "Début. " +
      "Les musées ont besoin d'outils simples ".repeat(4) +
      "comme la [[Stratégie numérique]] et " +
      "des formations régulières pour leurs équipes ".repeat(4) +
      "sans fin. Autre phrase.";
    const [link] = outlineMarkdown(long, 1, []).links;
    expect(link?.context).toBe(
      "…Les musées ont besoin d'outils simples Les musées ont besoin d'outils simples comme la Stratégie numérique et des formations régulières pour leurs équipes des formations régulières pour leurs…",
    );
  });
});

describe("contextAround", () => {
  const line = "1. Voir [[A]] et [[B]]. Puis [[C]] ! Fin";

  it("gives the sentence holding the link, without the list marker", () => {
    expect(contextAround(line, 8, 5)).toBe("Voir A et B.");
    expect(contextAround(line, 17, 5)).toBe("Voir A et B.");
    expect(contextAround(line, 29, 5)).toBe("Puis C !");
  });

  it("strips quote markers and inline Markdown", () => {
    expect(contextAround("> **Note** : le [[Musée|musée]] est fermé.", 16, 15)).toBe("Note : le musée est fermé.");
  });

  it("strips a callout's type, a task's box and a footnote's label, as the page shows none of them", () => {
    expect(contextAround("> > [!warning]- Voir [[Musée]] avant", 21, 9)).toBe("Voir Musée avant");
    expect(contextAround("- [x] Relire [[Musée]]", 13, 9)).toBe("Relire Musée");
    expect(contextAround("[^1]: Source : [[Musée]][^2].", 15, 9)).toBe("Source : Musée.");
    expect(contextAround("[!note] hors citation [[Musée]]", 22, 9)).toBe("[!note] hors citation Musée");
  });
});
