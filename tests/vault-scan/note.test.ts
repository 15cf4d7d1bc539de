import { describe, expect, it } from "vitest";
import { urlOfPath } from "../../src/vault-scan/note.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, note, parse } from "../helpers.js";

describe("parseNote: title", () => {
  it.each([
    ["the first '# ' heading, inline Markdown stripped", "Note.md", lines("# **Comment mener un projet numérique?**"), "Comment mener un projet numérique?", "heading"],
    ["a link in the heading shows its label", "Note.md", lines("# Le [[Musée|musée]] idéal"), "Le musée idéal", "heading"],
    ["a level-1 heading after a level-2 one is a section, not the title", "Note.md", lines("## Sous-titre", "", "# Vrai titre", "# Second titre"), "Note", "file-name"],
    ["a level-1 heading mid-note is a section, not the title", "Note.md", lines("---", "title: MuseumXTD", "---", "### [Ressource](https://exemple.org)", "", "# A retenir"), "Note", "file-name"],
    ["blank lines before the opening heading", "Note.md", lines("---", "tags: [a]", "---", "", "", "# Titre"), "Titre", "heading"],
    ["eleventyNavigation's title when the front-matter title is the site name", "Note.md", lines("---", "title: MuseumXTD", "eleventyNavigation:", "  key: Note", "  title: Titre de la ressource", "---", "### [Titre de la ressource](https://exemple.org)"), "Titre de la ressource", "navigation"],
    ["the front-matter title beats eleventyNavigation's", "Note.md", lines("---", "title: Déclaré", "eleventyNavigation:", "  title: Navigation", "---", "Texte"), "Déclaré", "front-matter"],
    ["the heading beats the front-matter title", "Note.md", lines("---", "title: Titre déclaré", "---", "# Titre du texte"), "Titre du texte", "heading"],
    ["an empty '#' is not a title", "Note.md", lines("---", "title: Titre déclaré", "---", "#", "Texte"), "Titre déclaré", "front-matter"],
    ["a heading in fenced code is not a title", "Note.md", lines("```", "# Code", "```", "Texte"), "Note", "file-name"],
    ["a Setext level-1 heading, as the page shows it", "Note.md", lines("Titre *souligné*", "=======", "", "# Second"), "Titre souligné", "heading"],
    ["a level-1 heading in a quote or a list is not the note's", "Note.md", lines("> # Citation", "", "- # Point", "", "# Vrai titre"), "Note", "file-name"],
    ["a level-1 heading opening a quote is not the note's", "Note.md", lines("> # Citation", "", "Texte"), "Note", "file-name"],
    ["a heading in an HTML block is not a title", "Note.md", lines("<div>", "# Dans le HTML", "</div>", "", "Texte"), "Note", "file-name"],
    ["the front-matter title", "Note.md", lines("---", "title: Titre déclaré", "---", "Texte"), "Titre déclaré", "front-matter"],
    ["a numeric front-matter title", "Note.md", lines("---", "title: 2024", "---", "Texte"), "2024", "front-matter"],
    ["an alias is never the title", "Note.md", lines("---", "title: MuseumXTD", "aliases: [Premier alias, Second]", "---", "Texte"), "Note", "file-name"],
    ["the site name is no title: file name", "Dossier/Ma note.md", lines("---", "title: MuseumXTD", "---", "Texte"), "Ma note", "file-name"],
    ["a string alias is no title either", "Note.md", lines("---", "alias: Lexique", "---", "Texte"), "Note", "file-name"],
    ["the file name when nothing else", "Dossier/Qu'est-ce.md", lines("Texte"), "Qu'est-ce", "file-name"],
  ])("%s", (_description, file, source, title, titleSource) => {
    const { note } = parse(file, source);
    expect(note.title).toBe(title);
    expect(note.titleSource).toBe(titleSource);
  });
});

describe("parseNote: aliases", () => {
  it.each([
    ["a plain string with a comma is one alias", lines("---", "alias: Numérique, quelles compétences ?", "---"), ["Numérique, quelles compétences ?"]],
    ["a YAML list stays a list", lines("---", "aliases: [Numérique, Compétences]", "---"), ["Numérique", "Compétences"]],
    ["a block list under alias", lines("---", "alias:", "  - Un", "  - Deux, trois", "---"), ["Un", "Deux, trois"]],
  ])("%s", (_description, source, aliases) => {
    expect(parse("Note.md", source).note.aliases).toEqual(aliases);
  });
});

