import { describe, expect, it } from "vitest";
import { aliasesOf, normaliseTags, stringList, tagsLostToComment } from "../../src/vault-scan/note-fields.js";

describe("note fields", () => {
  it("stringList reads strings, numbers and nested lists, dropping the rest", () => {
    expect(stringList("a")).toEqual(["a"]);
    expect(stringList(2024)).toEqual(["2024"]);
    expect(stringList(["a", 2, ["b", null], { c: 1 }, true])).toEqual(["a", "2", "b"]);
    expect(stringList(null)).toEqual([]);
  });

  it("stringList reads each list once, so that YAML aliases nesting one list in another cannot explode", () => {
    let list: unknown[] = ["lol"];
    for (let depth = 0; depth < 9; depth++) list = Array.from({ length: 9 }, () => list);
    expect(stringList(list)).toEqual(["lol"]);
    expect(normaliseTags(list)).toEqual(["lol"]);
  });

  it.each([
    ["#Liens, stratégie", ["liens", "stratégie"]],
    [["liens", "#Stratégie"], ["liens", "stratégie"]],
    ["musée numérique,collections", ["musée", "numérique", "collections"]],
    [["Musée", "musée", "##MUSÉE"], ["musée"]],
    ["Muse\u0301e", ["musée"]],
    [2024, ["2024"]],
    [null, []],
    ["#", []],
  ])("normaliseTags(%j) gives %j", (value, tags) => {
    expect(normaliseTags(value)).toEqual(tags);
  });

  it("aliasesOf merges aliases: and alias:, trims, normalises to NFC and drops duplicates", () => {
    expect(aliasesOf({ aliases: [" Plan numérique ", "Me\u0301diation", ""], alias: "Plan numérique" })).toEqual(["Plan numérique", "Médiation"]);
    expect(aliasesOf({ alias: "Lexique" })).toEqual(["Lexique"]);
    expect(aliasesOf({})).toEqual([]);
  });

  it("tagsLostToComment reads back 'tags: #…' from the raw YAML, with the line offset", () => {
    expect(tagsLostToComment("\ntitle: A\ntags: #question #Musée")).toEqual({ key: "tags", tags: ["question", "musée"], lineOffset: 2 });
    expect(tagsLostToComment("\ntag: #idée")).toEqual({ key: "tag", tags: ["idée"], lineOffset: 1 });
    expect(tagsLostToComment("\ntags: [question]")).toBeUndefined();
    expect(tagsLostToComment("\ntags: #")).toBeUndefined();
  });
});
