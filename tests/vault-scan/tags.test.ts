import { describe, expect, it } from "vitest";
import { MAX_TAG_LEVELS, normaliseTag, tagUrl, tagWithParents } from "../../src/vault-scan/tags.js";

describe("tags", () => {
  it.each([
    ["#Musée", "musée"],
    ["##MUSÉE", "musée"],
    ["Muse\u0301e", "musée"],
    ["Collections/Réserves", "collections/réserves"],
    ["/a//b/", "a/b"],
    ["#", ""],
    ["/", ""],
  ])("normaliseTag(%j) gives %j", (written, tag) => {
    expect(normaliseTag(written)).toBe(tag);
  });

  it(`nests tags ${MAX_TAG_LEVELS} levels deep at most, the deeper levels joined into the last one`, () => {
    const levels = Array.from({ length: MAX_TAG_LEVELS + 2 }, (_, i) => `n${i}`);
    expect(normaliseTag(levels.join("/"))).toBe([...levels.slice(0, MAX_TAG_LEVELS - 1), levels.slice(MAX_TAG_LEVELS - 1).join("-")].join("/"));
    expect(tagWithParents(normaliseTag("a/".repeat(100_000)))).toHaveLength(MAX_TAG_LEVELS);
  });

  it("gives a nested tag and the tags it sits under, deepest first", () => {
    expect(tagWithParents("a/b/c")).toEqual(["a/b/c", "a/b", "a"]);
    expect(tagWithParents("musée")).toEqual(["musée"]);
  });

  it("puts a nested tag's page in its parent's folder, apart from a tag with a hyphen", () => {
    expect(tagUrl("médiation")).toBe("/tags/mediation/");
    expect(tagUrl("collections/réserves")).toBe("/tags/collections/reserves/");
    expect(tagUrl("collections-réserves")).toBe("/tags/collections-reserves/");
    expect(tagUrl("a/b/c")).toBe("/tags/a/b/c/");
  });

  it("cuts each level of a long tag's address on its own, as a folder name", () => {
    const level = "x".repeat(300);
    const [, , first, second] = tagUrl(`${level}/${level}`).split("/");
    expect(first!.length).toBeLessThanOrEqual(200);
    expect(second).toBe(first);
  });
});
