import { describe, expect, it } from "vitest";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { isInTemplatesFolder, yesOrNo } from "../../src/vault-scan/publication.js";
import { lines, parse } from "../helpers.js";

const withField = (field: string) => lines("---", "title: Note", field, "---", "# Note", "", "Texte.");

describe("parseNote: every spelling that hides a note", () => {
  const hiding: [string, string][] = [
    ...["true", "True", "TRUE", "yes", "Yes", "YES", "oui", "Oui", "on", "On", "ON", "1", '"true"', "'yes'", '"OUI"', '" on "', '"1"'].map((value): [string, string] => [`draft: ${value}`, "draft"]),
    ...["false", "False", "FALSE", "no", "No", "NO", "non", "Non", "off", "Off", "OFF", "0", '"false"', "'no'", '"NON"', '"0"'].map((value): [string, string] => [`publish: ${value}`, "publish-false"]),
    ...["false", "no", "non", "off", "0", '"false"'].map((value): [string, string] => [`published: ${value}`, "publish-false"]),
    ["Draft: oui", "draft"],
    ["PUBLISH: non", "publish-false"],
  ];

  it.each(hiding)("%s", (field, reason) => {
    const parsed = parse("Note.md", withField(field));
    expect(parsed.note.unpublished).toBe(reason);
    expect(parsed.problems).toEqual([]);
  });

  it.each([
    ...["false", "no", "non", "off", "0", "NON", '"false"'].map((value) => `draft: ${value}`),
    ...["true", "yes", "oui", "on", "1", "Oui", '"true"'].map((value) => `publish: ${value}`),
    "published: yes",
  ])("%s publishes the note", (field) => {
    const parsed = parse("Note.md", withField(field));
    expect(parsed.note.unpublished).toBeUndefined();
    expect(parsed.problems).toEqual([]);
  });
});

describe("parseNote: a publication value that is not understood", () => {
  it.each([
    ["draft: peut-être", "draft"],
    ["draft: [true]", "draft"],
    ["draft: 2024-05-13", "draft"],
    ["draft: 2", "draft"],
    ["draft:", "draft"],
    ["draft: vrai", "draft"],
    ["publish: jamais", "publish"],
    ["publish: { valeur: false }", "publish"],
    ['published: ""', "published"],
  ])("%s hides the note and is a blocking error at its line", (field, key) => {
    const parsed = parse("Dossier/Note.md", withField(field));
    expect(parsed.note.unpublished).toBe("invalid-publication");
    expect(parsed.problems).toEqual([
      {
        level: "erreur",
        code: "publication-invalide",
        file: "Dossier/Note.md",
        line: 3,
        column: 1,
        message: expect.stringContaining(`« ${field} » : la valeur de « ${key} » n'est pas comprise, la note n'est donc pas publiée.`) as string,
      },
    ]);
  });

  it("names the values accepted, in French", () => {
    const [problem] = parse("Note.md", withField("draft: peut-être")).problems;
    expect(problem!.message).toBe(
      "« draft: peut-être » : la valeur de « draft » n'est pas comprise, la note n'est donc pas publiée. Écrivez « draft: true » pour la garder hors du site, ou « draft: false » pour la publier (valeurs acceptées, en majuscules ou en minuscules : true/false, yes/no, oui/non, on/off, 1/0).",
    );
  });

  it("finds the line of a block list", () => {
    const parsed = parse("Note.md", lines("---", "title: Note", "tags: [a]", "draft:", "  - oui", "---", "Texte."));
    expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["publication-invalide", 4]]);
  });
});

describe("parseNote: folders that are never published", () => {
  it.each([
    ["Brouillon/Note.md", "brouillon-folder"],
    ["Dossier/brouillons/Note.md", "brouillon-folder"],
    ["Drafts/Sous-dossier/Note.md", "brouillon-folder"],
    ["Templates/Note question.md", "templates-folder"],
    ["Template/Note.md", "templates-folder"],
    ["Modèles/Note.md", "templates-folder"],
    ["modèles/Note.md", "templates-folder"],
  ])("%s", (file, reason) => {
    expect(parse(file, lines("# Note", "", "Texte.")).note.unpublished).toBe(reason);
  });

  it.each(["Dossier/Templates/Note.md", "Brouillonné/Note.md", "Modèles de notes/Note.md"])("%s is published", (file) => {
    expect(parse(file, lines("# Note", "", "Texte.")).note.unpublished).toBeUndefined();
  });

  it("the templates folder named by the vault replaces the default ones", () => {
    const folders = ["Outils/Gabarits"];
    expect(isInTemplatesFolder(toVaultPath("Outils/Gabarits/Note.md"), folders)).toBe(true);
    expect(isInTemplatesFolder(toVaultPath("outils/gabarits/Sous/Note.md"), folders)).toBe(true);
    expect(isInTemplatesFolder(toVaultPath("Templates/Note.md"), folders)).toBe(false);
    expect(isInTemplatesFolder(toVaultPath("Outils/Gabarits.md"), folders)).toBe(false);
  });
});

describe("yesOrNo", () => {
  it("reads booleans, 1 and 0, and the words of each side, trimmed, in any case", () => {
    expect([true, 1, "TRUE", " yes ", "Oui", "on", "1"].map(yesOrNo)).toEqual([true, true, true, true, true, true, true]);
    expect([false, 0, "False", "no", "NON", "Off", "0"].map(yesOrNo)).toEqual([false, false, false, false, false, false, false]);
    expect([null, undefined, 2, "", "peut-être", [true], {}, new Date(0)].map(yesOrNo)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
