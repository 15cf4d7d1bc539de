import fc from "fast-check";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../../src/vault-scan/front-matter.js";

describe("readFrontMatter", () => {
  it("gives the whole text as body when there is no front matter", () => {
    expect(readFrontMatter("# Titre\n\nTexte\n---\nSuite\n")).toEqual({ data: {}, raw: "", body: "# Titre\n\nTexte\n---\nSuite\n", bodyStartLine: 1 });
  });

  it("parses the YAML and says on which file line the body starts", () => {
    const fm = readFrontMatter("---\ntitle: Un titre\ntags: [a, b]\n---\n# Corps\n");
    expect(fm.data).toEqual({ title: "Un titre", tags: ["a", "b"] });
    expect(fm.body).toBe("# Corps\n");
    expect(fm.bodyStartLine).toBe(5);
    expect(fm.raw).toBe("\ntitle: Un titre\ntags: [a, b]");
    expect(fm.error).toBeUndefined();
  });

  it("accepts an empty front matter", () => {
    expect(readFrontMatter("---\n---\nCorps")).toEqual({ data: {}, raw: "", body: "Corps", bodyStartLine: 3 });
  });

  it("skips a byte-order mark", () => {
    const fm = readFrontMatter("\uFEFF---\ntitle: A\n---\nCorps");
    expect(fm.data).toEqual({ title: "A" });
    expect(fm.body).toBe("Corps");
    expect(fm.bodyStartLine).toBe(4);
  });

  it("cuts and reads a front matter exactly as gray-matter, hence Eleventy, does", () => {
    const line = fc.constantFrom("---", "--- ", "---\t", "----", "---x", "--- fin", "title: Titre", "tags: [a, b]", "# commentaire", "#tag", "", "  ", "a: ~", "~", "[1, 2]", "texte", "date: 2024-05-13", "...");
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
      .map(([lines, eol, finalEol]) => `---${eol}${lines.join(eol)}${finalEol ? eol : ""}`);
    fc.assert(
      fc.property(text, (t) => {
        const ours = readFrontMatter(t);
        // Without a line "---" of its own, gray-matter may still close on "---x": the scan refuses such a note.
        fc.pre(ours.error?.code !== "yaml-non-ferme");
        let theirs: matter.GrayMatterFile<string>;
        try {
          theirs = matter(t, {});
        } catch {
          expect(ours.error?.code).toBe("yaml-invalide");
          return;
        }
        const isObject = typeof theirs.data === "object" && !Array.isArray(theirs.data);
        expect(ours.error?.code).toBe(isObject ? undefined : "en-tete-pas-un-objet");
        expect({ data: ours.data, raw: ours.raw, body: ours.body }).toEqual({ data: isObject ? theirs.data : {}, raw: theirs.matter, body: theirs.content });
      }),
      { numRuns: 1000 },
    );
  });

  it("handles CRLF line ends", () => {
    const fm = readFrontMatter("---\r\ntitle: A\r\ntags: [a, b]\r\n---\r\nCorps\r\n");
    expect(fm.data).toEqual({ title: "A", tags: ["a", "b"] });
    expect(fm.body).toBe("Corps\r\n");
    expect(fm.bodyStartLine).toBe(5);
  });

  describe("yaml-invalide, at the line of the file (the opening --- is line 1)", () => {
    it.each([
      ["a key indented under a plain value", "---\ntitle: A\nb: 1\n  c: 2\n---\nCorps", 4, "c: 2"],
      ["a list item among keys", "---\ntitle: A\nlayout: x\n- item\n---\nCorps", 4, "- item"],
      ["a list item among keys, with CRLF", "---\r\ntitle: A\r\nlayout: x\r\n- item\r\n---\r\nCorps", 4, "- item"],
      ["a list item among keys, after a BOM", "\uFEFF---\ntitle: A\nlayout: x\n- item\n---\nCorps", 4, "- item"],
      ["a duplicated key", "---\na: 1\na: 2\n---\nCorps", 3, "a: 2"],
    ])("%s", (_description, source, line, quoted) => {
      const fm = readFrontMatter(source);
      expect(fm.error?.code).toBe("yaml-invalide");
      expect(fm.error?.line).toBe(line);
      expect(fm.error?.message).toBe(`L'en-tête YAML est illisible à la ligne « ${quoted} ». Vérifiez la syntaxe « nom: valeur » de cette ligne.`);
      expect(fm.data).toEqual({});
      expect(fm.bodyStartLine).toBe(1);
    });

    it("hints at an unclosed flow list, at its opening bracket", () => {
      const fm = readFrontMatter("---\ntitle: A\ndate: 2022\nlayout: x\nkey: [a, b\n---\nCorps");
      expect(fm.error).toEqual({
        code: "yaml-invalide",
        line: 5,
        column: 6,
        message: "L'en-tête YAML est illisible à la ligne « key: [a, b ». Le « [ » ouvert ici n'est jamais refermé. Ajoutez « ] » à la fin de la valeur, par exemple : tags: [question, ressource].",
      });
    });

    it("hints at a tab used for indentation, at the tab's line and column", () => {
      const fm = readFrontMatter("---\ntitle: Tabulation\ntags:\n  - a\n\t- b\n---\nCorps");
      expect(fm.error).toEqual({
        code: "yaml-invalide",
        line: 5,
        column: 1,
        message:
          "L'en-tête YAML est illisible à la ligne « - b ». Une tabulation y sert de retrait : YAML n'accepte que des espaces. Remplacez la tabulation par deux espaces.",
      });
    });

    it("hints at a value holding ': ', at the value's column", () => {
      const fm = readFrontMatter("---\ntitle: A\ntitre: Musée : mode d'emploi\n---\nCorps");
      expect(fm.error).toEqual({
        code: "yaml-invalide",
        line: 3,
        column: 8,
        message:
          "L'en-tête YAML est illisible à la ligne « titre: Musée : mode d'emploi ». La valeur contient « : » suivi d'un espace. Mettez toute la valeur entre guillemets, par exemple : titre: \"Musée : mode d'emploi\".",
      });
    });

    it("hints at a quote never closed, at the quote's column", () => {
      const fm = readFrontMatter('---\ntitle: A\ndescription: "Non fermé\n---\nCorps');
      expect(fm.error?.line).toBe(3);
      expect(fm.error?.column).toBe(14);
      expect(fm.error?.message).toBe(
        "L'en-tête YAML est illisible à la ligne « description: \"Non fermé ». Le guillemet \" ouvert ici n'est jamais refermé. Ajoutez \" à la fin de la valeur.",
      );
    });
  });

  it("reads lone CR line ends (old Mac files) as line ends, front matter included", () => {
    const fm = readFrontMatter("---\rtitle: A\r---\r# Corps\r\rTexte\r");
    expect(fm.data).toEqual({ title: "A" });
    expect(fm.body).toBe("# Corps\n\nTexte\n");
    expect(fm.bodyStartLine).toBe(4);
  });

  it("turns NUL into U+FFFD, as markdown-it does", () => {
    expect(readFrontMatter("# A\0B\n").body).toBe("# A\uFFFDB\n");
  });

  it("refuses a first line that gray-matter would read as a front matter in another language", () => {
    const error = readFrontMatter('---js\nrequire("node:fs");\n---\n# Code\n').error;
    expect(error).toEqual({
      code: "yaml-invalide",
      line: 1,
      column: 1,
      message:
        "La note commence par « ---js » : Obsidian n'y voit pas d'en-tête, mais le générateur du site lirait la suite comme un en-tête écrit en « js ». Écrivez « --- » seul sur la première ligne pour ouvrir un en-tête, ou commencez la note par un autre texte.",
    });
    expect(readFrontMatter("--- Compte rendu\nTexte\n").error?.code).toBe("yaml-invalide");
    expect(readFrontMatter("----\nTexte\n---\n").error).toBeUndefined();
    expect(readFrontMatter("--- \ntitle: A\n---\nCorps").data).toEqual({ title: "A" });
  });

  it("reports a front matter nested too deep for the YAML parser as yaml-invalide instead of throwing", () => {
    const fm = readFrontMatter(`---\ntags: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n# Gigogne\n`);
    expect(fm.error).toMatchObject({ code: "yaml-invalide", line: 2, column: 1 });
  });

  it("reports yaml-non-ferme on line 1 when the opening --- is never closed", () => {
    const source = "---\ntitle: Oups\n# Texte\n";
    expect(readFrontMatter(source)).toEqual({
      data: {},
      raw: "",
      body: source,
      bodyStartLine: 1,
      error: {
        code: "yaml-non-ferme",
        line: 1,
        column: 1,
        message: "L'en-tête ouvert par « --- » n'est jamais fermé. Ajoutez une ligne « --- » à la fin de l'en-tête, avant le texte de la note.",
      },
    });
  });

  it.each([
    ["a list", "---\n- a\n- b\n---\nCorps", "\n- a\n- b", 5],
    ["a lone text", "---\njuste du texte\n---\nCorps", "\njuste du texte", 4],
  ])("reports en-tete-pas-un-objet for %s, and still finds the body", (_description, source, raw, bodyStartLine) => {
    expect(readFrontMatter(source)).toEqual({
      data: {},
      raw,
      body: "Corps",
      bodyStartLine,
      error: {
        code: "en-tete-pas-un-objet",
        line: 2,
        column: 1,
        message: "L'en-tête doit être une suite de champs « nom: valeur » (par exemple « tags: question »), pas une liste ni un texte seul.",
      },
    });
  });
});
