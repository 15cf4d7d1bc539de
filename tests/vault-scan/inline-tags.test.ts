import { describe, expect, it } from "vitest";
import { inlineTagAt, inlineTagsOf } from "../../src/vault-scan/inline-tags.js";
import { lines } from "../helpers.js";

describe("inlineTagAt", () => {
  it.each([
    ["#mot", 0, { length: 4, tag: "mot" }],
    ["un #Musée.", 3, { length: 6, tag: "musée" }],
    ["#Musée/Salles, ici", 0, { length: 13, tag: "musée/salles" }],
    ["#a_b-c/d2 suite", 0, { length: 9, tag: "a_b-c/d2" }],
    ["#y2024", 0, { length: 6, tag: "y2024" }],
    ["#2024-bilan", 0, { length: 11, tag: "2024-bilan" }],
    ["#Muse\u0301e", 0, { length: 7, tag: "musée" }],
    ["#a/", 0, { length: 2, tag: "a" }],
    ["#a//b//", 0, { length: 5, tag: "a/b" }],
    ["a\u00a0#mot", 2, { length: 4, tag: "mot" }],
    ["a\n#mot", 2, { length: 4, tag: "mot" }],
  ])("reads %j at %i", (src, pos, tag) => {
    expect(inlineTagAt(src, pos)).toEqual(tag);
  });

  it.each([
    ["#2024", 0, "a number"],
    ["#2024/05", 0, "numbers nested"],
    ["#", 0, "a lone #"],
    ["# titre", 0, "a # and a space"],
    ["##", 0, "two #"],
    ["C#", 1, "after a letter"],
    ["a#b", 1, "inside a word"],
    ["x.y/#frag", 4, "a URL's fragment"],
    ["&#38;", 1, "a decimal entity"],
    ["&#x26;", 1, "a hexadecimal entity"],
    ["(#mot)", 1, "after a bracket"],
    ["mot", 0, "no #"],
  ])("reads no tag in %j at %i: %s", (src, pos) => {
    expect(inlineTagAt(src, pos)).toBeUndefined();
  });

  it("reads a long run of slashes and digits in linear time", () => {
    const long = `#${"/".repeat(200_000)}`;
    expect(inlineTagAt(long, 0)).toBeUndefined();
    expect(inlineTagAt(`#a${"/".repeat(200_000)}b`, 0)).toEqual({ length: 200_003, tag: "a/b" });
  });
});

describe("inlineTagsOf", () => {
  it("reads the tags of the text, once each, in order", () => {
    expect(inlineTagsOf(lines("Un #mot, un #Autre/Niveau et encore #mot.", "", "- #liste", "", "> #citation", "", "| a | b |", "|---|---|", "|#cellule| c |"))).toEqual([
      "mot",
      "autre/niveau",
      "liste",
      "citation",
      "cellule",
    ]);
  });

  it.each([
    ["a heading", lines("# Titre #pas", "", "## #non")],
    ["a Setext heading", lines("Titre #pas", "---")],
    ["a code span", "Du code `#pas` ici.\n"],
    ["a code span over two lines", "Du `code\n#pas` ici.\n"],
    ["a fenced code block", lines("```", "#pas", "```")],
    ["a URL's fragment", "Voir https://www.example.org/page#pas et https://x.y/#pas.\n"],
    ["an autolink", "Voir <https://x.y/#pas>.\n"],
    ["a link's destination", "Voir [ici](#pas) et [là]( #pas).\n"],
    ["a link's text", "Voir [le #pas](https://x.y).\n"],
    ["a link's title", 'Voir [ici](https://x.y "un #pas").\n'],
    ["a reference definition", lines("[ref]: #pas", "", '[ref2]: /adresse "titre #pas"')],
    ["a wikilink's target or label", "Voir [[Note#Titre]], [[Note #Titre]] et [[Note|le #pas]].\n"],
    ["an embed", "![[Note#pas]]\n"],
    ["entities", "&#38; &#x26; &#x2F; &#pas;\n"],
    ["a word", "C# et a#b et l’#pas\n"],
    ["a number", "L'année #2024 et #2024/05.\n"],
    ["an escaped #", "\\#pas\n"],
    ["raw HTML", '<span title=" #pas">texte</span> <a href="/"> #pas</a>\n'],
    ["an HTML block", lines("<div>", "#pas", "</div>")],
    ["an image's description", "![une #pas](photo.png)\n"],
  ])("reads no tag in %s", (_where, body) => {
    expect(inlineTagsOf(body)).toEqual([]);
  });

  it("reads a tag after what only looks like an autolink or a reference definition", () => {
    expect(inlineTagsOf("Voir <https://x.y/ #oui>.\n")).toEqual(["oui"]);
    expect(inlineTagsOf("[ref]: https://x.y/ #oui\n")).toEqual(["oui"]);
  });
});
