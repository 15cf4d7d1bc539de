import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listVault, readVault } from "../../src/vault-scan/read-vault.js";
import { toVaultPath } from "../../src/vault-scan/paths.js";
import { fixtureDir, SITE } from "../helpers.js";

describe("readVault on the resolver vault", () => {
  const dir = fixtureDir("resolver-vault");

  it("lists every note, skipping hidden folders", async () => {
    const vault = await readVault(dir, SITE);
    expect(vault.notes.map((n) => n.file).sort()).toEqual(
      [
        "Accueil.md",
        "Ancienne page.md",
        "Archives/Ateliers/Fiche.md",
        "Archives/Rapport.md",
        "Ateliers/Fiche.md",
        "Ateliers/Guide.md",
        "Ateliers/Projet.md",
        "Bilan.md",
        "Brouillon de charte.md",
        "Brouillon.md",
        "Brouillon/Projet secret.md",
        "Charte.md",
        "Colloque/Fiche.md",
        "Colloque/PROJET.md",
        "Colloque/Programme.md",
        "Dossier Été/Qu'est-ce.md",
        "Glossaire.md",
        "Idée.md",
        "Musée.md",
        "Plan du site.md",
        "Publics.md",
        "Ressources/Anciennes/Fiche.md",
        "Ressources/Anciennes/Inventaire.md",
        "Règlement intérieur.md",
        "Stratégie numérique.md",
        "Théâtre.md",
        "Version 2.0.md",
        "Zone/Guide.md",
      ].sort(),
    );
    expect(vault.problems).toEqual([]);
  });

  it("lists the other files as assets, sorted, without hidden folders", async () => {
    const vault = await readVault(dir, SITE);
    expect(vault.assets).toEqual(["Ateliers/logo.png", "Fichiers/Plan du musée.pdf", "doc.pdf", "images/logo.png", "images/salle.png"]);
  });

  it("dates each note by default (from Git, in this repository), and not at all without fileDates", async () => {
    const [dated, undated] = await Promise.all([readVault(dir, SITE), readVault(dir, { ...SITE, fileDates: false })]);
    expect(dated.notes.filter((n) => !(n.updated instanceof Date))).toEqual([]);
    expect(undated.notes.filter((n) => n.updated !== undefined)).toEqual([]);
    // Only the dates differ.
    expect(undated.notes.map(({ updated: _updated, created: _created, ...rest }) => rest)).toEqual(dated.notes.map(({ updated: _updated, created: _created, ...rest }) => rest));
  });

  it("gives an NFC vault path to a file whose name is NFD on disk", async () => {
    expect(readdirSync(dir)).toContain("Théâtre.md".normalize("NFD"));
    expect(readdirSync(dir)).not.toContain("Théâtre.md".normalize("NFC"));
    const vault = await readVault(dir, SITE);
    const theatre = vault.notes.find((n) => n.name === "Théâtre");
    expect(theatre?.file).toBe("Théâtre.md".normalize("NFC"));
    expect(theatre?.url).toBe("/theatre/");
    expect(theatre?.outline.headings.map((h) => h.id)).toEqual(["theatre", "scene"]);
  });

  it("reads titles, aliases and unpublished reasons from the files", async () => {
    const vault = await readVault(dir, SITE);
    const byFile = new Map(vault.notes.map((n) => [n.file as string, n]));
    expect(byFile.get("Accueil.md")?.title).toBe("Accueil");
    expect(byFile.get("Publics.md")?.aliases).toEqual(["Médiation"]);
    expect(byFile.get("Stratégie numérique.md")?.aliases).toEqual(["Plan numérique", "Stratégie digitale"]);
    expect(vault.notes.filter((n) => n.unpublished).map((n) => [n.file, n.unpublished])).toEqual([
      ["Ancienne page.md", "permalink-false"],
      ["Brouillon de charte.md", "draft"],
      ["Brouillon/Projet secret.md", "brouillon-folder"],
      ["Idée.md", "publish-false"],
    ]);
  });

  it("listVault gives the vault path and the absolute path of each Markdown file", async () => {
    const { markdown } = await listVault(dir);
    expect(markdown.size).toBe(28);
    expect(markdown.get(toVaultPath("Ateliers/Fiche.md"))).toBe(path.join(dir, "Ateliers", "Fiche.md"));
    expect([...markdown.values()].some((f) => f.includes(".trash"))).toBe(false);
  });
});

describe("readVault on a vault with broken front matter", () => {
  it("reports each problem at its file line, sorted by file then line", async () => {
    const vault = await readVault(fixtureDir("problems-vault"), SITE);
    expect(vault.problems.map((p) => [p.file, p.line, p.column, p.level, p.code])).toEqual([
      ["Deux-points.md", 2, 8, "erreur", "yaml-invalide"],
      ["Dossier/Guillemet.md", 3, 14, "erreur", "yaml-invalide"],
      ["En-tête liste.md", 2, 1, "erreur", "en-tete-pas-un-objet"],
      ["Non fermé.md", 1, 1, "erreur", "yaml-non-ferme"],
      ["Tabulation.md", 5, 1, "erreur", "yaml-invalide"],
      ["Windows.md", 3, 1, "avertissement", "tag-commentaire"],
    ]);
  });

  it("reads a file with a BOM and CRLF line ends", async () => {
    const vault = await readVault(fixtureDir("problems-vault"), SITE);
    const windows = vault.notes.find((n) => n.file === "Windows.md");
    expect(windows?.title).toBe("Fenêtre");
    expect(windows?.tags).toEqual(["question", "musée"]);
    expect(windows?.bodyStartLine).toBe(5);
    expect(windows?.outline.links.map((l) => [l.syntax.target.note, l.line, l.column, l.context])).toEqual([["Bonne note", 6, 12, "Texte avec Bonne note."]]);
  });

  it("reads the body of a note whose front matter is never closed from line 1", async () => {
    const vault = await readVault(fixtureDir("problems-vault"), SITE);
    const open = vault.notes.find((n) => n.file === "Non fermé.md");
    expect(open?.bodyStartLine).toBe(1);
    expect(open?.outline.headings.map((h) => [h.text, h.line])).toEqual([["Texte sans fin d'en-tête", 3]]);
  });
});
