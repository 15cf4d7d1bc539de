import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { NameTrie } from "../../src/link-graph/name-trie.js";

describe("NameTrie", () => {
  const within = (names: readonly string[], text: string, budget: number) => {
    const found: [string, number][] = [];
    new NameTrie(names).withinEdits(text, budget, (name, d) => found.push([name, d]));
    return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  };

  it("finds each name within the budget of edits, with its distance", () => {
    expect(within(["musee", "musees", "muses", "musique", "zoo"], "musee", 1)).toEqual([["musee", 0], ["musees", 1], ["muses", 1]]);
    expect(within(["", "a", "ab"], "", 1)).toEqual([["", 0], ["a", 1]]);
    expect(within(["abc"], "abc", 0)).toEqual([["abc", 0]]);
  });

  // Checked against the plain edit distance, on names that share prefixes and differ by a few letters.
  it("finds exactly the names the plain edit distance puts within budget", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abéo '"), maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 30 }), word, fc.integer({ min: 0, max: 3 }), (names, text, budget) => {
        const expected = names.filter((n) => distance(n, text) <= budget).map((n) => [n, distance(n, text)] as [string, number]);
        expect(within(names, text, budget)).toEqual(expected.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      }),
      { numRuns: 3000 },
    );
  });
});
