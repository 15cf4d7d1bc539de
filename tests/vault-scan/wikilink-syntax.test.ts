import { describe, expect, it } from "vitest";
import {
  defaultLabel,
  parseEmbedLabel,
  parseTarget,
  parseWikilinkAt,
  targetText,
  type WikilinkSyntax,
} from "../../src/vault-scan/wikilink-syntax.js";

describe("parseWikilinkAt", () => {
  it.each<[string, string, number, WikilinkSyntax | null]>([
    ["empty link", "[[]]", 0, null],
    ["label without target", "[[|x]]", 0, null],
    ["only a hash", "[[#]]", 0, null],
    ["only hashes and spaces", "[[ # # ]]", 0, null],
    ["only spaces", "[[   ]]", 0, null],
    ["empty label is dropped", "[[a|]]", 0, { embed: false, target: { note: "a" }, length: 6 }],
    ["blank label is dropped", "[[a|  ]]", 0, { embed: false, target: { note: "a" }, length: 8 }],
    ["link holding another [[", "[[a[[b]]]]", 0, null],
    ["the inner link of [[a[[b]]]]", "[[a[[b]]]]", 3, { embed: false, target: { note: "b" }, length: 5 }],
    ["empty heading", "[[a#]]", 0, { embed: false, target: { note: "a" }, length: 6 }],
    ["label keeps later pipes", "[[a|b|c]]", 0, { embed: false, target: { note: "a" }, label: "b|c", length: 9 }],
    ["embed with a width", "![[img.png|300]]", 0, { embed: true, target: { note: "img.png" }, label: "300", length: 16 }],
    [
      "embed with alt and size",
      "![[img.png|Une salle|300x200]]",
      0,
      { embed: true, target: { note: "img.png" }, label: "Une salle|300x200", length: 30 },
    ],
    ["stray spaces", "[[ Note | label ]]", 0, { embed: false, target: { note: "Note" }, label: "label", length: 18 }],
    [".md dropped", "[[Note.md]]", 0, { embed: false, target: { note: "Note" }, length: 11 }],
    [".MD dropped before a heading", "[[Note.MD#Titre]]", 0, { embed: false, target: { note: "Note", heading: "Titre" }, length: 17 }],
    ["heading", "[[Note#Titre de section]]", 0, { embed: false, target: { note: "Note", heading: "Titre de section" }, length: 25 }],
    ["nested headings keep the last", "[[a#b#c]]", 0, { embed: false, target: { note: "a", heading: "c" }, length: 9 }],
    ["block", "[[a#^abc]]", 0, { embed: false, target: { note: "a", block: "abc" }, length: 10 }],
    ["empty block", "[[a#^]]", 0, { embed: false, target: { note: "a" }, length: 7 }],
    ["same-page heading", "[[#Titre]]", 0, { embed: false, target: { note: "", heading: "Titre" }, length: 10 }],
    ["same-page block", "[[#^abc]]", 0, { embed: false, target: { note: "", block: "abc" }, length: 9 }],
    ["same-page empty block names nothing", "[[#^]]", 0, null],
    ["another [[ before the ]]", "[[a [[b]]", 0, null],
    ["link over two lines", "[[a\nb]]", 0, null],
    ["link over two lines (CR)", "[[a\rb]]", 0, null],
    ["never closed", "[[a", 0, null],
    ["single bracket", "[a]]", 0, null],
    ["not at the position", "x[[a]]", 0, null],
    ["at the position", "x[[a]]", 1, { embed: false, target: { note: "a" }, length: 5 }],
    ["! not followed by [[", "!x[[a]]", 0, null],
    ["stops at the first ]]", "[[a]] et [[b]]", 0, { embed: false, target: { note: "a" }, length: 5 }],
    ["inside a sentence", "Voir [[Musée]] ici", 5, { embed: false, target: { note: "Musée" }, length: 9 }],
  ])("%s: %j at %i", (_description, src, pos, expected) => {
    expect(parseWikilinkAt(src, pos)).toStrictEqual(expected);
  });

  it("reads a long line of unclosed [[ in linear time", () => {
    // Searching the whole line for "]]" from each "[[" took minutes here; the test's timeout bounds it.
    const line = "[[a ".repeat(200_000);
    let links = 0;
    for (let i = 0; i < line.length; i++) if (parseWikilinkAt(line, i) !== null) links++;
    expect(links).toBe(0);
  });

  it("normalises a target written in NFD to NFC, and counts its length in the source", () => {
    const src = "[[Musée#Été]]".normalize("NFD");
    expect(parseWikilinkAt(src, 0)).toStrictEqual({ embed: false, target: { note: "Musée", heading: "Été" }, length: src.length });
    expect(src.length).toBe(16);
  });
});

describe("parseTarget", () => {
  it.each([
    ["", null],
    ["   ", null],
    ["#", null],
    ["# #", null],
    [".md", null],
    ["Note", { note: "Note" }],
    [" Note .md ", { note: "Note" }],
    ["Dossier/Note.md", { note: "Dossier/Note" }],
    ["#Titre", { note: "", heading: "Titre" }],
    ["Note # Titre ", { note: "Note", heading: "Titre" }],
    ["Note#^ ", { note: "Note" }],
    ["Note#^ abc ", { note: "Note", block: "abc" }],
    ["Note#Titre#^abc", { note: "Note", block: "abc" }],
    ["Note.md.md", { note: "Note.md" }],
  ])("%j gives %j", (text, expected) => {
    expect(parseTarget(text)).toStrictEqual(expected);
  });
});

describe("parseEmbedLabel", () => {
  it.each([
    [undefined, {}],
    ["300", { width: 300 }],
    ["300x200", { width: 300, height: 200 }],
    ["Une salle", { alt: "Une salle" }],
    ["Une salle|300", { alt: "Une salle", width: 300 }],
    ["Une salle|300x200", { alt: "Une salle", width: 300, height: 200 }],
    [" Une salle | 300 ", { alt: "Une salle", width: 300 }],
    ["Une salle|avec barre", { alt: "Une salle|avec barre" }],
    ["300x", { alt: "300x" }],
    ["123456", { alt: "123456" }],
    ["x200", { alt: "x200" }],
  ])("%j gives %j", (label, expected) => {
    expect(parseEmbedLabel(label)).toStrictEqual(expected);
  });
});

describe("defaultLabel and targetText", () => {
  it.each([
    [{ note: "Note" }, "Note", "Note"],
    [{ note: "Note", heading: "Section" }, "Note > Section", "Note#Section"],
    [{ note: "", heading: "Section" }, "Section", "#Section"],
    [{ note: "Note", block: "abc" }, "Note > ^abc", "Note#^abc"],
    [{ note: "", block: "abc" }, "^abc", "#^abc"],
  ])("%j shows %j and is written %j", (target, label, written) => {
    expect(defaultLabel(target)).toBe(label);
    expect(targetText(target)).toBe(written);
  });
});