describe("parseNote: tags", () => {
  it.each([
    ["a string split on commas and spaces", lines("---", 'tags: "Liens, stratégie numérique"', "---"), ["liens", "stratégie", "numérique"]],
    ["a list, # stripped, lowercased, deduplicated", lines("---", 'tags: [Liens, "#Stratégie", liens]', "---"), ["liens", "stratégie"]],
    ["a YAML block list", lines("---", "tags:", "  - Question", "  - Musée", "---"), ["question", "musée"]],
    ["the singular key tag:", lines("---", "tag: Musée", "---"), ["musée"]],
    ["no tags", lines("Texte"), []],
  ])("%s", (_description, source, tags) => {
    const parsed = parse("Note.md", source);
    expect(parsed.note.tags).toEqual(tags);
    expect(parsed.problems).toEqual([]);
  });

  it("adds the tags of the text to those of the front matter, once each", () => {
    const parsed = parse("Note.md", lines("---", "tags: [question, Musée]", "---", "# Titre #pas", "", "Un #musée, des #Collections/Réserves et `#code`.", "", "- #mot"));
    expect(parsed.note.tags).toEqual(["question", "musée", "collections/réserves", "mot"]);
    expect(parsed.problems).toEqual([]);
  });

  it("still recovers 'tags: #question' when the text holds tags of its own", () => {
    const parsed = parse("Note.md", lines("---", "tags: #question", "---", "Un #mot."));
    expect(parsed.note.tags).toEqual(["question", "mot"]);
    expect(parsed.problems.map((p) => p.code)).toEqual(["tag-commentaire"]);
  });

  it("recovers 'tags: #question', which YAML reads as a comment, and warns at that file line", () => {
    const parsed = parse("Dossier/Question.md", lines("---", "title: MuseumXTD", "date: 2022-05-13", "tags: #question #Musée", "---", "# Question"));
    expect(parsed.note.tags).toEqual(["question", "musée"]);
    expect(parsed.problems).toEqual([
      {
        level: "avertissement",
        code: "tag-commentaire",
        file: "Dossier/Question.md",
        line: 4,
        column: 1,
        message:
          "« tags: #question #musée » est lu comme un commentaire YAML : le « # » efface la suite de la ligne. Le tag a été récupéré, mais écrivez plutôt « tags: [question, musée] ».",
      },
    ]);
  });

  it("finds the lost tag line with CRLF and a BOM", () => {
    const parsed = parse("Note.md", "\uFEFF---\r\ntitle: A\r\ntags: #question\r\n---\r\nTexte\r\n");
    expect(parsed.note.tags).toEqual(["question"]);
    expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["tag-commentaire", 3]]);
  });
});

describe("parseNote: date", () => {
  it("ignores a date that is not one, with a warning at its line quoting what was written", () => {
    const parsed = parse("Note.md", "---\ntitle: A\ndate: 18 mars 2024\n---\n# A\n");
    expect(parsed.note.created).toBeUndefined();
    expect(parsed.problems).toEqual([
      {
        level: "avertissement",
        code: "date-invalide",
        file: "Note.md",
        line: 3,
        column: 1,
        message: "« 18 mars 2024 » n'est pas une date : elle est ignorée. Écrivez la date sous la forme « date: 2024-05-13 ».",
      },
    ]);
  });

  it("keeps a real date without a warning", () => {
    const parsed = parse("Note.md", "---\ndate: 2024-03-18\n---\n# A\n");
    expect(parsed.note.created?.toISOString()).toBe("2024-03-18T00:00:00.000Z");
    expect(parsed.problems).toEqual([]);
  });
});

