import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { TypoFinder } from "../../src/link-graph/suggestions.js";
import { lines, note } from "../helpers.js";

describe("TypoFinder", () => {
  const finder = new TypoFinder([
    note("Stratégie numérique.md"),
    note("Charte.md", lines("# Charte du jardin")),
    note("Glossaire.md", lines("---", "alias: Lexique des musées", "---")),
    note("Zoo.md"),
    note("Musées.md"),
    note("Musée.md"),
    note("Muses.md"),
    note("Brouillon/Stratégie nationale.md"),
  ]);

  it.each([
    ["differs only by accents and case", "strategie NUMERIQUE", ["Stratégie numérique"]],
    ["differs only by spacing", "Stratégie   numérique", ["Stratégie numérique"]],
    ["two letters off a long name", "Stratgie numériqe", ["Stratégie numérique"]],
    ["one letter off a title, giving the note's name", "Charte du jardn", ["Charte"]],
    ["one letter off an alias", "Lexique des muses", ["Glossaire"]],
    ["closest first, then alphabetical", "Musee", ["Musée", "Musées", "Muses"]],
    ["no typo allowed on short names", "Zo", []],
    ["nothing close", "Une note à écrire", []],
    ["never a draft", "Stratégie nationale", []],
  ])("%s: %j", (_description, target, expected) => {
    expect(finder.suggest(target)).toEqual(expected);
  });

  it("gives at most three names", () => {
    const many = new TypoFinder(["Musea", "Museb", "Musec", "Mused"].map((n) => note(`${n}.md`)));
    expect(many.suggest("Musee")).toEqual(["Musea", "Museb", "Musec"]);
  });

  // The filters that spare most distance computations (lengths, character groups, pieces) must never hide a name
  // that is close enough: checked against the plain edit distance, on names of one note each.
  it("finds a name exactly when it is within the typo budget of the target", () => {
    const budget = (length: number) => (length < 5 ? 0 : length < 12 ? 1 : 2);
    const word = fc.string({ unit: fc.constantFrom(..."abcdeéfgilmnorstu'"), minLength: 3, maxLength: 30 });
    const edit = fc.tuple(fc.constantFrom("insert", "delete", "replace"), fc.nat(), fc.constantFrom(..."aeiostxz'"));
    fc.assert(
      fc.property(word, fc.array(edit, { maxLength: 3 }), (name, edits) => {
        let target = name;
        for (const [kind, at, ch] of edits) {
          const i = at % (target.length + 1);
          if (kind === "insert") target = target.slice(0, i) + ch + target.slice(i);
          else if (target.length > 1) target = target.slice(0, Math.min(i, target.length - 1)) + (kind === "replace" ? ch : "") + target.slice(Math.min(i, target.length - 1) + 1);
        }
        const loose = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");
        const close = distance(loose(name), loose(target)) <= budget(loose(target).length);
        expect(new TypoFinder([note(`${name}.md`)]).suggest(target)).toEqual(close ? [name] : []);
      }),
      { numRuns: 2000 },
    );
  });
});

