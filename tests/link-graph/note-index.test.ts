import { describe, expect, it } from "vitest";
import { NoteIndex } from "../../src/link-graph/note-index.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { lines, note } from "../helpers.js";

describe("NoteIndex", () => {
  const index = new NoteIndex(
    [
      note("Musée.md"),
      note("Glossaire.md", lines("---", "aliases: [Lexique]", "---")),
      note("Dossier/Sous/Fiche.md"),
      note("Autre/Fiche.md"),
    ],
    ["images/salle.png", "Ateliers/images/salle.png", "doc.pdf"].map(toVaultPath),
  );

  it.each([
    ["Musée", "name", ["Musée.md"]],
    ["MUSÉE", "name-ignoring-case", ["Musée.md"]],
    ["Lexique", "alias", ["Glossaire.md"]],
    ["LEXIQUE", "alias", ["Glossaire.md"]],
    ["Fiche", "name", ["Dossier/Sous/Fiche.md", "Autre/Fiche.md"]],
    ["sous/fiche", "path", ["Dossier/Sous/Fiche.md"]],
    ["/Dossier/Sous/Fiche", "path", ["Dossier/Sous/Fiche.md"]],
  ])("findNotes(%j) matches by %s", (name, by, files) => {
    const found = index.findNotes(name);
    expect(found?.by).toBe(by);
    expect(found?.matches.map((n) => n.file)).toEqual(files);
  });

  it.each(["Musee", "ous/Fiche", "Inconnue", "Dossier/Musée"])("findNotes(%j) finds nothing", (name) => {
    expect(index.findNotes(name)).toBeUndefined();
  });

  it("finds attachments by name or by the end of their path, ignoring case", () => {
    expect(index.findAssets("salle.png")).toEqual(["images/salle.png", "Ateliers/images/salle.png"]);
    expect(index.findAssets("Ateliers/images/SALLE.png")).toEqual(["Ateliers/images/salle.png"]);
    expect(index.findAssets("/doc.pdf")).toEqual(["doc.pdf"]);
    expect(index.findAssets("ages/salle.png")).toEqual([]);
  });
});