describe("parseNote: URL", () => {
  it.each([
    ["Dossier Été/Qu'est-ce.md", "/dossier-ete/qu-est-ce/"],
    ["Qu'est-ce qu'une stratégie numérique pour un musée.md", "/qu-est-ce-qu-une-strategie-numerique-pour-un-musee/"],
    ["Ressources/Anciennes/Cœur & âme.md", "/ressources/anciennes/coeur-et-ame/"],
    ["Version 2.0.md", "/version-2-0/"],
    ["index.md", "/"],
    ["Notes/index.md", "/notes/index/"],
  ])("%s is served at %s", (file, url) => {
    expect(note(file).url).toBe(url);
    expect(urlOfPath(toVaultPath(file))).toBe(url);
  });

  it("takes the permalink from the front matter, and remembers its file line", () => {
    const n = note("Dossier/Charte.md", lines("---", "title: Charte", "permalink: /charte-du-jardin/", "---", "Texte"));
    expect(n.url).toBe("/charte-du-jardin/");
    expect(n.permalinkLine).toBe(3);
  });

  it("adds the leading slash to a permalink without one, and ignores a blank permalink", () => {
    expect(note("A.md", lines("---", "permalink: plan-du-site/", "---")).url).toBe("/plan-du-site/");
    expect(note("Dossier/B.md", lines("---", 'permalink: "  "', "---")).url).toBe("/dossier/b/");
  });
});

describe("parseNote: unpublished notes", () => {
  it.each([
    ["draft: true", "Note.md", lines("---", "draft: true", "---"), "draft"],
    ['draft: "true"', "Note.md", lines("---", 'draft: "true"', "---"), "draft"],
    ["publish: false", "Note.md", lines("---", "publish: false", "---"), "publish-false"],
    ['publish: "false"', "Note.md", lines("---", 'publish: "false"', "---"), "publish-false"],
    ["permalink: false", "Note.md", lines("---", "permalink: false", "---"), "permalink-false"],
    ["draft wins over publish: false", "Note.md", lines("---", "draft: true", "publish: false", "---"), "draft"],
    ["a note in a folder named Brouillon", "Brouillon/Note.md", lines("Texte"), "brouillon-folder"],
    ["a note deeper under a folder named brouillon", "Projets/brouillon/Plan/Note.md", lines("Texte"), "brouillon-folder"],
  ])("%s", (_description, file, source, reason) => {
    expect(note(file, source).unpublished).toBe(reason);
  });

  it.each([
    ["draft: false", "Note.md", lines("---", "draft: false", "---")],
    ["publish: true", "Note.md", lines("---", "publish: true", "---")],
    ["a note named Brouillon", "Brouillon.md", lines("Texte")],
    ["a folder named Brouillonné", "Brouillonné/Note.md", lines("Texte")],
  ])("%s is published", (_description, file, source) => {
    expect("unpublished" in note(file, source)).toBe(false);
  });
});

describe("parseNote: other fields", () => {
  it("gives name, folder, aliases, date, body start and front matter", () => {
    const parsed = parse("Dossier/Sous/Ma note.md", lines("---", "aliases: [Un alias]", "date: 2022-05-13", "layout: post", "---", "", "# Titre"));
    const n = parsed.note;
    expect(n.file).toBe("Dossier/Sous/Ma note.md");
    expect(n.name).toBe("Ma note");
    expect(n.folder).toBe("Dossier/Sous");
    expect(n.aliases).toEqual(["Un alias"]);
    expect(n.created?.toISOString()).toBe("2022-05-13T00:00:00.000Z");
    expect(n.bodyStartLine).toBe(6);
    expect(n.outline.headings.map((h) => [h.text, h.line])).toEqual([["Titre", 7]]);
    expect(n.frontMatter["layout"]).toBe("post");
    expect(n.empty).toBe(false);
    expect(parsed.problems).toEqual([]);
  });

  it("ignores a date that is not a date", () => {
    expect("date" in note("A.md", lines("---", "date: bientôt", "---"))).toBe(false);
  });

  it("says when the body is empty", () => {
    expect(note("A.md", lines("---", "title: Vide", "---", "", "  ")).empty).toBe(true);
  });

  it("reports a front-matter error as an erreur of the file, and reads the note as plain text", () => {
    const parsed = parse("Dossier/Cassé.md", lines("---", "title: A", "layout: x", "- item", "---", "# Titre"));
    expect(parsed.problems).toEqual([
      {
        level: "erreur",
        file: "Dossier/Cassé.md",
        code: "yaml-invalide",
        line: 4,
        column: 1,
        message: "L'en-tête YAML est illisible à la ligne « - item ». Vérifiez la syntaxe « nom: valeur » de cette ligne.",
      },
    ]);
    // The unread front matter stays in the text, before the heading, which no longer opens the note.
    expect(parsed.note.title).toBe("Cassé");
    expect(parsed.note.outline.headings.map((h) => h.line)).toEqual([6]);
  });
});
