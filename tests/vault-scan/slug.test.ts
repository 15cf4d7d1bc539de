import slugifyLibrary from "@sindresorhus/slugify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FRENCH_STYLE, HeadingSlugger, slugify, urlSegment } from "../../src/vault-scan/slug.js";

describe("slugify", () => {
  it.each([
    ["Qu'est-ce qu'une stratégie numérique pour un musée", "qu-est-ce-qu-une-strategie-numerique-pour-un-musee"],
    ["Cœur & âme", "coeur-et-ame"],
    ["L’été au musée", "l-ete-au-musee"],
    ["Titre de section", "titre-de-section"],
    ["Été à la campagne", "ete-a-la-campagne"],
    ["Version 2.0", "version-2-0"],
    ["MuseumXTD", "museumxtd"],
    ["  Espaces   multiples  ", "espaces-multiples"],
    ["Dossier Été", "dossier-ete"],
  ])("%j gives %j", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("gives the library's slug for any text, common French characters or not", () => {
    // Common characters take a faster path than the others: both must give the library's answer.
    const common = fc.constantFrom(..."aAzZé É09 '’-–&.,:!?«»()/_œŒæçÇàÀîÏÿ");
    const other = fc.constantFrom("ß", "ø", "Ł", "ı", "İ", "ﬁ", "\u0301", "🎨", "美", "\u00a0", "\t", "\\", "…", "%", "+", "#");
    const text = fc.string({ unit: fc.oneof({ arbitrary: common, weight: 9 }, { arbitrary: other, weight: 1 }), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const expected = slugifyLibrary(t.normalize("NFC"), FRENCH_STYLE);
        if (expected === "") expect(slugify(t)).toMatch(/^s-[0-9a-f]{8}$/);
        else expect(slugify(t)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same slug for NFD and NFC text", () => {
    expect(slugify("Théâtre à l'école".normalize("NFD"))).toBe("theatre-a-l-ecole");
    expect(slugify("Théâtre à l'école".normalize("NFC"))).toBe("theatre-a-l-ecole");
  });

  it("gives a stable short hash, never an empty slug, for text without Latin letters or digits", () => {
    expect(slugify("🎨")).toBe("s-71c5b0ac");
    expect(slugify("🎨")).toBe(slugify("🎨"));
    expect(slugify("美術館")).toMatch(/^s-[0-9a-f]{8}$/);
    expect(slugify("美術館")).not.toBe(slugify("🎨"));
  });
});

describe("urlSegment", () => {
  it("is the slug of a name up to 200 bytes", () => {
    expect(urlSegment("Qu'est-ce que c'est")).toBe("qu-est-ce-que-c-est");
    expect(urlSegment("é".repeat(200))).toBe("e".repeat(200));
  });

  it("cuts a longer slug to 200 bytes, ending with a hash of the whole slug", () => {
    const long = urlSegment(`${"Œuvre ".repeat(40)}fin`);
    expect(long).toMatch(/^(?:oeuvre-){27}oe-[0-9a-f]{8}$/);
    expect(long).toHaveLength(200);
    expect(urlSegment(`${"Œuvre ".repeat(40)}fin`)).toBe(long);
    expect(urlSegment(`${"Œuvre ".repeat(40)}début`)).not.toBe(long);
  });
});

describe("HeadingSlugger", () => {
  const LAYOUT_IDS = ["contenu", "recherche"];

  it("never gives the ids of the layout it is given", () => {
    const slugger = new HeadingSlugger(["contenu", "theme-bascule"]);
    expect(["Contenu", "Thème bascule", "Contenu", "Recherche"].map((t) => slugger.next(t))).toEqual(["contenu-2", "theme-bascule-2", "contenu-3", "recherche"]);
  });

  it("numbers repeated headings from 2, in document order", () => {
    const slugger = new HeadingSlugger(LAYOUT_IDS);
    expect(["Sources", "Notes", "Sources", "sources"].map((t) => slugger.next(t))).toEqual(["sources", "notes", "sources-2", "sources-3"]);
  });

  it("calls an empty heading 'section'", () => {
    const slugger = new HeadingSlugger(LAYOUT_IDS);
    expect([slugger.next(""), slugger.next("")]).toEqual(["section", "section-2"]);
  });

  it("starts afresh for each page", () => {
    expect(new HeadingSlugger(LAYOUT_IDS).next("Sources")).toBe("sources");
    expect(new HeadingSlugger(LAYOUT_IDS).next("Sources")).toBe("sources");
  });

  it("never gives two headings of one page the same id, even when a heading is literally 'Sources 2'", () => {
    const slugger = new HeadingSlugger(LAYOUT_IDS);
    const ids = ["Sources", "Sources", "Sources 2"].map((t) => slugger.next(t));
    expect(ids.slice(0, 2)).toEqual(["sources", "sources-2"]);
    expect(new Set(ids).size).toBe(3);
  });

  // Each repeated heading starts its search after the last number its text took: the ids stay those of the rule
  // "the first free number from 2".
  it("gives the ids of the first free number from 2, whatever the order of the headings", () => {
    const firstFree = (texts: readonly string[]) => {
      const issued = new Set<string>(LAYOUT_IDS);
      return texts.map((text) => {
        const base = slugify(text === "" ? "section" : text);
        let id: string = base;
        for (let n = 2; issued.has(id); n++) id = `${base}-${n}`;
        issued.add(id);
        return id;
      });
    };
    const heading = fc.constantFrom("a", "a 2", "a-3", "A", "a 2 2", "b", "", "section", "section 2", "contenu", "contenu 2", "recherche");
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 30 }), (texts) => {
        const slugger = new HeadingSlugger(LAYOUT_IDS);
        expect(texts.map((t) => slugger.next(t))).toEqual(firstFree(texts));
      }),
      { numRuns: 2000 },
    );
  });
});
