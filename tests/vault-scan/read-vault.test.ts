import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("readVault on entries that are neither files nor folders", () => {
  let work: string;
  let notes: string;
  const write = async (file: string, text: string | Buffer) => {
    await mkdir(path.dirname(path.join(notes, file)), { recursive: true });
    await writeFile(path.join(notes, file), text);
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-odd-entries-"));
    notes = path.join(work, "notes");
    await write("Accueil.md", "# Accueil\n");
    await write("Dossier/Note.md", "# Note\n");
    await write("dehors.md", "# Dehors\n");
    await symlink("/dev/zero", path.join(notes, "zero.md"));
    await symlink(".", path.join(notes, "Dossier", "boucle"));
    await symlink(path.join(notes, "Accueil.md"), path.join(notes, "Copie.md"));
    await symlink(path.join(notes, "absent.png"), path.join(notes, "image.png"));
    await symlink("/dev/zero", path.join(notes, ".cache.md"));
    execFileSync("mkfifo", [path.join(notes, "tube.md")]);
    await write(".trash/Jetée.md", "# Jetée\n");
    await write(".obsidian/Réglages.md", "# Réglages\n");
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("reads the notes and never a link, a device or a pipe", async () => {
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.notes.map((n) => n.file)).toEqual(["Accueil.md", "Dossier/Note.md", "dehors.md"]);
    expect(vault.assets).toEqual([]);
  });

  it("warns of each skipped entry, by its path, and of no hidden one", async () => {
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.problems.map((p) => [p.file, p.line, p.column, p.level, p.code])).toEqual([
      ["Copie.md", 1, 1, "avertissement", "entree-ignoree"],
      ["Dossier/boucle", 1, 1, "avertissement", "entree-ignoree"],
      ["image.png", 1, 1, "avertissement", "entree-ignoree"],
      ["tube.md", 1, 1, "avertissement", "entree-ignoree"],
      ["zero.md", 1, 1, "avertissement", "entree-ignoree"],
    ]);
    const byFile = new Map(vault.problems.map((p) => [p.file as string, p.message]));
    expect(byFile.get("zero.md")).toBe(
      "« zero.md » est un lien symbolique, pas un fichier ni un dossier : il n'est jamais suivi ni lu, et rien de ce qu'il désigne n'est publié. Mettez à sa place le fichier ou le dossier lui-même, ou retirez-le du dossier des notes.",
    );
    expect(byFile.get("tube.md")).toContain("« tube.md » est un tube nommé (FIFO), pas un fichier ni un dossier");
  });

  it("stops on a note named as a skipped entry but for case, which Eleventy would ignore with it", async () => {
    const shadowed = path.join(work, "casse");
    await mkdir(path.join(shadowed, "notes", "Dossier"), { recursive: true });
    await writeFile(path.join(shadowed, "notes", "accueil.md"), "# Accueil\n");
    await writeFile(path.join(shadowed, "notes", "Dossier", "Note.md"), "# Note\n");
    await writeFile(path.join(shadowed, "notes", "Autre.md"), "# Autre\n");
    await symlink("/dev/zero", path.join(shadowed, "notes", "ACCUEIL.md"));
    await symlink("/tmp", path.join(shadowed, "notes", "dossier"));
    const vault = await readVault(path.join(shadowed, "notes"), { ...SITE, fileDates: false });
    expect(vault.problems.filter((p) => p.level === "erreur").map((p) => [p.file, p.line, p.code, p.message])).toEqual([
      [
        "accueil.md",
        1,
        "url-en-double",
        "« accueil.md » porte le nom de « ACCUEIL.md » aux majuscules près, une entrée que le site ne lit pas (lien symbolique, dossier caché…) : le générateur les confondrait et ne publierait pas la note. Renommez l'un des deux, ou retirez « ACCUEIL.md ».",
      ],
      ["Dossier/Note.md", 1, "url-en-double", expect.stringContaining("« Dossier/Note.md » porte le nom de « dossier » aux majuscules près") as string],
    ]);
  });

  it("gives Eleventy every entry it did not read, hidden ones included", async () => {
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.unread.map((absolute) => path.relative(notes, absolute).split(path.sep).join("/"))).toEqual([
      ".cache.md",
      ".obsidian",
      ".trash",
      "Copie.md",
      "Dossier/boucle",
      "image.png",
      "tube.md",
      "zero.md",
    ]);
  });
});

