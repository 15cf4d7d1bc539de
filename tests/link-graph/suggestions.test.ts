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
});