describe("readVault: .eleventyignore, UTF-16 notes, the templates folder", () => {
  let work: string;
  const vaultWith = async (name: string, files: Readonly<Record<string, string | Buffer>>) => {
    const dir = path.join(work, name);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    return dir;
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "garden-vault-settings-"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("warns that a .eleventyignore at the top of the notes folder has no effect, and reads the notes it names", async () => {
    const notes = await vaultWith("ignore", { ".eleventyignore": "Note.md\n", "Note.md": "# Note\n", "Dossier/.eleventyignore": "*\n" });
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.notes.map((n) => [n.file, n.unpublished])).toEqual([["Note.md", undefined]]);
    expect(vault.problems).toEqual([
      {
        level: "avertissement",
        code: "eleventyignore-sans-effet",
        file: ".eleventyignore",
        line: 1,
        column: 1,
        message:
          "Le fichier « .eleventyignore » du dossier des notes est sans effet : le site publie toutes les notes qui ne sont pas marquées comme brouillons. Pour garder une note hors du site, écrivez « draft: true » dans son en-tête ou rangez-la dans un dossier « Brouillon », puis supprimez ce fichier.",
      },
    ]);
  });

  it("decodes a UTF-16 note, little- or big-endian, by its byte order mark", async () => {
    const text = "---\ntags: [musée]\n---\n# Été à Orsay\n\nL'œuvre, voir [[Accueil]].\n";
    const bigEndian = Buffer.from(`\uFEFF${text}`, "utf16le").swap16();
    const notes = await vaultWith("utf16", { "Petit-boutiste.md": Buffer.from(`\uFEFF${text}`, "utf16le"), "Gros-boutiste.md": bigEndian });
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    for (const note of vault.notes) {
      expect(note.title).toBe("Été à Orsay");
      expect(note.tags).toEqual(["musée"]);
      expect(note.outline.links.map((l) => [l.syntax.target.note, l.line])).toEqual([["Accueil", 6]]);
    }
    expect(vault.notes).toHaveLength(2);
    expect(vault.problems).toEqual([]);
  });

  it("keeps the notes of the top Templates, Template or Modèles folder off the site when the vault names none", async () => {
    const notes = await vaultWith("default-templates", {
      "Templates/Question.md": "# {{title}}\n",
      "Modèles/Ressource.md": "# {{title}}\n",
      "Dossier/Templates/Note.md": "# Note\n",
      ".obsidian/app.json": "{}",
    });
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.notes.map((n) => [n.file, n.unpublished])).toEqual([
      ["Dossier/Templates/Note.md", undefined],
      ["Modèles/Ressource.md", "templates-folder"],
      ["Templates/Question.md", "templates-folder"],
    ]);
  });

  it("keeps off the site the templates folder that .obsidian/templates.json names, and that one only", async () => {
    const notes = await vaultWith("named-templates", {
      ".obsidian/templates.json": JSON.stringify({ folder: "Outils/Gabarits", dateFormat: "YYYY-MM-DD" }),
      "Outils/Gabarits/Question.md": "---\ndate: {{date}}\n---\n# {{title}}\n",
      "Templates/Note.md": "# Note\n",
    });
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.notes.map((n) => [n.file, n.unpublished])).toEqual([
      ["Outils/Gabarits/Question.md", "templates-folder"],
      ["Templates/Note.md", undefined],
    ]);
  });

  it("reads templates.json from the vault around the notes folder, as when the repository is the vault", async () => {
    const repository = await vaultWith("repository", {
      ".obsidian/templates.json": JSON.stringify({ folder: "notes/Modèles de notes" }),
      "notes/Modèles de notes/Question.md": "# {{title}}\n",
      "notes/Templates/Note.md": "# Note\n",
    });
    const vault = await readVault(path.join(repository, "notes"), { ...SITE, fileDates: false });
    expect(vault.notes.map((n) => [n.file, n.unpublished])).toEqual([
      ["Modèles de notes/Question.md", "templates-folder"],
      ["Templates/Note.md", undefined],
    ]);
  });

  it("reads no templates.json that is not a small file", async () => {
    const notes = await vaultWith("odd-settings", { "Templates/Note.md": "# Note\n", ".obsidian/.keep": "" });
    await symlink("/dev/zero", path.join(notes, ".obsidian", "templates.json"));
    const vault = await readVault(notes, { ...SITE, fileDates: false });
    expect(vault.notes.map((n) => [n.file, n.unpublished])).toEqual([["Templates/Note.md", "templates-folder"]]);
  });
});
